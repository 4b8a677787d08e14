/**
 * 请假 approval instances (workflow, doc 4.4), consistent with the attendance model: every approved leave of
 * leavePlan (the ones getleavestatus lists and /attendance/list settles with APPROVE rows) is a COMPLETED/agree
 * instance with the same procInstId; besides those, people file requests that are refused or withdrawn
 * (TERMINATED), which never reach attendance. A request whose decision lies after the corp's "today" is RUNNING.
 * Instances are filed 1-5 days before the leave starts and belong to the window of their createTime.
 */
import { AttendancePeople, type AttendanceCorpView, type AttendancePerson } from './attendancePeople';
import { leaveTypeOf } from './leaveCatalogue';
import { leavesOf, SHAPES, toLeave, type Draw, type SandboxLeave } from './leavePlan';
import { instanceIdFor, parseInstanceId, userTag, type InstanceVariant } from './instanceIds';
import { keyedPrng, unitOf } from './stableIds';
import { chinaDayNumber, chinaTimeOn, formatChinaDateTime, isWorkingDay, workingDayAfter } from './workCalendar';

export { SANDBOX_LEAVE_PROCESS_CODE } from './leaveCatalogue';

/** How a request ends: approved, refused by the approver, or withdrawn by the person. */
export type RequestOutcome = 'agree' | 'refuse' | 'terminate';

/** One approval instance of the leave form. */
export interface LeaveInstance {
  processInstanceId: string;
  userid: string;
  leave: SandboxLeave;
  outcome: RequestOutcome;
  createMs: number;
  /** When the approver decided or the person withdrew; after the corp's today the instance is still RUNNING. */
  decideMs: number;
}

/** Chance a not-to-be-approved request is filed on a working day for an average person: ~1.5 a year. */
const OTHER_REQUEST_RATE = 0.006;
const MAX_LEAD_DAYS = 5;

function timesOf(seed: number, userid: string, firstDay: number, variant: InstanceVariant): { createMs: number; decideMs: number } {
  const prng = keyedPrng([seed, 'approval-time', userid, firstDay, variant]);
  const lead = prng.int(1, MAX_LEAD_DAYS);
  const createMs = chinaTimeOn(firstDay - lead, prng.int(9, 17), prng.int(0, 59));
  // Approved leaves are decided within hours (always before they start); other requests may wait days.
  const decideMs = createMs + (variant === 0 ? prng.int(20, 300) : prng.int(30, 4 * 24 * 60)) * 60_000;
  return { createMs, decideMs };
}

/** The request filed for a leave starting on `day` that will not be approved, if the person filed one. */
function otherRequestOn(seed: number, person: AttendancePerson, day: number): LeaveInstance | undefined {
  if (!isWorkingDay(day) || day < person.firstDay || (person.lastDay !== undefined && day > person.lastDay)) return undefined;
  if (unitOf([seed, 'leave-request', person.userid, day]) >= OTHER_REQUEST_RATE * person.leaveFactor) return undefined;
  const prng = keyedPrng([seed, 'leave-request-draw', person.userid, day]);
  const kind = prng.weighted<Draw['kind']>([
    ['personal', 0.45],
    ['annual', 0.35],
    ['sick', 0.1],
    ['compensatory', 0.1],
  ]);
  const [part, workDays] = prng.weighted(SHAPES[kind]);
  const draw: Draw = { kind, part, firstDay: day, lastDay: workingDayAfter(day, workDays - 1), workDays };
  const outcome: RequestOutcome = prng.chance(0.55) ? 'refuse' : 'terminate';
  const leave = { ...toLeave(seed, person.userid, draw), procInstId: instanceIdFor(seed, person.userid, day, 1) };
  return { processInstanceId: leave.procInstId, userid: person.userid, leave, outcome, ...timesOf(seed, person.userid, day, 1) };
}

function approvedInstance(seed: number, leave: SandboxLeave): LeaveInstance {
  return { processInstanceId: leave.procInstId, userid: leave.userid, leave, outcome: 'agree', ...timesOf(seed, leave.userid, leave.firstDay, 0) };
}

/** A person's instances created in [fromMs, toMs] that exist by the corp's today. */
function instancesOfPerson(corp: AttendanceCorpView, person: AttendancePerson, fromMs: number, toMs: number): LeaveInstance[] {
  const endDay = chinaDayNumber(corp.asOfMs);
  const firstDay = chinaDayNumber(fromMs) + 1;
  const lastDay = chinaDayNumber(toMs) + MAX_LEAD_DAYS;
  const out = leavesOf(corp.seed, person, firstDay, lastDay, endDay)
    .filter((l) => l.firstDay >= firstDay)
    .map((l) => approvedInstance(corp.seed, l));
  for (let day = firstDay; day <= lastDay; day++) {
    const other = otherRequestOn(corp.seed, person, day);
    if (other) out.push(other);
  }
  return out.filter((i) => i.createMs >= fromMs && i.createMs <= toMs && i.createMs < corp.asOfMs);
}

/** Filters of instanceIds/query. */
export interface InstanceFilter {
  fromMs: number;
  toMs: number;
  userids?: readonly string[];
  statuses?: readonly string[];
}

// Paging re-asks the same question page after page: keep the last few answers per corp.
const listCache = new WeakMap<AttendanceCorpView, Map<string, LeaveInstance[]>>();
const CACHE_ENTRIES = 8;

/** Instances created in the window, oldest first (the order nextToken pages over). */
export function leaveInstances(corp: AttendanceCorpView, filter: InstanceFilter): LeaveInstance[] {
  const key = JSON.stringify([corp.asOfMs, corp.users.size, corp.departures.length, filter]);
  let cache = listCache.get(corp);
  if (!cache) listCache.set(corp, (cache = new Map()));
  const hit = cache.get(key);
  if (hit) return hit;
  const people = new AttendancePeople(corp);
  const ids = filter.userids ? [...new Set(filter.userids)] : people.allUserids();
  const found: LeaveInstance[] = [];
  for (const id of ids) {
    const person = people.get(id);
    if (person) found.push(...instancesOfPerson(corp, person, filter.fromMs, filter.toMs));
  }
  const wanted = filter.statuses && filter.statuses.length > 0 ? new Set(filter.statuses) : undefined;
  const list = found
    .filter((i) => !wanted || wanted.has(statusOf(corp, i).status))
    .sort((a, b) => a.createMs - b.createMs || (a.processInstanceId < b.processInstanceId ? -1 : 1));
  if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value as string);
  cache.set(key, list);
  return list;
}

const tagCache = new WeakMap<AttendanceCorpView, { size: string; byTag: Map<number, string[]> }>();

/** The instance with this id, if it exists by the corp's today. */
export function findLeaveInstance(corp: AttendanceCorpView, id: string): LeaveInstance | undefined {
  const parsed = parseInstanceId(id);
  if (!parsed) return undefined;
  const people = new AttendancePeople(corp);
  const size = `${corp.users.size}/${corp.departures.length}`;
  let tags = tagCache.get(corp);
  if (!tags || tags.size !== size) {
    const byTag = new Map<number, string[]>();
    for (const u of people.allUserids()) byTag.set(userTag(u), [...(byTag.get(userTag(u)) ?? []), u]);
    tagCache.set(corp, (tags = { size, byTag }));
  }
  for (const userid of tags.byTag.get(parsed.tag) ?? []) {
    const person = people.get(userid);
    if (!person) continue;
    const candidate =
      parsed.variant === 0
        ? leavesOf(corp.seed, person, parsed.day, parsed.day, chinaDayNumber(corp.asOfMs))
            .filter((l) => l.firstDay === parsed.day)
            .map((l) => approvedInstance(corp.seed, l))[0]
        : otherRequestOn(corp.seed, person, parsed.day);
    if (candidate && candidate.processInstanceId === id && candidate.createMs < corp.asOfMs) return candidate;
  }
  return undefined;
}

/** status/result as of the corp's today. */
export function statusOf(corp: AttendanceCorpView, i: LeaveInstance): { status: 'RUNNING' | 'COMPLETED' | 'TERMINATED'; result: '' | 'agree' | 'refuse' } {
  if (i.decideMs > corp.asOfMs) return { status: 'RUNNING', result: '' };
  if (i.outcome === 'terminate') return { status: 'TERMINATED', result: '' };
  return { status: 'COMPLETED', result: i.outcome };
}

/** "yyyy-MM-ddTHH:mmZ" (UTC), the form GetProcessInstance documents for createTime/finishTime. */
export const workflowTime = (ms: number): string => new Date(ms).toISOString().slice(0, 16) + 'Z';
const formTime = (ms: number): string => formatChinaDateTime(ms).slice(0, 16);

/** Who decides a person's requests (their supervisor) and what the corp calls them. */
export interface InstanceCorpFacts {
  nameOf(userid: string): string;
  approverOf(userid: string): string;
  deptOf(userid: string): { id: number; name: string };
}

/** GET /v1.0/workflow/processInstances `result` for one instance. */
export function presentLeaveInstance(corp: AttendanceCorpView, facts: InstanceCorpFacts, i: LeaveInstance): Record<string, unknown> {
  const { status, result } = statusOf(corp, i);
  const type = leaveTypeOf(i.leave.kind);
  const hourly = i.leave.durationUnit === 'percent_hour';
  const duration = i.leave.durationPercent / 100;
  const approver = facts.approverOf(i.userid);
  const dept = facts.deptOf(i.userid);
  const decided = status !== 'RUNNING';
  const prng = keyedPrng([corp.seed, 'approval-reason', i.processInstanceId]);
  const reason = prng.pick(i.leave.kind === 'sick' ? ['身体不适，需就医', '感冒发烧', '复诊'] : ['家中有事', '个人事务', '外出办事', '休息调整']);
  const operationRecords: Record<string, unknown>[] = [
    { userId: i.userid, date: workflowTime(i.createMs), type: 'START_PROCESS_INSTANCE', result: 'NONE', showName: '发起审批', activityId: 'sid-start' },
  ];
  if (decided && i.outcome === 'terminate') {
    operationRecords.push({
      userId: i.userid,
      date: workflowTime(i.decideMs),
      type: 'TERMINATE_PROCESS_INSTANCE',
      result: 'NONE',
      showName: '撤销',
      activityId: 'sid-start',
    });
  } else if (decided) {
    operationRecords.push({
      userId: approver,
      date: workflowTime(i.decideMs),
      type: 'EXECUTE_TASK_NORMAL',
      result: i.outcome === 'agree' ? 'AGREE' : 'REFUSE',
      remark: i.outcome === 'refuse' ? '近期工作安排紧张，请调整时间' : '',
      showName: '审批人',
      activityId: 'sid-approve',
    });
  }
  const task: Record<string, unknown> = {
    taskId: Number(BigInt(`0x${i.processInstanceId.replace(/-/g, '').slice(0, 12)}`) % 10_000_000_000n),
    userId: approver,
    status: !decided ? 'RUNNING' : i.outcome === 'terminate' ? 'CANCELED' : 'COMPLETED',
    result: !decided ? 'NONE' : i.outcome === 'agree' ? 'AGREE' : i.outcome === 'refuse' ? 'REFUSE' : 'NONE',
    createTime: workflowTime(i.createMs),
    activityId: 'sid-approve',
    processInstanceId: i.processInstanceId,
    pcUrl: `https://aflow.dingtalk.com/dingtalk/pc/query/pchomepage.htm?procInstId=${i.processInstanceId}`,
    mobileUrl: `https://aflow.dingtalk.com/dingtalk/mobile/homepage.htm?procInstId=${i.processInstanceId}`,
  };
  if (decided) task.finishTime = workflowTime(i.decideMs);
  const out: Record<string, unknown> = {
    title: `${facts.nameOf(i.userid)}提交的请假`,
    createTime: workflowTime(i.createMs),
    originatorUserId: i.userid,
    originatorDeptId: String(dept.id),
    originatorDeptName: dept.name,
    status,
    result,
    businessId: String(i.createMs).slice(0, 8) + i.processInstanceId.slice(0, 6).replace(/[a-f]/g, '0'),
    bizAction: 'NONE',
    approverUserIds: [approver],
    ccUserIds: [],
    formComponentValues: [
      {
        id: 'DDHolidayField-LC0001',
        name: '["开始时间","结束时间"]',
        value: JSON.stringify([formTime(i.leave.startMs), formTime(i.leave.endMs), duration, hourly ? 'hour' : 'day', type.leave_name, '请假类型']),
        extValue: JSON.stringify({
          leaveCode: i.leave.leaveCode,
          unit: hourly ? 'HOUR' : 'DAY',
          durationInDay: hourly ? Math.round((duration / 8) * 100) / 100 : duration,
          durationInHour: hourly ? duration : duration * 8,
          extension: JSON.stringify({ tag: '请假' }),
        }),
        componentType: 'DDHolidayField',
        bizAlias: '',
      },
      { id: 'TextareaField-LC0002', name: '请假事由', value: reason, componentType: 'TextareaField', bizAlias: '' },
    ],
    operationRecords,
    tasks: [task],
    attachedProcessInstanceIds: [],
  };
  if (decided) out.finishTime = workflowTime(i.decideMs);
  return out;
}
