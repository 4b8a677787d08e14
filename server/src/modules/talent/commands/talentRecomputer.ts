/**
 * Recompute a corp's portraits and match scores for one month or quarter (the talent.recompute job; never in a
 * request; a quarter, period yyyyQn, after its last month: recomputeTalentWithQuarter):
 * read the corp's CRM rows for the window once, compute every salesperson's portrait (shared/src/talent/portrait.ts),
 * score it against every job model's published version in effect, and write both in batched upserts. People who
 * left before the month, and people with no deal or follow-up in 24 months (not salespeople), get no rows; rows of
 * the month for anyone else are removed, so what is stored is exactly this run's answer. Only people whose inputs
 * changed are rewritten: each person's portrait and the versions scored against hash to `talent_input_hashes`, and
 * a person whose hash is the stored one keeps their rows (their scores would come out the same). A month's run also
 * stores the 9-box's recent sales and cut-offs (nineBoxStore.ts) of the month and of the two after it (their windows
 * hold this month's portraits), for everyone, changed or not.
 */
import { createHash } from 'node:crypto';
import { Between, In, Not, IsNull, type DataSource, type EntityManager } from 'typeorm';
import {
  addMonths,
  assessmentMetrics,
  computePortrait,
  feedbackCorpus,
  inEffect,
  inputsFromPortrait,
  isQuarterEnd,
  monthEnd,
  periodKind,
  periodSpan,
  portraitMedians,
  quarterOf,
  scoreMatch,
  teamGroup,
  topFeedbackTerms,
  validateJobModel,
  type AssessmentMetricValue,
  type DimensionScore,
  type PortraitMetricValue,
  type SubmittedAssessment,
} from '@liucai/shared';
import {
  AssessmentResponse,
  JobModelVersion,
  TalentFeedbackTerms,
  TalentInputHash,
  TalentMatchScore,
  TalentMetric,
  TalentMetricMedian,
  User,
} from '../../../entities';
import { followUpNotes } from '../queries/followUpNotes';
import { employedOnOrAfter, peopleWithHistory } from '../../sync/queries/peopleWithHistory';
import { addDays, shanghaiDate, shanghaiMidnight } from '../../../util/dates';
import { ensureBuiltInJobModels } from './builtInJobModelSeeder';
import { storeNineBoxesAfter } from './nineBoxStore';
import { loadCorpActivity } from '../queries/talentActivity';

const BATCH = 500;

export interface RecomputeResult {
  period: string;
  /** People with a portrait this month. */
  people: number;
  /** Of those, people whose rows were rewritten (inputs changed, or new) and people left alone (same inputs). */
  written: number;
  skipped: number;
  /** Metric and score rows written. */
  metrics: number;
  medians: number;
  feedback: number;
  scores: number;
  versions: number[];
}

export interface RecomputeOptions {
  bigDealFen: number;
  today: string;
  /** Told how many of the people considered are computed so far (every PROGRESS_EVERY people, then at the end). */
  onProgress?: (done: number, total: number) => Promise<void> | void;
}

const PROGRESS_EVERY = 250;

/** What a person's rows are computed from: their portrait and the versions (id and definition) scored against. */
export function talentInputHash(metrics: readonly (PortraitMetricValue | AssessmentMetricValue)[], versionsKey: string): string {
  const portrait = metrics.map((m) => [m.metric, m.value, m.sample, m.missing, m.detail ?? null]);
  return createHash('sha256').update(versionsKey).update('\n').update(JSON.stringify(portrait)).digest('hex');
}

/** The day a month's scores use versions for: its last day, or `today` while the month is still running. */
export const referenceDay = (period: string, today: string): string => (monthEnd(period) < today ? monthEnd(period) : today);

export async function recomputeTalent(ds: DataSource, corpId: string, period: string, opts: RecomputeOptions): Promise<RecomputeResult> {
  await ensureBuiltInJobModels(ds, corpId);
  // A quarter's counts read its three months; every longer window ends with its last month (shared talentPeriod.ts).
  const { first, last } = periodSpan(period);
  const end = monthEnd(last);
  const from24 = `${addMonths(last, -23)}-01`;
  // Renewal rates look at terms of up to 3 years that ended in the 24 months.
  const activity = await loadCorpActivity(ds, corpId, { dealsFrom: addDays(from24, -3 * 365 - 1), from: from24, to: end }, opts.bigDealFen);
  const employed = (await peopleWithHistory(ds, corpId)).filter((p) => p.inOrg && employedOnOrAfter(p, `${first}-01`));
  const assessed = await submittedAssessments(ds, corpId, last);
  const portraits = new Map<string, (PortraitMetricValue | AssessmentMetricValue)[]>();
  for (const [i, p] of employed.entries()) {
    if (opts.onProgress && i > 0 && i % PROGRESS_EVERY === 0) await opts.onProgress(i, employed.length);
    const a = activity.byPerson.get(p.userid);
    const active = a && (a.deals.some((d) => d.signedOn >= from24) || a.followUps.length > 0);
    if (active)
      portraits.set(p.userid, [
        ...computePortrait(a, period, { renewalsByCustomer: activity.renewalsByCustomer }),
        ...assessmentMetrics(assessed.get(p.userid) ?? [], period),
      ]);
  }

  const day = referenceDay(last, opts.today);
  // tenancy: the corp's published job-model versions.
  const versions = (await ds.getRepository(JobModelVersion).find({ where: { corpId, status: 'published' } })).filter((v) =>
    inEffect({ from: v.effectiveFrom, to: v.effectiveTo }, day),
  );
  const now = new Date();
  // Who changed: the stored hash of each person's inputs (one query) against this run's.
  const versionsKey = JSON.stringify([...versions].sort((a, b) => a.id - b.id).map((v) => [v.id, v.definition]));
  // tenancy: the corp's input hashes of the month.
  const storedHashes = await ds.getRepository(TalentInputHash).find({ where: { corpId, period }, select: { userid: true, hash: true } });
  const stored = new Map(storedHashes.map((h) => [h.userid, h.hash]));
  const hashRows: Partial<TalentInputHash>[] = [];
  const changed = new Map<string, (PortraitMetricValue | AssessmentMetricValue)[]>();
  for (const [userid, metrics] of portraits) {
    const hash = talentInputHash(metrics, versionsKey);
    if (stored.get(userid) === hash) continue;
    changed.set(userid, metrics);
    hashRows.push({ corpId, period, userid, hash, computedAt: now });
  }
  const metricRows: Partial<TalentMetric>[] = [];
  for (const [userid, metrics] of changed)
    for (const m of metrics)
      metricRows.push({
        corpId,
        userid,
        period,
        metric: m.metric,
        value: m.value,
        sample: m.sample,
        missing: m.missing,
        detail: m.detail ? JSON.stringify(m.detail) : null,
        computedAt: now,
      });
  const medianRows = await teamAndCompanyMedians(ds, corpId, period, portraits, now);
  const feedbackRows = await feedbackKeywords(ds, corpId, period, last, new Set(portraits.keys()), now);
  const scoreRows: Partial<TalentMatchScore>[] = [];
  for (const v of versions) {
    const checked = validateJobModel(JSON.parse(v.definition));
    if (!checked.ok) continue; // published versions were validated; a definition the code no longer accepts scores nobody
    for (const [userid, metrics] of changed) {
      const r = scoreMatch(checked.compiled, inputsFromPortrait(checked.compiled, new Map(metrics.map((m) => [m.metric, m.value]))));
      scoreRows.push({
        corpId,
        userid,
        period,
        jobModelId: v.jobModelId,
        versionId: v.id,
        scoreT: r.scoreT,
        tier: r.tier,
        detail: JSON.stringify({
          score: r.score,
          dimensions: r.dimensions,
          missingWeight: r.missingWeight,
          maxMissingWeight: r.maxMissingWeight,
          explanation: r.explanation,
        }),
        computedAt: now,
      });
    }
  }

  await ds.transaction(async (em) => {
    const keep = new Set(portraits.keys());
    await removeOthers(em, TalentMetric, corpId, period, keep);
    await removeOthers(em, TalentMatchScore, corpId, period, keep);
    await removeOthers(em, TalentInputHash, corpId, period, keep);
    // Scores of versions no longer in effect for the month go too (a month has the versions of its reference day).
    const stale = await em.getRepository(TalentMatchScore).find({ where: { corpId, period }, select: { id: true, versionId: true } });
    const live = new Set(versions.map((v) => v.id));
    const staleIds = stale.filter((s) => !live.has(s.versionId)).map((s) => s.id);
    for (let i = 0; i < staleIds.length; i += BATCH) await em.getRepository(TalentMatchScore).delete({ corpId, id: In(staleIds.slice(i, i + BATCH)) });
    for (let i = 0; i < metricRows.length; i += BATCH)
      await em
        .createQueryBuilder()
        .insert()
        .into(TalentMetric)
        .values(metricRows.slice(i, i + BATCH))
        .orUpdate(['value', 'sample', 'missing', 'detail', 'computed_at'], ['corp_id', 'period', 'userid', 'metric'])
        .execute();
    // tenancy: the corp's medians of the month are rewritten whole.
    await em.getRepository(TalentMetricMedian).delete({ corpId, period });
    for (let i = 0; i < medianRows.length; i += BATCH) await em.getRepository(TalentMetricMedian).insert(medianRows.slice(i, i + BATCH));
    // tenancy: the corp's feedback keywords of the month are rewritten whole.
    await em.getRepository(TalentFeedbackTerms).delete({ corpId, period });
    for (let i = 0; i < feedbackRows.length; i += BATCH) await em.getRepository(TalentFeedbackTerms).insert(feedbackRows.slice(i, i + BATCH));
    for (let i = 0; i < scoreRows.length; i += BATCH)
      await em
        .createQueryBuilder()
        .insert()
        .into(TalentMatchScore)
        .values(scoreRows.slice(i, i + BATCH))
        .orUpdate(['job_model_id', 'score_t', 'tier', 'detail', 'computed_at'], ['corp_id', 'period', 'version_id', 'userid'])
        .execute();
    for (let i = 0; i < hashRows.length; i += BATCH)
      await em
        .createQueryBuilder()
        .insert()
        .into(TalentInputHash)
        .values(hashRows.slice(i, i + BATCH))
        .orUpdate(['hash', 'computed_at'], ['corp_id', 'period', 'userid'])
        .execute();
    // The 9-box's sales, columns and cut-offs of the month and of the months whose window holds it (quarters have none).
    if (periodKind(period) === 'month') await storeNineBoxesAfter(em, corpId, period, now);
  });
  await opts.onProgress?.(employed.length, employed.length);
  return {
    period,
    people: portraits.size,
    written: changed.size,
    skipped: portraits.size - changed.size,
    metrics: metricRows.length,
    medians: medianRows.length,
    feedback: feedbackRows.length,
    scores: scoreRows.length,
    versions: versions.map((v) => v.id),
  };
}

/**
 * A month's recompute and, when the month ends a quarter (03, 06, 09, 12), the quarter's (period yyyyQn) from the
 * same rows: what the talent.recompute job runs. Progress is the month's; the quarter's people follow it.
 */
export async function recomputeTalentWithQuarter(
  ds: DataSource,
  corpId: string,
  month: string,
  opts: RecomputeOptions,
): Promise<{ month: RecomputeResult; quarter: RecomputeResult | null }> {
  const result = await recomputeTalent(ds, corpId, month, opts);
  if (!isQuarterEnd(month)) return { month: result, quarter: null };
  return { month: result, quarter: await recomputeTalent(ds, corpId, quarterOf(month), { ...opts, onProgress: undefined }) };
}

/**
 * Every metric's median over the company and over each team (the person's main department now, one query) for the
 * month, from the portraits just computed (shared/src/talent/portraitMedians.ts).
 */
async function teamAndCompanyMedians(
  ds: DataSource,
  corpId: string,
  period: string,
  portraits: ReadonlyMap<string, readonly { metric: string; value: string | null }[]>,
  computedAt: Date,
): Promise<Partial<TalentMetricMedian>[]> {
  // tenancy: the corp's people and their main departments.
  const users = await ds.getRepository(User).find({ where: { corpId }, select: { userid: true, mainDeptId: true } });
  const mainDept = new Map(users.map((u) => [u.userid, u.mainDeptId]));
  const medians = portraitMedians(
    [...portraits].map(([userid, metrics]) => {
      const dept = mainDept.get(userid);
      return { team: dept === null || dept === undefined ? null : teamGroup(dept), metrics };
    }),
  );
  return medians.map((m) => ({
    corpId,
    period,
    groupKey: m.group,
    metric: m.metric,
    median: m.median,
    people: m.people,
    population: m.population,
    missing: m.missing,
    computedAt,
  }));
}

/**
 * Client-feedback keywords of everyone with a portrait and a follow-up note in the 3 months ending with the month
 * `last` (a quarter's: exactly its months), against the company's notes of those months (shared/src/talent/feedbackTerms.ts).
 */
async function feedbackKeywords(
  ds: DataSource,
  corpId: string,
  period: string,
  last: string,
  people: ReadonlySet<string>,
  computedAt: Date,
): Promise<Partial<TalentFeedbackTerms>[]> {
  const notes = await followUpNotes(ds, corpId, `${addMonths(last, -2)}-01`, monthEnd(last));
  const { words, corpus } = feedbackCorpus(notes);
  const rows: Partial<TalentFeedbackTerms>[] = [];
  for (const [userid, docs] of words) {
    if (!people.has(userid)) continue;
    const k = topFeedbackTerms(docs, corpus);
    rows.push({ corpId, period, userid, documents: k.notes, terms: JSON.stringify(k.terms), computedAt });
  }
  return rows;
}

/** Submitted assessment sheets of the 12 months ending with `period`, by the person assessed (one query). */
async function submittedAssessments(ds: DataSource, corpId: string, period: string): Promise<Map<string, SubmittedAssessment[]>> {
  const from = new Date(shanghaiMidnight(`${addMonths(period, -11)}-01`));
  const to = new Date(shanghaiMidnight(addDays(monthEnd(period), 1)) - 1);
  // tenancy: the corp's submitted sheets of the window.
  const rows = await ds.getRepository(AssessmentResponse).find({
    where: { corpId, submittedAt: Between(from, to), scores: Not(IsNull()) },
    select: { id: true, cycleId: true, versionId: true, subjectUserid: true, role: true, submittedAt: true, scores: true },
  });
  const out = new Map<string, SubmittedAssessment[]>();
  for (const r of rows) {
    const list = out.get(r.subjectUserid) ?? [];
    list.push({
      responseId: r.id,
      cycleId: r.cycleId,
      versionId: r.versionId,
      role: r.role,
      submittedOn: shanghaiDate(r.submittedAt!),
      scores: JSON.parse(r.scores!) as DimensionScore[],
    });
    out.set(r.subjectUserid, list);
  }
  return out;
}

/** Remove the month's rows of everyone not in `keep` (they left, or are no longer salespeople). */
async function removeOthers(
  em: EntityManager,
  entity: typeof TalentMetric | typeof TalentMatchScore | typeof TalentInputHash,
  corpId: string,
  period: string,
  keep: Set<string>,
) {
  // tenancy: the corp's rows of the month.
  const rows: { userid: string }[] = await em
    .getRepository(entity)
    .createQueryBuilder('t')
    .select('DISTINCT t.userid', 'userid')
    .where('t.corp_id = :corpId AND t.period = :period', { corpId, period })
    .getRawMany();
  const gone = rows.map((r) => r.userid).filter((u) => !keep.has(u));
  for (let i = 0; i < gone.length; i += BATCH) await em.getRepository(entity).delete({ corpId, period, userid: In(gone.slice(i, i + BATCH)) });
}
