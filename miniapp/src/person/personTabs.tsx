/**
 * The tabs of the person page (员工档案), in the order shown. A later feature (画像, 绩效, 激励, 风险) adds its tab as
 * one more entry: a record list with `recordTab`, or any component through `render`.
 */
import type { ReactNode } from 'react';
import type {
  AttendanceMonth,
  CollaborationRow,
  DealRow,
  DealsPage,
  DepartureRow,
  FollowUpRow,
  RetentionRiskView,
  Role,
  LeaveRow,
  LeaveState,
  Paged,
  SatisfactionRow,
  SourcedRow,
  TrainingRow,
} from '@liucai/shared';
import type { Column } from '../components/DataTable';
import { SourceTag } from '../components/SourceTag';
import { formatCount, formatDate, formatDateTime, formatFen, formatHundredths, formatMonth } from '../util/format';
import { RecordTab } from './RecordTab';
import { PortraitTab } from '../talent/PortraitTab';
import { KpiTab } from '../kpi/KpiTab';
import { StatementsCard } from '../pay/StatementsCard';
import { BandTag, ScoreNotice, percent } from '../retention/RiskBits';

export interface PersonTabSpec {
  key: string;
  title: string;
  /** Whether the viewer gets this tab (absent: everyone who may open the page). */
  visible?(viewer: { self: boolean; roles: readonly Role[] }): boolean;
  /** The tab's content for the person `userid`. */
  render(userid: string): ReactNode;
}

/** A tab listing the rows of `GET /api/v1/people/:userid/<key>`, paged, as a table on PC and cards on a phone. */
function recordTab<Row, P extends Paged<Row> = Paged<Row>>(spec: {
  key: string;
  title: string;
  columns: Column<Row>[];
  rowKey(row: Row): string;
  unit: string;
  empty: string;
  summary?(page: P): ReactNode;
}): PersonTabSpec {
  return {
    key: spec.key,
    title: spec.title,
    render: (userid) => (
      <RecordTab<Row, P>
        key={`${userid}/${spec.key}`}
        userid={userid}
        tab={spec.key}
        columns={spec.columns}
        rowKey={spec.rowKey}
        unit={spec.unit}
        empty={spec.empty}
        summary={spec.summary}
      />
    ),
  };
}

/** The source column every record tab ends with (钉钉 / 导入, and when it was taken in on hover). */
const sourceColumn = <Row extends SourcedRow>(): Column<Row> => ({
  key: 'source',
  title: '来源',
  render: (r) => <SourceTag source={r.source} importedAt={r.importedAt} />,
});
const byId = (r: SourcedRow) => `${r.source}/${r.id}`;
const count = (n: number) => (n ? formatCount(n) : <span className="muted">0</span>);

const LEAVE_STATES: Record<LeaveState, string> = { approved: '已通过', pending: '审批中', rejected: '已拒绝', cancelled: '已撤销' };
const DEAL_STATUSES: Record<DealRow['status'], string> = { active: '执行中', completed: '已完成', cancelled: '已取消' };
const SEGMENTS = { big: '大客户', small: '小客户' } as const;

function leaveAmount(m: AttendanceMonth): string {
  const parts = [
    m.leaveDayHundredths ? `${formatHundredths(m.leaveDayHundredths)} 天` : '',
    m.leaveHourHundredths ? `${formatHundredths(m.leaveHourHundredths)} 小时` : '',
  ].filter(Boolean);
  return parts.join(' · ') || '—';
}

export const PERSON_TABS: readonly PersonTabSpec[] = [
  recordTab<AttendanceMonth>({
    key: 'attendance',
    title: '考勤',
    unit: '个月',
    empty: '还没有考勤记录：在“数据”页同步考勤后这里按月汇总',
    rowKey: (m) => m.month,
    columns: [
      { key: 'month', title: '月份', primary: true, render: (m) => <strong>{formatMonth(m.month)}</strong> },
      { key: 'workDays', title: '出勤天数', align: 'right', render: (m) => count(m.workDays) },
      { key: 'late', title: '迟到', align: 'right', render: (m) => count(m.late) },
      { key: 'absent', title: '旷工', align: 'right', render: (m) => count(m.absent) },
      { key: 'notSigned', title: '缺卡', align: 'right', render: (m) => count(m.notSigned) },
      { key: 'leave', title: '请假（已通过）', render: leaveAmount },
      { key: 'source', title: '来源', render: (m) => m.sources.map((s) => <SourceTag key={s} source={s} />) },
    ],
  }),
  recordTab<LeaveRow>({
    key: 'leave',
    title: '请假',
    unit: '条',
    empty: '没有请假记录',
    rowKey: byId,
    columns: [
      { key: 'type', title: '类型', primary: true, render: (l) => l.leaveType ?? '请假' },
      { key: 'start', title: '开始', render: (l) => formatDateTime(l.startAt) },
      { key: 'end', title: '结束', render: (l) => formatDateTime(l.endAt) },
      { key: 'duration', title: '时长', render: (l) => `${formatHundredths(l.durationHundredths)} ${l.unit === 'hour' ? '小时' : '天'}` },
      { key: 'state', title: '状态', render: (l) => <span className={`state-${l.state}`}>{LEAVE_STATES[l.state]}</span> },
      sourceColumn<LeaveRow>(),
    ],
  }),
  recordTab<DealRow, DealsPage>({
    key: 'deals',
    title: '成交',
    unit: '笔',
    empty: '没有合同或成交记录',
    rowKey: byId,
    summary: (p) => (
      <span data-testid="deals-summary">
        计入业绩 {formatCount(p.summary.count)} 笔，共 <strong>{formatFen(p.summary.amountFen)}</strong>（大客户 {p.summary.big} 笔，小客户 {p.summary.small}{' '}
        笔）；已取消的合同列出但不计入。
      </span>
    ),
    columns: [
      { key: 'customer', title: '客户', primary: true, render: (d) => d.customerName },
      { key: 'segment', title: '客户类型', render: (d) => (d.segment ? <span className={`segment-${d.segment}`}>{SEGMENTS[d.segment]}</span> : '—') },
      { key: 'amount', title: '金额', align: 'right', render: (d) => (d.counts ? formatFen(d.amountFen) : <s className="muted">{formatFen(d.amountFen)}</s>) },
      { key: 'signedOn', title: '签约日期', render: (d) => formatDate(d.signedOn) },
      { key: 'renewal', title: '续约', render: (d) => (d.renewalYears ? `${d.renewalYears} 年` : '—') },
      { key: 'status', title: '状态', render: (d) => <span className={`deal-${d.status}`}>{DEAL_STATUSES[d.status]}</span> },
      sourceColumn<DealRow>(),
    ],
  }),
  recordTab<FollowUpRow>({
    key: 'follow-ups',
    title: '跟进',
    unit: '条',
    empty: '没有客户跟进记录',
    rowKey: byId,
    columns: [
      { key: 'customer', title: '客户', primary: true, render: (f) => f.customerName ?? <span className="muted">未关联客户</span> },
      { key: 'followedAt', title: '跟进时间', render: (f) => formatDateTime(f.followedAt) },
      sourceColumn<FollowUpRow>(),
    ],
  }),
  recordTab<CollaborationRow>({
    key: 'collaborations',
    title: '协作',
    unit: '次',
    empty: '没有跨部门协作记录',
    rowKey: byId,
    columns: [
      { key: 'with', title: '协作部门', primary: true, render: (c) => c.withDepartment },
      { key: 'customer', title: '客户', render: (c) => c.customerName ?? '—' },
      { key: 'date', title: '日期', render: (c) => formatDate(c.occurredOn) },
      sourceColumn<CollaborationRow>(),
    ],
  }),
  recordTab<TrainingRow>({
    key: 'training',
    title: '培训',
    unit: '门',
    empty: '没有培训记录：可在“导入”页导入培训记录',
    rowKey: byId,
    columns: [
      { key: 'course', title: '课程', primary: true, render: (t) => t.course },
      { key: 'completion', title: '完成度', align: 'right', render: (t) => `${t.completionPercent}%` },
      { key: 'exam', title: '考试成绩', align: 'right', render: (t) => (t.examScore === null ? '—' : String(t.examScore)) },
      { key: 'completedOn', title: '完成日期', render: (t) => (t.completedOn ? formatDate(t.completedOn) : '未完成') },
      sourceColumn<TrainingRow>(),
    ],
  }),
  recordTab<SatisfactionRow>({
    key: 'satisfaction',
    title: '满意度',
    unit: '条',
    empty: '没有客户满意度记录：可在“导入”页导入',
    rowKey: byId,
    columns: [
      { key: 'customer', title: '客户', primary: true, render: (s) => s.customerName },
      { key: 'score', title: '评分', align: 'right', render: (s) => `${formatHundredths(s.scoreTenths * 10)} 分` },
      { key: 'surveyedOn', title: '调查日期', render: (s) => formatDate(s.surveyedOn) },
      sourceColumn<SatisfactionRow>(),
    ],
  }),
  recordTab<DepartureRow>({
    key: 'departure',
    title: '离职',
    unit: '条',
    empty: '没有离职记录',
    rowKey: byId,
    columns: [
      { key: 'lastDay', title: '最后工作日', primary: true, render: (d) => formatDate(d.lastDay) },
      { key: 'reasonType', title: '原因类型', render: (d) => d.reasonLabel ?? '—' },
      { key: 'reason', title: '原因', render: (d) => d.reason ?? '—' },
      sourceColumn<DepartureRow>(),
    ],
  }),
  { key: 'portrait', title: '画像', render: (userid) => <PortraitTab key={userid} userid={userid} /> },
  { key: 'kpi', title: '绩效', render: (userid) => <KpiTab key={userid} userid={userid} /> },
  {
    // Pay is the person's own and HR's business (within its departments), not a supervisor's: the server decides.
    key: 'pay',
    title: '激励',
    render: (userid) => (
      <div className="tab-cards">
        <StatementsCard key={userid} person={userid} />
      </div>
    ),
    visible: ({ self, roles }) => self || roles.includes('hr') || roles.includes('admin'),
  },
  {
    // 风险 (PIPL Art. 24): HR covering the person and their supervisor only, never the person; the server decides.
    ...recordTab<RetentionRiskView>({
      key: 'risk',
      title: '风险',
      unit: '周',
      empty: '还没有算出风险：考勤和请假同步满一周后自动计算',
      rowKey: (r) => r.weekStart,
      summary: () => <ScoreNotice />,
      columns: [
        { key: 'week', title: '周', primary: true, render: (r) => <strong>{formatDate(r.weekStart)} 起</strong> },
        { key: 'band', title: '风险等级', render: (r) => <BandTag band={r.band} /> },
        { key: 'probability', title: '离职可能', align: 'right', render: (r) => (r.asHr ? percent(r.probabilityBp) : '—') },
        {
          key: 'drivers',
          title: '主要原因',
          render: (r) => (r.drivers.length ? r.drivers.join('；') : <span className="muted">{r.modelNote ?? '没有明显变化'}</span>),
        },
      ],
    }),
    visible: ({ self, roles }) => !self && (roles.includes('hr') || roles.includes('supervisor')),
  },
];

/** The tabs a viewer gets, in order. */
export const personTabsFor = (viewer: { self: boolean; roles: readonly Role[] }): PersonTabSpec[] => PERSON_TABS.filter((t) => !t.visible || t.visible(viewer));

/** The tab at `key` among `tabs`, else the first. */
export const personTabAt = (key: string | null, tabs: readonly PersonTabSpec[] = PERSON_TABS): PersonTabSpec => tabs.find((t) => t.key === key) ?? tabs[0]!;
