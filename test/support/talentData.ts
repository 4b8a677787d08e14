/**
 * CRM data for the talent world, month 2026-06 (today 2026-06-20):
 * - 王五: follow-ups of a big client every month from 2025-07 (12 months), 24 cross-department collaborations in
 *   April–June (8 a month), 20 contracts that came up for renewal in the 24 months of which 17 were renewed (85%);
 *   plus a follow-up DingTalk deleted (2024-08) and a cancelled big deal in June, which must count nowhere.
 * - 张三: one follow-up and one small deal in June: too little data for a score.
 * - 赵六 left in January (data before that); 钱七 (财务部, outside HR's scope) follows up a client in June.
 */
import type { DataSource } from 'typeorm';
import { addMonths, scaledText, type TalentTier } from '@liucai/shared';
import { buildCollaboration, buildCustomer, buildDeal, buildFollowUp, buildSatisfaction } from './factories';
import type { TalentWorld } from './talentWorld';
import { TalentMatchScore, TalentMetric, User } from '../../server/src/entities';
import type { JobQueue } from '../../server/src/jobs/jobTypes';
import type { InProcessJobQueue } from '../../server/src/jobs/inProcessJobQueue';
import { waitFor } from './waitFor';
import { loadDepartmentIndex } from '../../server/src/modules/people/queries/departmentIndex';

export const TALENT_PERIOD = '2026-06';
export const TALENT_TODAY = '2026-06-20';

const at = (day: string) => new Date(`${day}T02:00:00Z`);

export async function buildTalentData(ds: DataSource, tw: TalentWorld): Promise<void> {
  const { corpId } = tw;
  const { wang, zhang, gone, outsider } = tw.people;
  await buildCustomer(ds, corpId, { sourceId: 'big-w', name: '华东精密', ownerUserid: wang.userid, segment: 'big' });
  for (let i = 0; i < 12; i++)
    await buildFollowUp(ds, corpId, { ownerUserid: wang.userid, customerSourceId: 'big-w', followedAt: at(`${addMonths('2025-07', i)}-15`) });
  await buildCustomer(ds, corpId, { sourceId: 'big-old', name: '博远物流', ownerUserid: wang.userid, segment: 'big' });
  await buildFollowUp(ds, corpId, { ownerUserid: wang.userid, customerSourceId: 'big-old', followedAt: at('2024-08-15'), removedAt: new Date() });
  for (let i = 0; i < 24; i++) {
    await buildCollaboration(ds, corpId, {
      userid: wang.userid,
      withDepartment: i % 3 === 0 ? '客户成功部' : '技术部',
      occurredOn: `${addMonths('2026-04', i % 3)}-${String(1 + i).padStart(2, '0')}`,
    });
  }
  for (let i = 0; i < 20; i++) {
    const signed = `${addMonths('2023-08', i)}-01`;
    const key = `k${i}`;
    await buildCustomer(ds, corpId, { sourceId: key, name: `客户${key}`, ownerUserid: wang.userid, segment: 'big' });
    await buildDeal(ds, corpId, {
      ownerUserid: wang.userid,
      customerSourceId: key,
      customerName: `客户${key}`,
      amountFen: 5_000_000,
      signedOn: signed,
      status: 'completed',
    });
    if (i < 17) {
      // Renewed for 3 years at the term's end (a year later, same day of the month).
      const renewed = `${Number(signed.slice(0, 4)) + 1}${signed.slice(4)}`;
      await buildDeal(ds, corpId, {
        ownerUserid: wang.userid,
        customerSourceId: key,
        customerName: `客户${key}`,
        amountFen: 5_000_000,
        signedOn: renewed,
        renewalYears: 3,
      });
    }
  }
  await buildDeal(ds, corpId, {
    ownerUserid: wang.userid,
    customerSourceId: 'big-w',
    customerName: '华东精密',
    amountFen: 9_000_000,
    signedOn: '2026-06-05',
    status: 'cancelled',
  });

  await buildFollowUp(ds, corpId, { ownerUserid: zhang.userid, customerSourceId: 'small-z', followedAt: at('2026-06-03') });
  await buildDeal(ds, corpId, { ownerUserid: zhang.userid, customerSourceId: null, customerName: '散客', amountFen: 280_000, signedOn: '2026-06-10' });

  await buildFollowUp(ds, corpId, { ownerUserid: gone.userid, customerSourceId: 'big-w', followedAt: at('2026-01-10') });
  await buildFollowUp(ds, corpId, { ownerUserid: outsider.userid, customerSourceId: 'x-1', followedAt: at('2026-06-08') });
}

/** A salesperson's behaviour over the months up to `period`, as synced CRM rows. */
export interface Behaviour {
  /** Months (ending with `period`) with a follow-up of a big client. */
  bigMonths: number;
  /** Cross-department collaborations a month, over the last 3 months. */
  collaborationsPerMonth: number;
  /** Contracts that came up for renewal, and how many were renewed. */
  due: number;
  renewed: number;
  /** One imported satisfaction score (tenths), if any. */
  satisfactionTenths?: number;
}

/** Write `b` for `userid` (customers and contracts keyed by the userid, so people never share them). */
export async function buildBehaviour(ds: DataSource, corpId: string, userid: string, b: Behaviour, period = TALENT_PERIOD): Promise<void> {
  const big = `${userid}-big`;
  await buildCustomer(ds, corpId, { sourceId: big, name: `${userid} 大客户`, ownerUserid: userid, segment: 'big' });
  for (let i = 0; i < b.bigMonths; i++)
    await buildFollowUp(ds, corpId, { ownerUserid: userid, customerSourceId: big, followedAt: at(`${addMonths(period, -i)}-15`) });
  for (let i = 0; i < b.collaborationsPerMonth * 3; i++) {
    await buildCollaboration(ds, corpId, { userid, withDepartment: i % 2 ? '技术部' : '客户成功部', occurredOn: `${addMonths(period, -(i % 3))}-10` });
  }
  for (let i = 0; i < b.due; i++) {
    const key = `${userid}-k${i}`;
    const signed = `${addMonths(period, -14 - i)}-01`;
    await buildCustomer(ds, corpId, { sourceId: key, name: `${userid} 客户${i}`, ownerUserid: userid, segment: 'big' });
    await buildDeal(ds, corpId, { ownerUserid: userid, customerSourceId: key, customerName: key, amountFen: 3_000_000, signedOn: signed, status: 'completed' });
    if (i < b.renewed) {
      const renewed = `${addMonths(period, -2 - i)}-01`;
      await buildDeal(ds, corpId, { ownerUserid: userid, customerSourceId: key, customerName: key, amountFen: 3_000_000, signedOn: renewed, renewalYears: 3 });
    }
  }
  if (b.satisfactionTenths !== undefined)
    await buildSatisfaction(ds, corpId, { ownerUserid: userid, scoreTenths: b.satisfactionTenths, surveyedOn: `${period}-05` });
}

/** Four behaviours, one per tier and one with too little data. */
export const TIER_BEHAVIOURS: Record<'move' | 'train' | 'reassign' | 'insufficient', Behaviour> = {
  move: { bigMonths: 12, collaborationsPerMonth: 4, due: 10, renewed: 9 },
  train: { bigMonths: 8, collaborationsPerMonth: 3, due: 10, renewed: 7, satisfactionTenths: 80 },
  reassign: { bigMonths: 2, collaborationsPerMonth: 1, due: 10, renewed: 5 },
  insufficient: { bigMonths: 3, collaborationsPerMonth: 0, due: 0, renewed: 0 },
};

/**
 * The browser tests' salespeople: the first four active people of 销售中心 (by userid, HR left out), one per entry of
 * TIER_BEHAVIOURS in order; answers who got which behaviour.
 */
export async function buildTierPeople(ds: DataSource, corpId: string, hrUserid: string): Promise<Record<keyof typeof TIER_BEHAVIOURS, string>> {
  const depts = await loadDepartmentIndex(ds, corpId);
  const sales = depts.departments.find((d) => d.name === '销售中心')!;
  const inSales = depts.subtree([sales.deptId]);
  const people = (await ds.getRepository(User).find({ where: { corpId, status: 'active' }, order: { userid: 'ASC' } })).filter(
    (u) => u.mainDeptId !== null && inSales.has(Number(u.mainDeptId)) && u.userid !== hrUserid,
  );
  const chosen = {} as Record<keyof typeof TIER_BEHAVIOURS, string>;
  const tiers = Object.keys(TIER_BEHAVIOURS) as (keyof typeof TIER_BEHAVIOURS)[];
  for (const [i, tier] of tiers.entries()) {
    chosen[tier] = people[i]!.userid;
    await buildBehaviour(ds, corpId, people[i]!.userid, TIER_BEHAVIOURS[tier]);
  }
  return chosen;
}

/**
 * Run the talent.recompute job of TALENT_PERIOD for the corp through the world's in-process queue, as the server
 * would queue it, and wait until its scores are stored. `label` keeps each suite's job id apart.
 */
export async function recomputeThroughJob(w: { ds: DataSource; jobs: JobQueue }, corpId: string, label: string): Promise<void> {
  await w.jobs.enqueue('talent.recompute', { corpId, period: TALENT_PERIOD }, { jobId: `talent-recompute-${corpId}-${TALENT_PERIOD}-${label}` });
  await (w.jobs as InProcessJobQueue).idle();
  await waitFor('stored scores', async () => (await w.ds.getRepository(TalentMatchScore).countBy({ corpId })) > 0);
}

/**
 * A stored match score as the recompute stores it (tier from the score; the score's shortest decimal text, 85 → "85",
 * 85.5 → "85.5"; null: 数据不足), with no dimensions.
 */
export async function storeMatchScore(
  ds: DataSource,
  corpId: string,
  s: { userid: string; period: string; versionId: number; jobModelId: number; score: number | null },
): Promise<void> {
  const tier: TalentTier | null = s.score === null ? null : s.score >= 80 ? 'move' : s.score >= 60 ? 'train' : 'reassign';
  const text = s.score === null ? null : scaledText(Math.round(s.score * 10), 1);
  await ds.getRepository(TalentMatchScore).insert({
    corpId,
    userid: s.userid,
    period: s.period,
    jobModelId: s.jobModelId,
    versionId: s.versionId,
    scoreT: s.score === null ? null : Math.round(s.score * 10),
    tier,
    detail: JSON.stringify({ score: text, dimensions: [], explanation: s.score === null ? '数据不足：缺少续签率' : `匹配度 ${text}` }),
    computedAt: new Date(),
  });
}

/** Stored portrait sales of one person (the 9-box's recent sales): per month, 小客户成交额 and 大客户成交额 in yuan. */
export async function storeMonthlySales(ds: DataSource, corpId: string, userid: string, months: [period: string, small: string, big: string][]): Promise<void> {
  if (months.length === 0) return;
  const row = (period: string, metric: string, value: string) => ({
    corpId,
    userid,
    period,
    metric,
    value,
    sample: 1,
    missing: null,
    detail: null,
    computedAt: new Date(),
  });
  await ds
    .getRepository(TalentMetric)
    .insert(months.flatMap(([period, small, big]) => [row(period, 'smallDealValue', small), row(period, 'bigDealValue', big)]));
}
