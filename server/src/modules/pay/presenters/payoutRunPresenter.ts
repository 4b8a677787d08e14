/** Payout runs, statements and lines as they leave the server (explicit fields only). */
import { In, type DataSource } from 'typeorm';
import {
  PAYOUT_RUN_STATUSES,
  type LineInput,
  type PayoutLineSource,
  type PayoutRunDetail,
  type PayoutRunView,
  type PayoutStatementView,
  type UserRef,
} from '@liucai/shared';
import { Department, PayoutLine, PayoutRunInput, PayoutStatement, type PayoutRun } from '../../../entities';
import { userRefs } from './userRefs';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

async function departmentNames(ds: DataSource, corpId: string, ids: (number | null)[]): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((x): x is number => x !== null).map(Number))];
  if (!wanted.length) return new Map();
  const rows = await ds.getRepository(Department).find({ where: { corpId, deptId: In(wanted) }, select: { deptId: true, name: true } });
  return new Map(rows.map((d) => [Number(d.deptId), d.name]));
}

/** Runs with their totals by department (one grouped query for all of them). */
export async function presentPayoutRuns(ds: DataSource, corpId: string, runs: PayoutRun[]): Promise<PayoutRunView[]> {
  if (runs.length === 0) return [];
  // tenancy: s.corp_id = the corp, runs already the corp's.
  const totals: { runId: number | string; deptId: number | string | null; people: number | string; totalFen: number | string }[] = await ds
    .getRepository(PayoutStatement)
    .createQueryBuilder('s')
    .select(['s.run_id AS runId', 's.dept_id AS deptId', 'COUNT(*) AS people', 'SUM(s.total_fen) AS totalFen'])
    .where('s.corp_id = :corpId AND s.run_id IN (:...ids)', { corpId, ids: runs.map((r) => r.id) })
    .groupBy('s.run_id')
    .addGroupBy('s.dept_id')
    .getRawMany();
  const names = await departmentNames(ds, corpId, [...runs.map((r) => r.deptId), ...totals.map((t) => (t.deptId === null ? null : Number(t.deptId)))]);
  const users = await userRefs(
    ds,
    corpId,
    runs.flatMap((r) => [r.createdBy, r.lockedBy, r.approvedBy, r.publishedBy]),
  );
  const who = (u: string | null): UserRef | null => (u ? (users.get(u) ?? { userid: u, name: u, title: null }) : null);
  return runs.map((r) => ({
    id: r.id,
    period: r.period,
    dept: { deptId: Number(r.deptId), name: names.get(Number(r.deptId)) ?? '' },
    status: r.status,
    statusLabel: PAYOUT_RUN_STATUSES[r.status],
    computeState: r.computeState,
    computeError: r.computeError,
    computedAt: iso(r.computedAt),
    inputHash: r.inputHash,
    totalFen: Number(r.totalFen),
    people: Number(r.people),
    createdBy: who(r.createdBy),
    createdAt: iso(r.createdAt)!,
    lockedBy: who(r.lockedBy),
    lockedAt: iso(r.lockedAt),
    approvedBy: who(r.approvedBy),
    approvedAt: iso(r.approvedAt),
    publishedBy: who(r.publishedBy),
    publishedAt: iso(r.publishedAt),
    departments: totals
      .filter((t) => Number(t.runId) === r.id)
      .map((t) => {
        const deptId = t.deptId === null ? 0 : Number(t.deptId);
        return { deptId, name: names.get(deptId) ?? '（无部门）', people: Number(t.people), totalFen: Number(t.totalFen) };
      })
      .sort((a, b) => b.totalFen - a.totalFen || a.deptId - b.deptId),
  }));
}

/** A run with each person's total. */
export async function presentPayoutRunDetail(ds: DataSource, corpId: string, run: PayoutRun): Promise<PayoutRunDetail> {
  const [view] = await presentPayoutRuns(ds, corpId, [run]);
  const statements = await ds.getRepository(PayoutStatement).find({ where: { corpId, runId: run.id }, order: { userid: 'ASC' } });
  // tenancy: l.corp_id = the corp.
  const counts: { statementId: number | string; n: number | string }[] = await ds
    .getRepository(PayoutLine)
    .createQueryBuilder('l')
    .select(['l.statement_id AS statementId', 'COUNT(*) AS n'])
    .where('l.corp_id = :corpId AND l.run_id = :runId', { corpId, runId: run.id })
    .groupBy('l.statement_id')
    .getRawMany();
  const countOf = new Map(counts.map((c) => [Number(c.statementId), Number(c.n)]));
  const users = await userRefs(
    ds,
    corpId,
    statements.map((s) => s.userid),
  );
  const names = await departmentNames(
    ds,
    corpId,
    statements.map((s) => s.deptId),
  );
  return {
    ...view!,
    statements: statements.map((s) => ({
      id: s.id,
      person: users.get(s.userid) ?? { userid: s.userid, name: s.userid, title: null },
      deptName: s.deptId === null ? null : (names.get(Number(s.deptId)) ?? null),
      totalFen: Number(s.totalFen),
      lines: countOf.get(s.id) ?? 0,
    })),
  };
}

/** One statement with its lines, their sources and the snapshot rows they lead to. */
export async function presentPayoutStatement(ds: DataSource, corpId: string, run: PayoutRun, s: PayoutStatement): Promise<PayoutStatementView> {
  const lines = await ds.getRepository(PayoutLine).find({ where: { corpId, statementId: s.id }, order: { seq: 'ASC' } });
  const inputs = await ds.getRepository(PayoutRunInput).find({ where: { corpId, runId: run.id, userid: s.userid }, order: { id: 'ASC' } });
  const inputOf = new Map(inputs.map((i) => [`${i.kind}|${i.source}|${i.sourceId}`, i.id]));
  const users = await userRefs(ds, corpId, [s.userid]);
  const names = await departmentNames(ds, corpId, [s.deptId]);
  return {
    id: s.id,
    runId: run.id,
    period: run.period,
    runStatus: run.status,
    person: users.get(s.userid) ?? { userid: s.userid, name: s.userid, title: null },
    deptName: s.deptId === null ? null : (names.get(Number(s.deptId)) ?? null),
    plan: s.planId !== null && s.planVersionId !== null ? { planId: s.planId, versionId: s.planVersionId } : null,
    totalFen: Number(s.totalFen),
    explanation: s.explanation,
    lines: lines.map((l) => ({
      id: l.id,
      seq: l.seq,
      origin: l.origin,
      component: l.component,
      kind: l.kind,
      label: l.label,
      amountFen: Number(l.amountFen),
      rate: l.rate,
      explanation: l.explanation,
      inputs: JSON.parse(l.inputs) as LineInput[],
      contractRef: l.contractRef,
      sources: (JSON.parse(l.sources) as Omit<PayoutLineSource, 'inputId'>[]).map((src) => ({
        ...src,
        inputId: inputOf.get(`${src.kind}|${src.source}|${src.sourceId}`) ?? null,
      })),
      originalLineId: l.originalLineId,
      adjustmentId: l.adjustmentId,
    })),
    inputs: inputs.map((i) => ({ id: i.id, kind: i.kind, source: i.source, sourceId: i.sourceId, data: JSON.parse(i.data) as unknown })),
  };
}
