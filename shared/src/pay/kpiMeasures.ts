/**
 * What each KPI indicator measures, computed for every person of a corp at once from rows the server read in bulk
 * (deals that count under the named CRM rules, satisfaction scores, collaboration records, supervisors' ratings),
 * and the team status the linkage uses. Every value names the rows it came from (`deal:dingtalk:D1`, `rating:7` …)
 * so a score can be traced to its inputs.
 *
 * Indicators are matched by id (the templates' ids), supervisor ratings by source:
 * - `sales`: the person's contracts signed in the month, summed, in 元.
 * - `retention`: of the customers whose first-year term with the person ended in the 12 months up to the month's end
 *   (contracts signed 13–24 months before the month), the share (%) that renewed (renewal years > 0) or signed
 *   again with the person after it, by the month's end.
 * - `repurchase`: of the person's customers with a contract signed in the 12 months ending with the month, the share
 *   (%) with a renewal (renewal years > 0) or a second contract in those 12 months.
 * - `satisfaction`: the average (0–10) of the satisfaction scores of the person's customers surveyed in the month.
 * - `helping`: the person's collaboration records in the month.
 * - `resourceSharing`: contracts signed in the month by a colleague with a customer the person had signed before.
 * - any indicator with source `supervisorRating`: the supervisor's rating for the month, 1–5 → 20–100.
 * - any indicator with source `import`: the value HR imported for the person, month and indicator (the “KPI 指标值”
 *   import, `import:<row id>`); none imported scores 0 with “无数据”.
 * Any other indicator has no automatic source: it scores 0 with “无数据”.
 */
import { addMonths, monthEnd } from '../talent/portrait';
import { ratio, ratioToFixed } from './rounding';
import { scoreKpi, type KpiResult, type TeamStatus } from './kpiScoring';
import type { CompiledKpiScheme } from './kpiTypes';

export interface KpiDealRow {
  ref: string;
  ownerUserid: string;
  /** Customer key: CRM customer id, or the name for imported deals. */
  customer: string;
  amountFen: number;
  signedOn: string;
  renewalYears: number;
}
export interface KpiSatisfactionRow {
  ref: string;
  ownerUserid: string;
  scoreTenths: number;
  surveyedOn: string;
}
export interface KpiCollaborationRow {
  ref: string;
  userid: string;
  occurredOn: string;
}
export interface KpiRatingRow {
  ref: string;
  userid: string;
  indicatorId: string;
  rating: number;
}

export interface KpiImportRow {
  ref: string;
  userid: string;
  indicatorId: string;
  /** Exact decimal text. */
  value: string;
  note: string | null;
}

/** Everything the measures read, for the corp (deals signed from 24 months before the month to its end). */
export interface KpiCorpRows {
  deals: readonly KpiDealRow[];
  satisfaction: readonly KpiSatisfactionRow[];
  collaborations: readonly KpiCollaborationRow[];
  ratings: readonly KpiRatingRow[];
  /** Imported values of the month (indicators with source `import`). */
  imports?: readonly KpiImportRow[];
}

export interface MeasuredValue {
  /** Decimal text, or null when there is nothing to measure. */
  value: string | null;
  /** The rows behind the value. */
  sources: string[];
  /** How the value came about, in Chinese. */
  note: string;
}

/** The scale of supervisors' ratings and its value on an indicator (1 → 20 … 5 → 100). */
export const KPI_RATING_SCALE = { min: 1, max: 5, toValue: 20 } as const;

/** The month a day falls in. */
const monthOf = (day: string) => day.slice(0, 7);
const pct = (num: number, den: number) => ratioToFixed(ratio(num * 100, den), 2);

function group<T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

/** The measured value of every indicator of `scheme` for each of `userids` in `period` (yyyy-mm). */
export function measureKpiInputs(
  scheme: CompiledKpiScheme,
  period: string,
  userids: readonly string[],
  rows: KpiCorpRows,
): Map<string, Record<string, MeasuredValue>> {
  const first = `${period}-01`;
  const last = monthEnd(period);
  const from12 = `${addMonths(period, -11)}-01`;
  const dueFrom = `${addMonths(period, -24)}-01`;
  const dueTo = monthEnd(addMonths(period, -13));
  const dealsByOwner = group(rows.deals, (d) => d.ownerUserid);
  const satisfactionByOwner = group(rows.satisfaction, (s) => s.ownerUserid);
  const collaborationsByUser = group(rows.collaborations, (c) => c.userid);
  const ratingsByUser = group(rows.ratings, (r) => r.userid);
  const importsByUser = group(rows.imports ?? [], (r) => r.userid);
  const monthDealsByCustomer = group(
    rows.deals.filter((d) => d.signedOn >= first && d.signedOn <= last),
    (d) => d.customer,
  );

  const out = new Map<string, Record<string, MeasuredValue>>();
  for (const userid of userids) {
    const own = (dealsByOwner.get(userid) ?? []).filter((d) => d.signedOn <= last);
    const values: Record<string, MeasuredValue> = {};
    for (const ind of scheme.indicators) {
      if (ind.source === 'supervisorRating') {
        const r = (ratingsByUser.get(userid) ?? []).find((x) => x.indicatorId === ind.id);
        values[ind.id] = r
          ? { value: String(r.rating * KPI_RATING_SCALE.toValue), sources: [r.ref], note: `主管评分 ${r.rating} 分（满分 ${KPI_RATING_SCALE.max}）` }
          : { value: null, sources: [], note: '主管尚未评分' };
        continue;
      }
      if (ind.source === 'import') {
        const r = (importsByUser.get(userid) ?? []).find((x) => x.indicatorId === ind.id);
        values[ind.id] = r
          ? { value: r.value, sources: [r.ref], note: r.note ? `导入数据：${r.note}` : '导入数据' }
          : { value: null, sources: [], note: '本月尚未导入数据' };
        continue;
      }
      switch (ind.id) {
        case 'sales': {
          const signed = own.filter((d) => d.signedOn >= first);
          const fen = signed.reduce((s, d) => s + d.amountFen, 0);
          values[ind.id] = { value: ratioToFixed(ratio(fen, 100), 2), sources: signed.map((d) => d.ref), note: `本月签约 ${signed.length} 份合同` };
          break;
        }
        case 'retention': {
          const due = group(
            own.filter((d) => d.signedOn >= dueFrom && d.signedOn <= dueTo),
            (d) => d.customer,
          );
          const kept = [...due].filter(
            ([customer, ds]) => ds.some((d) => d.renewalYears > 0) || own.some((d) => d.customer === customer && d.signedOn > dueTo),
          );
          values[ind.id] =
            due.size === 0
              ? { value: null, sources: [], note: '近 12 个月没有到期的客户' }
              : {
                  value: pct(kept.length, due.size),
                  sources: [...due.values()].flat().map((d) => d.ref),
                  note: `到期客户 ${due.size} 个，续约或再签 ${kept.length} 个`,
                };
          break;
        }
        case 'repurchase': {
          const active = group(
            own.filter((d) => d.signedOn >= from12),
            (d) => d.customer,
          );
          const again = [...active.values()].filter((ds) => ds.length >= 2 || ds.some((d) => d.renewalYears > 0));
          values[ind.id] =
            active.size === 0
              ? { value: null, sources: [], note: '近 12 个月没有签约客户' }
              : {
                  value: pct(again.length, active.size),
                  sources: [...active.values()].flat().map((d) => d.ref),
                  note: `近 12 个月签约客户 ${active.size} 个，续约或复购 ${again.length} 个`,
                };
          break;
        }
        case 'satisfaction': {
          const scores = (satisfactionByOwner.get(userid) ?? []).filter((s) => monthOf(s.surveyedOn) === period);
          values[ind.id] =
            scores.length === 0
              ? { value: null, sources: [], note: '本月没有满意度调查' }
              : {
                  value: ratioToFixed(
                    ratio(
                      scores.reduce((s, x) => s + x.scoreTenths, 0),
                      scores.length * 10,
                    ),
                    2,
                  ),
                  sources: scores.map((s) => s.ref),
                  note: `本月 ${scores.length} 份满意度调查的平均分`,
                };
          break;
        }
        case 'helping': {
          const events = (collaborationsByUser.get(userid) ?? []).filter((c) => monthOf(c.occurredOn) === period);
          values[ind.id] = { value: String(events.length), sources: events.map((c) => c.ref), note: `本月协作记录 ${events.length} 条` };
          break;
        }
        case 'resourceSharing': {
          const mine = new Set(own.filter((d) => d.signedOn < first).map((d) => d.customer));
          const shared = [...mine].flatMap((c) => (monthDealsByCustomer.get(c) ?? []).filter((d) => d.ownerUserid !== userid));
          values[ind.id] = { value: String(shared.length), sources: shared.map((d) => d.ref), note: `同事本月与其原有客户新签 ${shared.length} 份合同` };
          break;
        }
        default:
          values[ind.id] = { value: null, sources: [], note: '没有可自动计算的数据来源' };
      }
    }
    out.set(userid, values);
  }
  return out;
}

export interface KpiPersonInput {
  userid: string;
  /** The team: people with the same supervisor (null: no team, no linkage). */
  teamKey: string | null;
  scheme: CompiledKpiScheme;
  values: Record<string, MeasuredValue>;
}

export interface KpiTeamStatus {
  status: TeamStatus;
  members: number;
  /** Average of the members' totals before linkage, and of their pass scores. */
  average: string;
  passScore: string;
}

/**
 * Score everyone, with the team linkage: a team (the people scored this month with the same supervisor) meets its
 * target when the average of its members' weighted totals before linkage reaches the average of their pass scores;
 * then each member is scored again with the team's status (a scheme without linkage is unchanged by it).
 */
export function scoreKpiTeams(people: readonly KpiPersonInput[]): Map<string, { result: KpiResult; team: KpiTeamStatus | null }> {
  const plain = new Map(people.map((p) => [p.userid, scoreKpi(p.scheme, valuesOf(p), null)]));
  const teams = new Map<string, KpiTeamStatus>();
  for (const [key, members] of group(
    people.filter((p) => p.teamKey !== null),
    (p) => p.teamKey!,
  )) {
    const totalSum = members.reduce((s, m) => s + plain.get(m.userid)!.totalH, 0);
    const passSum = members.reduce((s, m) => s + m.scheme.passScoreH, 0);
    teams.set(key, {
      status: totalSum >= passSum ? 'met' : 'missed',
      members: members.length,
      average: ratioToFixed(ratio(totalSum, members.length * 100), 2),
      passScore: ratioToFixed(ratio(passSum, members.length * 100), 2),
    });
  }
  const out = new Map<string, { result: KpiResult; team: KpiTeamStatus | null }>();
  for (const p of people) {
    const team = p.teamKey === null ? null : teams.get(p.teamKey)!;
    out.set(p.userid, { result: team && p.scheme.teamLinkage ? scoreKpi(p.scheme, valuesOf(p), team.status) : plain.get(p.userid)!, team });
  }
  return out;
}

const valuesOf = (p: KpiPersonInput): Record<string, string | null> => Object.fromEntries(Object.entries(p.values).map(([id, v]) => [id, v.value]));
