import type { DataSource } from 'typeorm';
import type { Paged } from '@liucai/shared';
import type { User } from '../../../entities';
import type { Config } from '../../../config';
import type { PageRequest } from '../queries/paging';
import type { Actor } from '../../../appTypes';

/** Whose tab it is: all a tab needs of the person. */
export type TabPerson = Pick<User, 'corpId' | 'userid'>;

/**
 * What a tab reads with: the person (checked to be in the viewer's scope, unless the tab checks its own narrower
 * rule: `checksAccess`), the page asked for, and the viewer (for a tab with narrower rules than the profile, e.g. 风险).
 */
export interface PersonTabContext {
  ds: DataSource;
  config: Config;
  actor: Actor;
  person: TabPerson;
  page: PageRequest;
}

/**
 * One tab of the person page that lists records: `GET /api/v1/people/:userid/<key>`, paged. Adding a tab is one
 * file with one of these and one entry in tabs/index.ts (and its entry in the micro-app's personTabs.tsx).
 */
export interface PersonTab {
  /** The URL segment, e.g. `leave`. */
  key: string;
  /**
   * For a tab whose rule is narrower than the profile's (风险: the radar's), whether it checks `actor`'s access to the
   * person itself, in the statement that reads them: then the profile's check (which every one it lets through
   * passes) is not read first. Omitted: everyone who may open the profile sees the tab.
   */
  checksAccess?(actor: Actor): boolean;
  list(ctx: PersonTabContext): Promise<Paged<unknown>>;
}
