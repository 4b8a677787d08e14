import { formatCount, type ForecastLine } from '@liucai/shared';
import {
  APPROVAL_EVENTS_PER_INSTANCE,
  ATTENDANCE_MAX_USERS,
  CRM_MAX_RESULTS,
  LEAVE_STATUS_MAX_USERS,
  WORKFLOW_LIST_MAX_RESULTS,
} from '../../../dingtalk/wireFacts';
import { addDays, shanghaiDate } from '../../../util/dates';
import { estimateWindowCalls } from '../commands/attendanceSyncer';
import type { ForecastInputs } from '../queries/sourceHoldings';

/** The settings a month's spend depends on. */
export interface ForecastSettings {
  /** Leave from approval instances (a 请假 process code is set) or from getleavestatus. */
  leaveMode: 'approvals' | 'status';
  crmFullPassDays: number;
  notifyShare: number;
  /** The month's metered calls (for the notifications' reserved share). */
  apiCalls: number;
}

/** What came in this and last month, per purpose (events) and what notifications spent this month. */
export interface ObservedUse {
  /** Events a month at the observed rate; null when none arrived (the event is not subscribed). */
  checkEvents: number | null;
  approvalEvents: number | null;
  /** Of the approval events, those of the leave form (each is re-read with one call). */
  leaveApprovalEvents: number | null;
  notifyCalls: number;
}

const NIGHTS = 30;
const pages = (rows: number, size: number) => Math.max(1, Math.ceil(rows / size));

/** A CRM month: full passes every `fullPassDays`, incremental ones the other nights. */
function crmMonth(x: ForecastInputs, fullPassDays: number): number {
  const fullPasses = Math.ceil(NIGHTS / fullPassDays);
  const full =
    pages(x.enterpriseCustomers, CRM_MAX_RESULTS) +
    pages(x.personalCustomers, CRM_MAX_RESULTS) +
    pages(x.contracts, CRM_MAX_RESULTS) +
    pages(x.followUpsRecheck, CRM_MAX_RESULTS);
  // An incremental pass reads what changed since the previous one, plus a day of overlap: about two days' worth.
  const incremental = pages((2 * x.contracts30d) / NIGHTS, CRM_MAX_RESULTS) + pages((2 * x.followUps30d) / NIGHTS, CRM_MAX_RESULTS);
  return fullPasses * full + Math.max(0, NIGHTS - fullPasses) * incremental;
}

/**
 * A month at this headcount with today's settings, line by line: what each sync costs night after night, what
 * subscribed events cost (and the re-reads they trigger), and the notifications' reserved share. Exempt syncs (org,
 * departures) are shown at zero so HR sees why.
 */
export function forecastLines(x: ForecastInputs, s: ForecastSettings, observed: ObservedUse, now: Date): ForecastLine[] {
  const today = shanghaiDate(now);
  let attendance = 0;
  for (let i = 0; i < NIGHTS; i++) {
    const day = addDays(today, i - 1);
    attendance += estimateWindowCalls(x.activePeople, { from: day, to: day });
  }
  const weekly = Math.round((NIGHTS / 7) * estimateWindowCalls(x.activePeople, { from: today, to: addDays(today, 6) }));
  const groups = Math.ceil(x.activePeople / ATTENDANCE_MAX_USERS);

  const leave =
    s.leaveMode === 'approvals'
      ? NIGHTS * pages(x.leaves30d, WORKFLOW_LIST_MAX_RESULTS) + x.leaves30d + NIGHTS * x.pendingLeaves
      : NIGHTS * pages(x.allPeople, LEAVE_STATUS_MAX_USERS);
  const leaveBasis =
    s.leaveMode === 'approvals'
      ? `每晚重读近 30 天的请假审批列表（约 ${formatCount(pages(x.leaves30d, WORKFLOW_LIST_MAX_RESULTS))} 页），新审批与审批中的逐个读取详情`
      : `每晚按 100 人一批查询近 30 天的请假（${formatCount(pages(x.allPeople, LEAVE_STATUS_MAX_USERS))} 批）`;

  const crm = crmMonth(x, s.crmFullPassDays);
  const crmMonthly = s.crmFullPassDays < 28 ? crmMonth(x, 28) : null;

  const clockEvents = x.clocks30d > 0 ? x.clocks30d : Math.round(2 * x.activePeople * 22);
  const checkCounted = observed.checkEvents !== null;
  const checkEvents = checkCounted ? Math.max(observed.checkEvents!, clockEvents) : clockEvents;
  const approvalCounted = observed.approvalEvents !== null;
  const approvalEvents = approvalCounted ? observed.approvalEvents! : APPROVAL_EVENTS_PER_INSTANCE * x.leaves30d;
  const approvalCalls = approvalCounted ? (observed.leaveApprovalEvents ?? 0) : APPROVAL_EVENTS_PER_INSTANCE * x.leaves30d;

  const reserve = Math.floor(s.apiCalls * s.notifyShare);
  const notify = Math.max(reserve, observed.notifyCalls);

  return [
    { id: 'org', label: '组织架构同步', apiCalls: 0, events: 0, basis: '通讯录接口与通讯录事件不计量', counted: true, turnDown: null },
    { id: 'departures', label: '离职同步', apiCalls: 0, events: 0, basis: '智能人事的离职信息接口不计量', counted: true, turnDown: null },
    {
      id: 'attendance',
      label: '考勤同步',
      apiCalls: attendance,
      events: 0,
      basis: `每晚读取前一天的考勤：${formatCount(x.activePeople)} 名在职员工分 ${formatCount(groups)} 组，每组每晚 2 到 3 次`,
      counted: true,
      turnDown: `把 DATA_SYNC_CRON 改为每周一次（如 0 0 3 * * 1），考勤按 7 天一段读取，每月约 ${formatCount(weekly)} 次，数据最多晚一周`,
    },
    {
      id: 'leave',
      label: '请假同步',
      apiCalls: leave,
      events: 0,
      basis: leaveBasis,
      counted: true,
      turnDown: s.leaveMode === 'approvals' ? '每周同步一次（DATA_SYNC_CRON）可把每晚的列表重读减到每周一次' : null,
    },
    {
      id: 'crm',
      label: 'CRM 同步',
      apiCalls: crm,
      events: 0,
      basis: `每 ${s.crmFullPassDays} 天一次完整读取（客户 ${formatCount(x.enterpriseCustomers + x.personalCustomers)} 个、合同 ${formatCount(x.contracts)} 份），其余每晚只读变化`,
      counted: true,
      turnDown: crmMonthly !== null ? `把 CRM_FULL_PASS_DAYS 改为 28：每月约 ${formatCount(crmMonthly)} 次，钉钉中删除的客户最多晚四周发现` : null,
    },
    {
      id: 'checkEvents',
      label: '员工打卡事件',
      apiCalls: 2 * checkEvents,
      events: checkEvents,
      basis: checkCounted
        ? '每次打卡推送一条事件，每条事件再读一次当天考勤（2 次调用）'
        : `未收到过打卡事件（未订阅）；若订阅，每月约 ${formatCount(checkEvents)} 条事件，并触发 ${formatCount(2 * checkEvents)} 次调用`,
      counted: checkCounted,
      turnDown: '在钉钉开发者后台取消订阅“员工打卡”（attendance_check_record）：每晚的考勤同步同样会读到这些打卡，只晚一天',
    },
    {
      id: 'approvalEvents',
      label: '审批事件',
      apiCalls: approvalCalls,
      events: approvalEvents,
      basis: approvalCounted
        ? '审批开始与结束各推送一条事件（所有审批表单），请假审批的事件再读一次详情'
        : `未收到过审批事件（未订阅）；若订阅，仅请假审批每月约 ${formatCount(approvalEvents)} 条事件，其他审批表单另计`,
      counted: approvalCounted,
      turnDown: '取消订阅“审批实例开始、结束”（bpms_instance_change）：每晚的请假同步会读到同样的审批，只晚一天',
    },
    {
      id: 'notify',
      label: '工作通知',
      apiCalls: notify,
      events: 0,
      basis: `为工作通知预留每月额度的 ${Math.round(s.notifyShare * 100)}%（NOTIFY_BUDGET_SHARE），本月已用 ${formatCount(observed.notifyCalls)} 次`,
      counted: true,
      turnDown: reserve > 0 ? '调低 NOTIFY_BUDGET_SHARE，把预留的额度让给同步' : null,
    },
  ];
}
