/** HR decisions of the talent review: the ones in force for a month's list, and a person's history. */
import { In, type DataSource } from 'typeorm';
import { TalentDecision, User } from '../../../entities';
import { keptCorpId, type KeptCorp } from '../../../db/keptReads';
import { peopleWithRows } from '../../../db/peopleWithRows';

/** The decision in force (the newest) per person for a month and job model, for the people listed. One query. */
export async function decisionsInForce(
  ds: DataSource,
  corpId: string,
  period: string,
  jobModelId: number,
  userids: readonly string[],
): Promise<Map<string, TalentDecision>> {
  const out = new Map<string, TalentDecision>();
  if (userids.length === 0) return out;
  // tenancy: the corp's decisions, for people already filtered by the caller's scope (a page's people by name).
  const few = userids.length <= 500 ? { userid: In([...userids]) } : {};
  const rows = await ds.getRepository(TalentDecision).find({ where: { corpId, period, jobModelId, ...few }, order: { id: 'ASC' } });
  const wanted = new Set(userids);
  for (const r of rows) if (wanted.has(r.userid)) out.set(r.userid, r);
  return out;
}

/**
 * Every decision on one person, newest first, and the deciders' names by userid: one query, none for a person no one
 * has decided on (the corp's decided people are kept while no talent table changed).
 */
export async function decisionsOf(ds: DataSource, corp: KeptCorp, userid: string): Promise<{ history: TalentDecision[]; names: Map<string, string> }> {
  const corpId = keptCorpId(corp);
  const decided = await peopleWithRows(ds, corp, 'talent', TalentDecision);
  if (!decided.has(userid)) return { history: [], names: new Map() };
  // tenancy: by corp and person (the caller's scope is checked before); the deciders among the corp's people.
  const { entities, raw } = await ds
    .getRepository(TalentDecision)
    .createQueryBuilder('d')
    .leftJoin(User, 'by', 'by.corp_id = d.corp_id AND by.userid = d.decided_by')
    .addSelect('by.name', 'by_name')
    .where('d.corp_id = :corpId AND d.userid = :userid', { corpId, userid })
    .orderBy('d.id', 'DESC')
    .getRawAndEntities<{ by_name: string | null }>();
  const names = new Map<string, string>();
  entities.forEach((d, i) => {
    const name = raw[i]?.by_name;
    if (name != null) names.set(d.decidedBy, name);
  });
  return { history: entities, names };
}

/** Names of the people who decided, by userid (one query). */
export async function deciderNames(ds: DataSource, corpId: string, decisions: readonly TalentDecision[]): Promise<Map<string, string>> {
  const ids = [...new Set(decisions.map((d) => d.decidedBy))];
  if (ids.length === 0) return new Map();
  // tenancy: the corp's people.
  const users = await ds.getRepository(User).find({ where: { corpId, userid: In(ids) }, select: { userid: true, name: true } });
  return new Map(users.map((u) => [u.userid, u.name]));
}
