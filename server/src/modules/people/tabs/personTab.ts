import type { DataSource } from 'typeorm';
import type { Paged } from '@liucai/shared';
import type { User } from '../../../entities';
import type { Config } from '../../../config';
import type { PageRequest } from '../queries/paging';
import type { Actor } from '../../../appTypes';

/**
 * What a tab reads with: the person (already checked to be in the viewer's scope), the page asked for, and the viewer
 * (for a tab with narrower rules than the profile, e.g. 风险).
 */
export interface PersonTabContext {
  ds: DataSource;
  config: Config;
  actor: Actor;
  person: User;
  page: PageRequest;
}

/**
 * One tab of the person page that lists records: `GET /api/v1/people/:userid/<key>`, paged. Adding a tab is one
 * file with one of these and one entry in tabs/index.ts (and its entry in the micro-app's personTabs.tsx).
 */
export interface PersonTab {
  /** The URL segment, e.g. `leave`. */
  key: string;
  /** Whose it is beyond the profile's scope: omitted, everyone who may open the profile; `risk`, the radar's rules. */
  access?: 'risk';
  list(ctx: PersonTabContext): Promise<Paged<unknown>>;
}
