/** KPI results as the API shows them: one person's month with trend and streak, and lists of people (bulk reads). */
import { Between, In, type DataSource } from 'typeorm';
import { addMonths, promotionStreak, type KpiMonthView, type KpiPersonRow, type KpiPersonView, type KpiPromotionView, type MonthlyKpi } from '@liucai/shared';
import { KpiPromotion, KpiRating, KpiScore, type User } from '../../../entities';
import type { KpiScoreDetail } from '../commands/kpiScorer';
import { schemeFor, schemesInForce } from '../commands/kpiScorer';
import { referenceDay } from '../../talent/commands/talentRecomputer';
import { keptCorpId, keptRead, type KeptCorp } from '../../../db/keptReads';
import { peopleWithRows } from '../../../db/peopleWithRows';

const text = (h: number) => (h / 100).toFixed(2);
const monthView = (s: KpiScore): KpiMonthView => ({ period: s.period, total: text(s.totalH), passScore: text(s.passScoreH), met: Boolean(s.met) });
const history = (rows: KpiScore[]): MonthlyKpi[] => rows.map((r) => ({ period: r.period, total: text(r.totalH), passScore: text(r.passScoreH) }));

export function presentPromotion(p: KpiPromotion, names: Map<string, string>): KpiPromotionView {
  return {
    id: p.id,
    userid: p.userid,
    name: names.get(p.userid) ?? p.userid,
    streakFrom: p.streakFrom,
    period: p.period,
    evidence: JSON.parse(p.evidence) as KpiPromotionView['evidence'],
    decision: (p.decision as KpiPromotionView['decision']) ?? null,
    decisionNote: p.decisionNote,
    decidedBy: p.decidedBy,
    decidedAt: p.decidedAt ? new Date(p.decidedAt).toISOString() : null,
  };
}

/**
 * A person's newest promotion (晋升资格), or null: one query, none for someone never promoted (the corp's promoted
 * people are kept while no pay table changed).
 */
async function latestPromotion(ds: DataSource, reader: KeptCorp, user: User): Promise<KpiPromotion | null> {
  const corpId = user.corpId;
  const promoted = await peopleWithRows(ds, reader, 'pay', KpiPromotion);
  if (!promoted.has(user.userid)) return null;
  // tenancy: the person's promotion rows.
  return ds.getRepository(KpiPromotion).findOne({ where: { corpId, userid: user.userid }, order: { period: 'DESC' } });
}

/**
 * One person's KPI for `period` (default: their latest complete month scored, else the running one), with 12 months
 * of trend and the streak.
 */
export async function presentKpiPerson(
  ds: DataSource,
  reader: KeptCorp,
  user: User,
  period: string | null,
  opts: { required: number; today: string },
): Promise<KpiPersonView> {
  const corpId = user.corpId;
  const required = opts.required;
  const [all, promo] = await Promise.all([
    // tenancy: the person's scores in the corp.
    ds.getRepository(KpiScore).find({ where: { corpId, userid: user.userid }, order: { period: 'ASC' } }),
    latestPromotion(ds, reader, user),
  ]);
  const complete = all.filter((s) => s.period < opts.today.slice(0, 7));
  const shown = period ? all.find((s) => s.period === period) : (complete[complete.length - 1] ?? all[all.length - 1]);
  const upTo = shown?.period ?? period ?? '9999-12';
  // The trend: the latest 12 months scored (the month shown among them, so a later month can be picked).
  const trend = all.slice(-12);
  const streak = promotionStreak(history(all.filter((s) => s.period <= upTo)), required);
  const names = new Map([[user.userid, user.name]]);
  const base = {
    userid: user.userid,
    name: user.name,
    title: user.title,
    trend: trend.map(monthView),
    streak,
    promotion: promo ? presentPromotion(promo, names) : null,
  };
  if (!shown) {
    return {
      ...base,
      period: period ?? null,
      scheme: null,
      total: null,
      passScore: null,
      met: null,
      team: null,
      linkage: null,
      explanation: null,
      indicators: [],
      computedAt: null,
    };
  }
  const d = JSON.parse(shown.detail) as KpiScoreDetail;
  const defs = new Map(d.indicators.map((i) => [i.id, i]));
  return {
    ...base,
    period: shown.period,
    scheme: d.scheme,
    total: text(shown.totalH),
    passScore: text(shown.passScoreH),
    met: Boolean(shown.met),
    team: d.result.team,
    linkage: d.result.result.linkage,
    explanation: d.result.result.explanation,
    indicators: d.result.result.indicators.map((i) => {
      const def = defs.get(i.id);
      const input = d.inputs[i.id];
      return {
        id: i.id,
        label: i.label,
        group: i.group,
        source: def?.source ?? '',
        measure: def?.measure ?? '',
        unit: def?.unit ?? '',
        target: def?.target ?? '',
        value: i.value,
        score: i.score,
        baseWeight: i.baseWeight,
        weight: i.weight,
        contribution: i.contribution,
        explanation: i.explanation,
        note: input?.note ?? '',
        sources: input?.sources ?? [],
      };
    }),
    computedAt: new Date(shown.computedAt).toISOString(),
  };
}

/** Rows for a list of people for `period`: totals, streaks and (with `ratable`) the judgement indicators to rate. */
export async function presentKpiRows(
  ds: DataSource,
  corp: KeptCorp,
  people: User[],
  period: string,
  opts: { required: number; today: string; ratable: boolean },
): Promise<KpiPersonRow[]> {
  const corpId = keptCorpId(corp);
  const ids = people.map((p) => p.userid);
  const scores = new Map<string, KpiScore[]>();
  const ratings = new Map<string, KpiRating[]>();
  for (let i = 0; i < ids.length; i += 1000) {
    const slice = ids.slice(i, i + 1000);
    // tenancy: the corp's scores and ratings of these people.
    for (const s of await ds.getRepository(KpiScore).find({
      where: { corpId, userid: In(slice), period: Between(addMonths(period, -23), period) },
      select: { userid: true, period: true, totalH: true, passScoreH: true, met: true, team: true },
    }))
      scores.set(s.userid, [...(scores.get(s.userid) ?? []), s]);
    if (opts.ratable)
      for (const r of await ds.getRepository(KpiRating).find({ where: { corpId, period, userid: In(slice) } }))
        ratings.set(r.userid, [...(ratings.get(r.userid) ?? []), r]);
  }
  const day = referenceDay(period, opts.today);
  // The schemes in force that day, kept while no pay table changed (two reads and a compile per list otherwise).
  const schemes = opts.ratable ? await keptRead(ds, corp, ['pay'], ['kpiSchemesInForce', day], () => schemesInForce(ds, corpId, day)) : [];
  return people.map((p) => {
    const mine = scores.get(p.userid) ?? [];
    const month = mine.find((s) => s.period === period);
    const streak = promotionStreak(history(mine), opts.required);
    const s = opts.ratable ? schemeFor(schemes, p.title) : undefined;
    return {
      userid: p.userid,
      name: p.name,
      title: p.title,
      total: month ? text(month.totalH) : null,
      passScore: month ? text(month.passScoreH) : null,
      met: month ? Boolean(month.met) : null,
      team: (month?.team as KpiPersonRow['team']) ?? null,
      streak: streak.streak,
      eligible: streak.eligible,
      ratable: (s?.compiled.indicators ?? [])
        .filter((i) => i.source === 'supervisorRating')
        .map((i) => {
          const r = (ratings.get(p.userid) ?? []).find((x) => x.indicatorId === i.id);
          return { id: i.id, label: i.label, rating: r?.rating ?? null, comment: r?.comment ?? null };
        }),
    };
  });
}
