/**
 * A job-model version's impact (岗位模型 → 影响预览): every person in the actor's scope with a stored portrait in the
 * newest month, their stored score under the version in effect → their score under this version (draft or
 * published), and the main reason (shared/src/talent/scoreChange.ts). A what-if like the preview: computed from
 * stored portraits with the same code as the talent.recompute job, nothing stored. Reads are batched.
 */
import { In, type DataSource } from 'typeorm';
import {
  compareZh,
  inputsFromPortrait,
  scoreChangeReason,
  scoreMatch,
  tierMoves,
  validateJobModel,
  type CompiledJobModel,
  type DimensionResult,
  type JobModelImpact,
  type JobModelImpactRow,
  type TalentTier,
} from '@liucai/shared';
import type { Actor } from '../../../appTypes';
import { notFound, validationError } from '../../../errors';
import { JobModelVersion, TalentMatchScore, TalentMetric, User } from '../../../entities';
import { loadDepartmentIndex } from '../../people/queries/departmentIndex';
import { peopleScopeOf, whereInPeopleScope } from '../../people/policies/peopleScope';
import { PERIOD_LIKE } from './periodKinds';

const BATCH = 1000;
const isTier = (t: string | null): t is TalentTier => t === 'move' || t === 'train' || t === 'reassign';

function compile(v: JobModelVersion): CompiledJobModel | null {
  const c = validateJobModel(JSON.parse(v.definition));
  return c.ok ? c.compiled : null;
}

export async function versionImpact(ds: DataSource, actor: Actor, versionId: number): Promise<JobModelImpact> {
  const corpId = actor.corpId;
  // tenancy: the version by id and corp.
  const version = await ds.getRepository(JobModelVersion).findOne({ where: { corpId, id: versionId } });
  if (!version) throw notFound('岗位模型版本');
  const c = validateJobModel(JSON.parse(version.definition));
  if (!c.ok)
    throw validationError(
      c.problems.map((p) => ({ field: `definition.${p.path}`, message: p.message })),
      '该版本的定义有误，先修改草稿',
    );
  const model = c.compiled;
  // tenancy: the corp's newest month (not quarter) with portraits.
  const newest = await ds
    .getRepository(TalentMetric)
    .createQueryBuilder('m')
    .select('MAX(m.period)', 'period')
    .where('m.corp_id = :corpId AND m.period LIKE :months', { corpId, months: PERIOD_LIKE.month })
    .getRawOne<{ period: string | null }>();
  const period = newest?.period ?? null;
  const head = { versionId: version.id, version: version.version, jobModelId: version.jobModelId, period };
  if (period === null) return { ...head, summary: { people: 0, changed: 0, up: 0, down: 0, tierMoves: [] }, people: [] };

  // People in scope with a portrait that month (one query), then their metrics and stored scores in batches.
  const scope = await peopleScopeOf(ds, actor);
  const people = await whereInPeopleScope(
    ds
      .getRepository(User)
      .createQueryBuilder('u')
      .select('u.userid', 'userid')
      .addSelect('u.name', 'name')
      .addSelect('u.main_dept_id', 'dept')
      .where(`EXISTS (SELECT 1 FROM talent_metrics m WHERE m.corp_id = u.corp_id AND m.userid = u.userid AND m.period = :period)`, { period }),
    'u',
    scope,
  ).getRawMany<{ userid: string; name: string; dept: number | string | null }>();
  const values = new Map<string, Map<string, string | null>>();
  const stored = new Map<string, TalentMatchScore>();
  for (let i = 0; i < people.length; i += BATCH) {
    const ids = people.slice(i, i + BATCH).map((p) => p.userid);
    // tenancy: the corp's rows of the month for these people.
    for (const m of await ds
      .getRepository(TalentMetric)
      .find({ where: { corpId, period, userid: In(ids) }, select: { userid: true, metric: true, value: true } })) {
      const own = values.get(m.userid) ?? new Map<string, string | null>();
      own.set(m.metric, m.value);
      values.set(m.userid, own);
    }
    // tenancy: the corp's stored scores of the month for this job model.
    for (const s of await ds.getRepository(TalentMatchScore).find({ where: { corpId, period, jobModelId: version.jobModelId, userid: In(ids) } }))
      stored.set(s.userid, s);
  }
  const oldVersionIds = [...new Set([...stored.values()].map((s) => s.versionId))];
  // tenancy: the corp's versions by id.
  const oldVersions = oldVersionIds.length ? await ds.getRepository(JobModelVersion).find({ where: { corpId, id: In(oldVersionIds) } }) : [];
  const oldById = new Map(oldVersions.map((v) => [v.id, { v, model: compile(v) }]));
  const depts = await loadDepartmentIndex(ds, corpId);

  const rows: (JobModelImpactRow & { deltaT: number | null })[] = people.map((p) => {
    const now = scoreMatch(model, inputsFromPortrait(model, values.get(p.userid) ?? new Map()));
    const s = stored.get(p.userid);
    const old = s ? oldById.get(s.versionId) : undefined;
    const oldDetail = s ? (JSON.parse(s.detail) as { score: string | null; dimensions: DimensionResult[] }) : null;
    const oldTier = s && isTier(s.tier) ? s.tier : null;
    const deltaT = s?.scoreT != null && now.scoreT !== null ? now.scoreT - s.scoreT : null;
    const reason =
      !s || !old?.model || !oldDetail
        ? '此前没有按该岗位模型计算的匹配度'
        : scoreChangeReason(
            { model: old.model, score: oldDetail.score, dimensions: oldDetail.dimensions },
            { model, score: now.score, dimensions: now.dimensions },
          );
    return {
      userid: p.userid,
      name: p.name,
      department: depts.ref(p.dept === null ? null : Number(p.dept)),
      oldScore: oldDetail?.score ?? null,
      oldTier,
      oldVersion: old?.v.version ?? null,
      newScore: now.score,
      newTier: now.tier,
      delta: deltaT === null ? null : `${deltaT > 0 ? '+' : deltaT < 0 ? '-' : ''}${(Math.abs(deltaT) / 10).toFixed(1)}`,
      deltaT,
      reason,
    };
  });
  // Largest change first; a score that appears or disappears before unchanged ones; then by name.
  const weight = (r: { deltaT: number | null; oldScore: string | null; newScore: string | null }) =>
    r.deltaT !== null ? Math.abs(r.deltaT) : r.oldScore === r.newScore ? -1 : 100_000;
  rows.sort((a, b) => weight(b) - weight(a) || compareZh(a.name, b.name));
  const moves = tierMoves(rows);
  return {
    ...head,
    summary: {
      people: rows.length,
      changed: rows.filter((r) => r.oldScore !== r.newScore).length,
      up: rows.filter((r) => (r.deltaT ?? 0) > 0).length,
      down: rows.filter((r) => (r.deltaT ?? 0) < 0).length,
      tierMoves: [...moves].map(([key, n]) => {
        const [from, to] = key.split('→') as [string, string];
        return { from: from === 'insufficient' ? null : (from as TalentTier), to: to === 'insufficient' ? null : (to as TalentTier), people: n };
      }),
    },
    people: rows.map(({ deltaT: _d, ...r }) => r),
  };
}
