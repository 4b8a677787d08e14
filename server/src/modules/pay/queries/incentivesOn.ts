import type { DataSource } from 'typeorm';
import type { Actor } from '../../../appTypes';
import type { MyIncentives } from '@liucai/shared';
import { keptRead } from '../../../db/keptReads';
import type { User } from '../../../entities';
import { keptUserRefs } from '../presenters/userRefs';
import { authorsOf } from '../presenters/ruleVersionPresenter';
import { presentResolvedPlan } from '../presenters/planPresenter';
import { planCache } from './planResolution';

/**
 * A person's plan on a day and the plan before it (我的激励, and HR's view of a person's plan): resolved in memory from
 * the corp's assignments, plans, published versions and departments, kept while no pay table or department changed
 * (one read by key instead of a dozen queries a view), with the versions' authors named (kept while no person changed).
 */
export async function incentivesOn(
  ds: DataSource,
  person: Pick<User, 'corpId' | 'userid' | 'title' | 'mainDeptId'>,
  day: string,
  /** Who asks (in the person's corp): their session's versions check the kept plans. */
  reader: Actor,
): Promise<MyIncentives> {
  if (reader.corpId !== person.corpId) throw new Error('incentivesOn: the reader and the person are in different corps');
  const plans = await keptRead(ds, reader, ['org', 'pay'], ['planCache'], () => planCache(ds, person.corpId));
  const current = await plans.on(person, day);
  const previous = current ? (await plans.stint(person, current)).before : null;
  const users = await keptUserRefs(
    ds,
    reader,
    authorsOf(
      [],
      [current, previous].flatMap((p) => (p?.version ? [p.version] : [])),
    ),
  );
  return { today: day, current: presentResolvedPlan(current, users), previous: presentResolvedPlan(previous, users) };
}
