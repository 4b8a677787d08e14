/** The payout run and statement API's shapes (server presenters and the micro-app). */
import type { UserRef } from '../api';
import type { LineInput } from './payoutTypes';
import type { PayoutRunStatusName } from './payoutRun';

export interface PayoutDepartmentTotal {
  deptId: number;
  name: string;
  people: number;
  totalFen: number;
}

export interface PayoutRunView {
  id: number;
  period: string;
  dept: { deptId: number; name: string };
  status: PayoutRunStatusName;
  statusLabel: string;
  computeState: 'queued' | 'running' | 'done' | 'failed';
  computeError: string | null;
  computedAt: string | null;
  inputHash: string | null;
  totalFen: number;
  people: number;
  createdBy: UserRef | null;
  createdAt: string;
  lockedBy: UserRef | null;
  lockedAt: string | null;
  approvedBy: UserRef | null;
  approvedAt: string | null;
  publishedBy: UserRef | null;
  publishedAt: string | null;
  /** Totals by each person's main department. */
  departments: PayoutDepartmentTotal[];
}

export interface PayoutStatementSummary {
  id: number;
  person: UserRef;
  deptName: string | null;
  totalFen: number;
  lines: number;
}

export interface PayoutRunDetail extends PayoutRunView {
  statements: PayoutStatementSummary[];
}

export interface PayoutLineSource {
  kind: 'deal' | 'satisfaction' | 'collaboration' | 'paidLine' | 'adjustment' | 'guarantee';
  source: string;
  sourceId: string;
  /** The snapshot row (statement.inputs[].id) holding the source row as the run read it. */
  inputId: number | null;
}

export interface PayoutLineView {
  id: number;
  seq: number;
  origin: 'plan' | 'clawback' | 'adjustment';
  component: string;
  kind: string;
  label: string;
  amountFen: number;
  rate: string | null;
  explanation: string;
  inputs: LineInput[];
  contractRef: string | null;
  sources: PayoutLineSource[];
  originalLineId: number | null;
  adjustmentId: number | null;
}

export interface PayoutInputView {
  id: number;
  kind: string;
  source: string;
  sourceId: string;
  data: unknown;
}

export interface PayoutStatementView {
  id: number;
  runId: number;
  period: string;
  runStatus: PayoutRunStatusName;
  person: UserRef;
  deptName: string | null;
  plan: { planId: number; versionId: number } | null;
  totalFen: number;
  explanation: string;
  lines: PayoutLineView[];
  inputs: PayoutInputView[];
}

/** 我的激励's statements, or one person's as HR sees them on 员工档案 → 激励 (there also runs not yet published). */
export interface MyPayoutStatements {
  statements: { id: number; runId: number; period: string; runStatus: PayoutRunStatusName; totalFen: number; publishedAt: string | null }[];
  /** The total of this calendar year's published statements. */
  yearToDate: { year: string; totalFen: number };
}

export type PayoutDisputeStatus = 'open' | 'adjusted' | 'rejected';
export const PAYOUT_DISPUTE_STATUSES: Record<PayoutDisputeStatus, string> = { open: '待处理', adjusted: '已调整', rejected: '已驳回' };

export interface PayoutDisputeView {
  id: number;
  status: PayoutDisputeStatus;
  statusLabel: string;
  person: UserRef;
  runId: number;
  period: string;
  statementId: number;
  line: { id: number; component: string; label: string; amountFen: number; explanation: string } | null;
  reason: string;
  expectedFen: number;
  actualFen: number;
  /** expected − actual. */
  differenceFen: number;
  resolution: string | null;
  adjustment: { id: number; amountFen: number; appliedRunId: number | null } | null;
  createdAt: string;
  resolvedBy: UserRef | null;
  resolvedAt: string | null;
}

/** An open-API token as listed (the token itself is shown only once, in `CreatedApiToken`). */
export interface ApiTokenView {
  id: number;
  name: string;
  /** The token's first characters (“lct_AbCd1234”), to recognise it. */
  prefix: string;
  createdBy: UserRef;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  revokedBy: UserRef | null;
}

export interface CreatedApiToken extends ApiTokenView {
  /** The token, shown this once: only its SHA-256 is kept. */
  token: string;
}

/** GET /open/v1/payout-runs/:id/payroll (JSON): the payroll file's two tables, cell for cell. */
export interface OpenPayroll {
  run: { id: number; period: string; deptId: number; deptName: string; publishedAt: string | null; totalFen: number; people: number };
  summary: { columns: readonly string[]; rows: string[][] };
  lines: { columns: readonly string[]; rows: string[][] };
}
