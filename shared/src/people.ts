/**
 * Wire shapes of the people directory (`GET /api/v1/people`) and the person page, 员工档案
 * (`GET /api/v1/people/:userid` and its tabs `GET /api/v1/people/:userid/<tab>`).
 */
import type { DepartmentRef, UserRef } from './api';

export type PersonStatus = 'active' | 'left';

/** Where a record came from: a DingTalk sync or an Excel/CSV import. */
export type RecordSource = 'dingtalk' | 'import';
export const RECORD_SOURCE_LABELS: Record<RecordSource, string> = { dingtalk: '钉钉', import: '导入' };

/** Directory sort keys; `-key` sorts descending. `name` sorts by pinyin (张三 under z), as a Chinese list should. */
export const PEOPLE_SORT_KEYS = ['name', 'jobNumber', 'hiredOn', 'leftOn', 'title'] as const;
export type PeopleSortKey = (typeof PEOPLE_SORT_KEYS)[number];
export type PeopleSort = PeopleSortKey | `-${PeopleSortKey}`;
export const PEOPLE_STATUS_FILTERS = ['active', 'left', 'all'] as const;
export type PeopleStatusFilter = (typeof PEOPLE_STATUS_FILTERS)[number];
export const PEOPLE_PAGE_SIZE_MAX = 100;

/** Query of GET /api/v1/people (every field optional). */
export interface PeopleQuery {
  /** Name, pinyin initials (zs) or whole pinyin, job number (prefix), title, or department name. */
  q?: string;
  /** Default `active`. */
  status?: PeopleStatusFilter;
  /** People whose main department or any membership lies in this department or below it. */
  deptId?: number;
  /** Direct reports of this person. */
  supervisor?: string;
  /** yyyy-mm-dd, inclusive. */
  hiredFrom?: string;
  hiredTo?: string;
  /** Default `name`. */
  sort?: PeopleSort;
  /** From 1; default 1. */
  page?: number;
  /** Default 20, at most 100. */
  pageSize?: number;
}

/** One page of a list. */
export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** A person in the directory. */
export interface PersonSummary {
  userid: string;
  name: string;
  title: string | null;
  jobNumber: string | null;
  avatar: string | null;
  status: PersonStatus;
  hiredOn: string | null;
  leftOn: string | null;
  department: DepartmentRef | null;
  supervisor: UserRef | null;
}

/** A person named on someone's page; `canOpen` says whether the viewer may open their page. */
export interface PersonLink extends UserRef {
  status: PersonStatus;
  canOpen: boolean;
}

/** A department the person belongs to. */
export interface PersonMembership extends DepartmentRef {
  main: boolean;
  leader: boolean;
}

/** GET /api/v1/people/:userid: the profile and reporting line. */
export interface PersonProfile {
  userid: string;
  name: string;
  title: string | null;
  jobNumber: string | null;
  avatar: string | null;
  status: PersonStatus;
  hiredOn: string | null;
  leftOn: string | null;
  /** The viewer is this person. */
  self: boolean;
  department: DepartmentRef | null;
  departments: PersonMembership[];
  /** Supervisor, their supervisor, … up to the top (nearest first). */
  supervisorChain: PersonLink[];
  /** Active direct reports (the first 100 by name). */
  directReports: PersonLink[];
  directReportsTotal: number;
}

/** What every record row says about itself: where it came from and when Liucai took it in. */
export interface SourcedRow {
  id: string;
  source: RecordSource;
  importedAt: string;
}

/** One month of attendance (Asia/Shanghai), newest month first. */
export interface AttendanceMonth {
  /** yyyy-mm */
  month: string;
  /** Days with any attendance result. */
  workDays: number;
  /** Checks marked 迟到 (Late) and 严重迟到 (SeriousLate). */
  late: number;
  /** Checks marked 旷工 (Absenteeism). */
  absent: number;
  /** Checks with no clock (缺卡, NotSigned). */
  notSigned: number;
  /** Approved leave starting that month, ×100 (1.5 days = 150), per unit. */
  leaveDayHundredths: number;
  leaveHourHundredths: number;
  /** Where the month's rows came from. */
  sources: RecordSource[];
}

export type LeaveState = 'approved' | 'pending' | 'rejected' | 'cancelled';
export interface LeaveRow extends SourcedRow {
  /** The leave type's name; null when DingTalk gave only its code. */
  leaveType: string | null;
  startAt: string;
  endAt: string;
  unit: 'day' | 'hour';
  /** Duration ×100. */
  durationHundredths: number;
  state: LeaveState;
}

export type DealStatusName = 'active' | 'completed' | 'cancelled';
export interface DealRow extends SourcedRow {
  customerName: string;
  /** The customer's segment (big / small client); for a deal with no CRM customer, the deal's own amount decides. */
  segment: 'big' | 'small' | null;
  amountFen: number;
  signedOn: string;
  renewalYears: number;
  status: DealStatusName;
  /** Counted in totals (not cancelled). */
  counts: boolean;
}
/** GET /api/v1/people/:userid/deals: a page of deals and the totals of the deals that count. */
export interface DealsPage extends Paged<DealRow> {
  summary: { count: number; amountFen: number; big: number; small: number };
}

export interface FollowUpRow extends SourcedRow {
  customerName: string | null;
  followedAt: string;
}
export interface CollaborationRow extends SourcedRow {
  withDepartment: string;
  customerName: string | null;
  occurredOn: string;
}
export interface TrainingRow extends SourcedRow {
  course: string;
  completionPercent: number;
  examScore: number | null;
  completedOn: string | null;
}
export interface SatisfactionRow extends SourcedRow {
  customerName: string;
  /** 0–100: the score in tenths (9.2 = 92). */
  scoreTenths: number;
  surveyedOn: string;
}
export interface DepartureRow extends SourcedRow {
  lastDay: string;
  reasonType: number | null;
  /** DingTalk's reason type by name (个人原因, 发展原因 …). */
  reasonLabel: string | null;
  reason: string | null;
}

/** DingTalk's dismission reason types (reason_type 1–9). */
export const DEPARTURE_REASON_LABELS: Record<number, string> = {
  1: '家庭原因',
  2: '个人原因',
  3: '发展原因',
  4: '合同到期不续签',
  5: '协议解除',
  6: '无法胜任工作',
  7: '经济性裁员',
  8: '严重违法违纪',
  9: '其他',
};
