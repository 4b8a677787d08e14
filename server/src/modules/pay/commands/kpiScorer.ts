/**
 * Score a corp's KPI for one month (the kpi.score job; never in a request): find each person's scheme (the scheme
 * for their DingTalk title, else the scheme for any title) and its published version in force on the month's
 * reference day; read the corp's rows for the month in bulk (deals that count under the named CRM rules, satisfaction,
 * collaborations, ratings); measure, score with the team linkage (shared/src/pay/kpiMeasures.ts) and write every
 * person's row in batched upserts. Rows of the month for people no longer scored are removed, so the stored month is
 * exactly this run's answer and a recompute replaces it. For a complete month it then checks promotion streaks.
 */
import { In, type DataSource } from 'typeorm';
import {
  addMonths,
  inEffect,
  KPI_PLACES,
  scaledText,
  measureKpiInputs,
  monthEnd,
  scoreKpiTeams,
  validateKpiScheme,
  type CompiledKpiScheme,
  type KpiCorpRows,
  type KpiPersonInput,
  type KpiSettings,
  type MeasuredValue,
} from '@liucai/shared';
import { CollaborationEvent, Deal, KpiImportValue, KpiRating, KpiScheme, KpiSchemeVersion, KpiScore, SatisfactionScore, User } from '../../../entities';
import { whereDealCounts } from '../../sync/queries/crmRows';
import { contractRefOf } from '../queries/payoutRunInputs';
import { referenceDay } from '../../talent/commands/talentRecomputer';
import { checkPromotions } from './kpiPromotionChecker';

const BATCH = 500;

/** What a stored score's detail holds (kpi_scores.detail). */
export interface KpiScoreDetail {
  scheme: { id: number; name: string; versionId: number; version: number };
  result: ReturnType<typeof scoreKpiTeams> extends Map<string, infer R> ? R : never;
  inputs: Record<string, MeasuredValue>;
  /** The indicators' definitions (unit, target, source, measure) as the version had them. */
  indicators: { id: string; unit: string; target: string; source: string; measure: string }[];
}

export interface KpiScoreRunResult {
  period: string;
  people: number;
  versions: number[];
  promotions: number;
}

export interface SchemeInForce {
  scheme: KpiScheme;
  version: KpiSchemeVersion;
  compiled: CompiledKpiScheme;
  /** Each indicator's target as text (“300,000”). */
  targets: Map<string, string>;
}

/** The corp's schemes (oldest first) and their published versions. */
export async function loadKpiSchemes(ds: DataSource, corpId: string): Promise<{ schemes: KpiScheme[]; versions: KpiSchemeVersion[] }> {
  // tenancy: the corp's schemes and published versions.
  const schemes = await ds.getRepository(KpiScheme).find({ where: { corpId }, order: { id: 'ASC' } });
  const versions = await ds.getRepository(KpiSchemeVersion).find({ where: { corpId, status: 'published' } });
  return { schemes, versions };
}

/** The published version of each scheme in force on `day` (a scheme with none, or one no longer valid, is skipped). */
export async function schemesInForce(ds: DataSource, corpId: string, day: string): Promise<SchemeInForce[]> {
  const { schemes, versions } = await loadKpiSchemes(ds, corpId);
  return pickSchemesInForce(schemes, versions, day);
}

/** `schemesInForce` on rows already read. */
export function pickSchemesInForce(schemes: readonly KpiScheme[], versions: readonly KpiSchemeVersion[], day: string): SchemeInForce[] {
  const out: SchemeInForce[] = [];
  for (const scheme of schemes) {
    const version = versions.find((v) => v.schemeId === scheme.id && inEffect({ from: v.effectiveFrom, to: v.effectiveTo }, day));
    if (!version) continue;
    const checked = validateKpiScheme(JSON.parse(version.definition));
    if (checked.ok)
      out.push({
        scheme,
        version,
        compiled: checked.compiled,
        targets: new Map(checked.compiled.indicators.map((i) => [i.id, scaledText(i.target, KPI_PLACES.value)])),
      });
  }
  return out;
}

/** The scheme for a title: its own, else the scheme for any title (the oldest of each). */
export const schemeFor = (schemes: SchemeInForce[], title: string | null): SchemeInForce | undefined =>
  schemes.find((s) => title !== null && s.scheme.jobTitle === title) ?? schemes.find((s) => s.scheme.jobTitle === null);

/** Read everything the measures need for the month, corp-wide, one query per kind. */
async function readCorpRows(ds: DataSource, corpId: string, period: string): Promise<KpiCorpRows> {
  const first = `${period}-01`;
  const last = monthEnd(period);
  // tenancy: d.corp_id = the corp; the named rule leaves out deleted rows and cancelled deals.
  const deals = await whereDealCounts(
    ds
      .getRepository(Deal)
      .createQueryBuilder('d')
      .select(['d.source', 'd.sourceId', 'd.ownerUserid', 'd.customerSourceId', 'd.customerName', 'd.amountFen', 'd.signedOn', 'd.renewalYears'])
      .where('d.corp_id = :corpId AND d.owner_userid IS NOT NULL AND d.signed_on >= :from AND d.signed_on <= :last', {
        corpId,
        from: `${addMonths(period, -24)}-01`,
        last,
      }),
    'd',
  ).getMany();
  // tenancy: s.corp_id = the corp.
  const satisfaction = await ds
    .getRepository(SatisfactionScore)
    .createQueryBuilder('s')
    .where('s.corp_id = :corpId AND s.owner_userid IS NOT NULL AND s.surveyed_on >= :first AND s.surveyed_on <= :last', { corpId, first, last })
    .getMany();
  // tenancy: c.corp_id = the corp.
  const collaborations = await ds
    .getRepository(CollaborationEvent)
    .createQueryBuilder('c')
    .where('c.corp_id = :corpId AND c.occurred_on >= :first AND c.occurred_on <= :last', { corpId, first, last })
    .getMany();
  // tenancy: the corp's ratings of the month.
  const ratings = await ds.getRepository(KpiRating).find({ where: { corpId, period } });
  // tenancy: the corp's imported values of the month.
  const imports = await ds.getRepository(KpiImportValue).find({ where: { corpId, period } });
  return {
    deals: deals.map((d) => ({
      ref: contractRefOf(d),
      ownerUserid: d.ownerUserid!,
      customer: d.customerSourceId ?? `name:${d.customerName}`,
      amountFen: Number(d.amountFen),
      signedOn: d.signedOn,
      renewalYears: d.renewalYears,
    })),
    satisfaction: satisfaction.map((s) => ({
      ref: `satisfaction:${s.source}:${s.sourceId}`,
      ownerUserid: s.ownerUserid!,
      scoreTenths: s.scoreTenths,
      surveyedOn: s.surveyedOn,
    })),
    collaborations: collaborations.map((c) => ({ ref: `collaboration:${c.source}:${c.sourceId}`, userid: c.userid, occurredOn: c.occurredOn })),
    ratings: ratings.map((r) => ({ ref: `rating:${r.id}`, userid: r.userid, indicatorId: r.indicatorId, rating: r.rating })),
    imports: imports.map((v) => ({ ref: `import:${v.sourceId}`, userid: v.userid, indicatorId: v.indicatorId, value: v.value, note: v.note })),
  };
}

export async function scoreKpiMonth(
  ds: DataSource,
  corpId: string,
  period: string,
  opts: { today: string; settings: KpiSettings; now?: Date },
): Promise<KpiScoreRunResult> {
  const day = referenceDay(period, opts.today);
  const schemes = await schemesInForce(ds, corpId, day);
  const first = `${period}-01`;
  // tenancy: the corp's people; those who left before the month are not scored.
  const users = (
    await ds.getRepository(User).find({ where: { corpId }, select: { userid: true, title: true, supervisorUserid: true, status: true, leftOn: true } })
  ).filter((u) => u.status === 'active' || (u.leftOn !== null && u.leftOn >= first));
  const assigned = new Map<string, { user: (typeof users)[number]; s: SchemeInForce }>();
  for (const u of users) {
    const s = schemeFor(schemes, u.title);
    if (s) assigned.set(u.userid, { user: u, s });
  }
  const rows = assigned.size ? await readCorpRows(ds, corpId, period) : { deals: [], satisfaction: [], collaborations: [], ratings: [] };
  const inputs: KpiPersonInput[] = [];
  for (const s of schemes) {
    const ids = [...assigned.values()].filter((a) => a.s === s).map((a) => a.user.userid);
    for (const [userid, values] of measureKpiInputs(s.compiled, period, ids, rows))
      inputs.push({ userid, teamKey: assigned.get(userid)!.user.supervisorUserid, scheme: s.compiled, values });
  }
  const scored = scoreKpiTeams(inputs);

  const now = opts.now ?? new Date();
  const scoreRows: Partial<KpiScore>[] = inputs.map((p) => {
    const { s } = assigned.get(p.userid)!;
    const r = scored.get(p.userid)!;
    const detail: KpiScoreDetail = {
      scheme: { id: s.scheme.id, name: s.scheme.name, versionId: s.version.id, version: s.version.version },
      result: r,
      inputs: p.values,
      indicators: s.compiled.indicators.map((i) => ({ id: i.id, unit: i.unit, target: s.targets.get(i.id) ?? '', source: i.source, measure: i.measure })),
    };
    return {
      corpId,
      userid: p.userid,
      period,
      schemeId: s.scheme.id,
      versionId: s.version.id,
      team: r.result.team,
      totalH: r.result.totalH,
      passScoreH: s.compiled.passScoreH,
      met: r.result.met,
      detail: JSON.stringify(detail),
      computedAt: now,
    };
  });

  await ds.transaction(async (em) => {
    // tenancy: the corp's rows of the month.
    const existing = await em.getRepository(KpiScore).find({ where: { corpId, period }, select: { id: true, userid: true } });
    const gone = existing.filter((e) => !assigned.has(e.userid)).map((e) => e.id);
    for (let i = 0; i < gone.length; i += BATCH) await em.getRepository(KpiScore).delete({ corpId, id: In(gone.slice(i, i + BATCH)) });
    for (let i = 0; i < scoreRows.length; i += BATCH)
      await em
        .createQueryBuilder()
        .insert()
        .into(KpiScore)
        .values(scoreRows.slice(i, i + BATCH))
        .orUpdate(['scheme_id', 'version_id', 'team', 'total_h', 'pass_score_h', 'met', 'detail', 'computed_at'], ['corp_id', 'period', 'userid'])
        .execute();
  });
  // Promotion streaks only from complete months (a running month may still change).
  const promotions = period < opts.today.slice(0, 7) ? await checkPromotions(ds, corpId, period, [...assigned.keys()], opts.settings.promotionMonths, now) : 0;
  return { period, people: scoreRows.length, versions: [...new Set(schemes.map((s) => s.version.id))], promotions };
}
