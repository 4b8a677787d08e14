/**
 * The outcomes job's first step: every person's month of the trailing 13 complete months as stored facts
 * (shared/src/outcomes/facts.ts), read in bulk: people (users and departures, the radar's reader), counting deals
 * (the talent reader: removed CRM rows and cancelled deals never count), training records, match-score tiers and
 * risk bands. The window's rows are replaced in one transaction, so a re-run leaves exactly the same rows; the
 * 转型看板's sums (outcome_group_months) are rebuilt in the same transaction.
 */
import { Between, In, MoreThanOrEqual, type DataSource } from 'typeorm';
import { addMonths, monthEnd, monthsBetween, outcomeFactsOf, type OutcomeFact, type RiskBand, type TalentTier } from '@liucai/shared';
import { OutcomePersonMonth, RetentionRisk, TalentMatchScore, TrainingRecord, User } from '../../../entities';
import { radarPeople } from '../../retention/queries/retentionPeople';
import { loadCorpActivity } from '../../talent/queries/talentActivity';
import { rebuildOutcomeGroups } from './outcomeGroupsBuilder';

/** Months stored: the last complete one and the 12 before (12-month retention of the last month needs them all). */
export const OUTCOME_MONTHS = 13;

export interface OutcomeFactsResult {
  months: string[];
  rows: number;
}

const TIERS = new Set(['move', 'train', 'reassign']);
const BANDS = new Set(['高', '中', '低']);

export async function computeOutcomeFacts(
  ds: DataSource,
  corpId: string,
  opts: { lastMonth: string; bigDealFen: number; now: Date },
): Promise<OutcomeFactsResult> {
  const months = monthsBetween(addMonths(opts.lastMonth, -(OUTCOME_MONTHS - 1)), opts.lastMonth);
  const from = `${months[0]}-01`;
  const to = monthEnd(opts.lastMonth);

  const people = await radarPeople(ds, corpId);
  // tenancy: every read below is of this corp only.
  const depts = await ds.getRepository(User).find({ where: { corpId }, select: { userid: true, mainDeptId: true } });
  const deptOf = new Map(depts.map((u) => [u.userid, u.mainDeptId === null ? null : Number(u.mainDeptId)]));
  const activity = await loadCorpActivity(ds, corpId, { dealsFrom: from, from: to, to }, opts.bigDealFen);
  const training = await ds.getRepository(TrainingRecord).find({ where: { corpId }, select: { userid: true, completedOn: true } });
  const trainingOf = new Map<string, { completedOn: string | null }[]>();
  for (const t of training) trainingOf.set(t.userid, [...(trainingOf.get(t.userid) ?? []), { completedOn: t.completedOn }]);

  // The first job model scoring the person that month (the 人才盘点 default), by the lowest job model id.
  const scores = await ds.getRepository(TalentMatchScore).find({
    where: { corpId, period: In(monthsBetween(months[0]!, addMonths(opts.lastMonth, 3))) },
    select: { userid: true, period: true, jobModelId: true, tier: true },
    order: { jobModelId: 'DESC' },
  });
  const tiersOf = new Map<string, Map<string, TalentTier | null>>();
  for (const s of scores) {
    const m = tiersOf.get(s.userid) ?? new Map<string, TalentTier | null>();
    m.set(s.period, s.tier && TIERS.has(s.tier) ? (s.tier as TalentTier) : null);
    tiersOf.set(s.userid, m);
  }
  const risks = await ds.getRepository(RetentionRisk).find({
    where: { corpId, weekStart: Between(from, to) },
    select: { userid: true, weekStart: true, band: true },
  });
  const bandsOf = new Map<string, Map<string, RiskBand | null>>();
  for (const r of risks) {
    const m = bandsOf.get(r.userid) ?? new Map<string, RiskBand | null>();
    m.set(r.weekStart, r.band && BANDS.has(r.band) ? (r.band as RiskBand) : null);
    bandsOf.set(r.userid, m);
  }

  const facts: OutcomeFact[] = [];
  for (const p of people) {
    facts.push(
      ...outcomeFactsOf(
        {
          userid: p.userid,
          deptId: deptOf.get(p.userid) ?? null,
          hiredOn: p.hiredOn,
          lastDay: p.lastDay,
          deals: activity.byPerson.get(p.userid)?.deals ?? [],
          training: trainingOf.get(p.userid) ?? [],
          tiers: tiersOf.get(p.userid) ?? new Map(),
          bands: bandsOf.get(p.userid) ?? new Map(),
        },
        months,
      ),
    );
  }
  const rows = facts.map((f) => Object.assign(new OutcomePersonMonth(), { corpId, ...f, computedAt: opts.now }));
  await ds.transaction(async (em) => {
    await em.getRepository(OutcomePersonMonth).delete({ corpId, month: MoreThanOrEqual(months[0]!) });
    for (let i = 0; i < rows.length; i += 500) await em.getRepository(OutcomePersonMonth).insert(rows.slice(i, i + 500));
  });
  // The page's sums, from every stored month (older runs' months included), once the rows they add up are committed.
  await rebuildOutcomeGroups(ds, corpId);
  return { months, rows: rows.length };
}
