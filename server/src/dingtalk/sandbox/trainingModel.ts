/**
 * The demo company's training history: the courses each person (active or departed) started and completed over the
 * TRAINING_HISTORY_DAYS before "today", as a company's learning platform would export it for HR. DingTalk has no
 * training API, so a real company brings this in as an HR import (培训记录); the sandbox generates the file the demo
 * imports on its first start (GET /sandbox/corps/:corpId/training.csv). Everything is a pure function of the corp
 * seed, the people and the corp's "today", drawn from keyed streams of its own (`[seed, 'training', userid]`), so the
 * attendance, leave, CRM and departure draws do not move.
 *
 * The story: everyone starts courses at a personal rate (0.2–1.8 a month) from a catalogue of their function's
 * courses and the company's general ones; over the transition year (the year before "today", as in the CRM)
 * salespeople take more courses and more of them are the big-client ones the articles name (大客户销售方法论,
 * 解决方案销售, 大客户需求调研技巧, 定制化服务方案设计, 行业知识…). People hired within the history take the
 * onboarding courses in their first weeks. Drifters (driftModel) start fewer and fewer courses from 15 weeks before
 * their horizon and none in its last 5 weeks, complete nothing in those 5 weeks and leave their last course in
 * progress. Nobody starts or completes a course after their last working day, and nothing is dated on or after
 * "today".
 */
import { AttendancePeople, type AttendanceCorpView } from './attendancePeople';
import type { DeptKind } from './corpTypes';
import { ONE_DAY_MS } from './corpClock';
import { driftIntensity, isSalesKind } from './driftModel';
import { keyedPrng, unitOf } from './stableIds';
import { chinaDayNumber, isWorkingDay } from './workCalendar';

/** Days of training history before "today": the 18 months of the departure history. */
export const TRAINING_HISTORY_DAYS = 548;
/** The transition year before "today", over which salespeople's courses turn to big clients. */
const TRANSITION_DAYS = 365;
/** The file the demo imports (and the sandbox names its download). */
export const TRAINING_FILE_NAME = '演示公司培训记录.csv';
/** The training import's column headers (the 培训记录 template's), in its order. */
export const TRAINING_CSV_HEADERS = ['员工', '课程', '完成度(%)', '考试成绩', '完成日期'] as const;

type Audience = 'all' | 'sales' | 'service' | 'tech' | 'finance' | 'hr' | 'manager';

interface Course {
  title: string;
  /** Whether the course ends with an exam (a score on completion). */
  exam: boolean;
  /** Days from start to completion. */
  days: readonly [number, number];
  /** Salespeople's courses: `classic` (small clients, before the transition) or `bigClient` (the transition's). */
  theme?: 'classic' | 'bigClient';
}

const c = (title: string, exam: boolean, days: readonly [number, number], theme?: Course['theme']): Course =>
  theme ? { title, exam, days, theme } : { title, exam, days };

/** Onboarding: everyone hired within the history, plus their function's first course. */
const ONBOARDING: readonly Course[] = [c('新员工入职培训', false, [1, 2]), c('企业文化与规章制度', true, [2, 5]), c('信息安全与合规', true, [2, 6])];
const ONBOARDING_BY_AUDIENCE: Partial<Record<Audience, Course>> = {
  sales: c('产品知识与报价规范', true, [3, 10]),
  service: c('产品知识与报价规范', true, [3, 10]),
  tech: c('研发流程与代码规范', true, [3, 10]),
  finance: c('财务制度与报销流程', true, [2, 6]),
  hr: c('人事制度与钉钉人事操作', true, [2, 6]),
};

const CATALOGUE: Record<Audience, readonly Course[]> = {
  all: [
    c('高效沟通技巧', true, [3, 10]),
    c('时间管理', false, [2, 7]),
    c('商务礼仪', false, [1, 5]),
    c('职场写作', true, [3, 10]),
    c('Excel 数据分析', true, [5, 15]),
    c('项目管理基础', true, [7, 21]),
    c('情绪管理与压力应对', false, [2, 7]),
    c('跨部门协作', true, [3, 10]),
    c('问题分析与解决', true, [3, 10]),
    c('结构化思维', true, [3, 10]),
    c('演讲与表达', false, [3, 10]),
    c('数据安全意识进阶', true, [1, 5]),
  ],
  sales: [
    c('电话销售技巧', true, [3, 10], 'classic'),
    c('中小客户开发', true, [3, 10], 'classic'),
    c('销售话术与异议处理', true, [3, 10], 'classic'),
    c('客户拜访礼仪', false, [1, 5], 'classic'),
    c('CRM 使用规范', true, [1, 5], 'classic'),
    c('快速成交技巧', true, [3, 10], 'classic'),
    c('竞品分析入门', true, [3, 10], 'classic'),
    c('大客户销售方法论', true, [7, 21], 'bigClient'),
    c('解决方案销售', true, [7, 21], 'bigClient'),
    c('大客户需求调研技巧', true, [5, 14], 'bigClient'),
    c('定制化服务方案设计', true, [7, 21], 'bigClient'),
    c('客户沟通中的心理学', true, [3, 10], 'bigClient'),
    c('大客户资源协调', true, [3, 10], 'bigClient'),
    c('大客户需求分析', true, [5, 14], 'bigClient'),
    c('长期客户维护与续约', true, [5, 14], 'bigClient'),
    c('如何应对大客户的异议', true, [3, 10], 'bigClient'),
    c('商务谈判', true, [5, 14], 'bigClient'),
    c('招投标实务', true, [5, 14], 'bigClient'),
    c('行业知识：精密制造', true, [5, 14], 'bigClient'),
    c('行业知识：医疗器械', true, [5, 14], 'bigClient'),
    c('行业知识：物流', true, [5, 14], 'bigClient'),
    c('行业知识：零售连锁', true, [5, 14], 'bigClient'),
    c('行业知识：软件', true, [5, 14], 'bigClient'),
    c('行业知识：汽车零部件', true, [5, 14], 'bigClient'),
  ],
  service: [
    c('客户成功管理', true, [5, 14]),
    c('长期客户维护与续约', true, [5, 14]),
    c('合同与订单管理', true, [3, 10]),
    c('客户投诉处理', true, [3, 10]),
    c('大客户资源协调', true, [3, 10]),
    c('解决方案销售', true, [7, 21]),
    c('行业知识：精密制造', true, [5, 14]),
    c('行业知识：医疗器械', true, [5, 14]),
    c('行业知识：物流', true, [5, 14]),
  ],
  tech: [
    c('微服务架构', true, [7, 21]),
    c('代码评审实践', false, [3, 10]),
    c('自动化测试', true, [7, 21]),
    c('云原生与容器', true, [7, 21]),
    c('数据库性能优化', true, [5, 14]),
    c('前端工程化', true, [5, 14]),
    c('数据分析与可视化', true, [5, 14]),
    c('产品需求分析', true, [5, 14]),
    c('敏捷开发实践', false, [3, 10]),
    c('网络安全攻防基础', true, [5, 14]),
    c('大客户定制化方案的技术支持', true, [5, 14]),
  ],
  finance: [
    c('新收入准则解读', true, [5, 14]),
    c('税务筹划实务', true, [5, 14]),
    c('财务分析与预算', true, [5, 14]),
    c('内控与审计', true, [5, 14]),
    c('应收账款管理', true, [3, 10]),
  ],
  hr: [
    c('劳动法实务', true, [5, 14]),
    c('招聘面试技巧', true, [3, 10]),
    c('薪酬绩效设计', true, [5, 14]),
    c('员工关系处理', true, [3, 10]),
    c('培训体系搭建', true, [5, 14]),
    c('人才盘点方法', true, [5, 14]),
  ],
  manager: [c('团队管理培训', true, [5, 14]), c('团队领导力', true, [5, 14]), c('绩效面谈技巧', true, [3, 10]), c('辅导与授权', false, [3, 10])],
};

const AUDIENCE_OF: Partial<Record<DeptKind, Audience>> = {
  keyAccount: 'sales',
  smb: 'sales',
  salesCenter: 'sales',
  salesSupport: 'service',
  customerSuccess: 'service',
  tech: 'tech',
  techBackend: 'tech',
  techFrontend: 'tech',
  techQa: 'tech',
  techProduct: 'tech',
  techOps: 'tech',
  techData: 'tech',
  finance: 'finance',
  finAccounting: 'finance',
  finCashier: 'finance',
  finAnalysis: 'finance',
  finTax: 'finance',
  hr: 'hr',
  hrRecruit: 'hr',
  hrbp: 'hr',
  hrComp: 'hr',
  hrTraining: 'hr',
  hrRelations: 'hr',
};

/** One person's course, as the learning platform records it. */
export interface TrainingCourseRecord {
  userid: string;
  course: string;
  /** Day number (China time) the course was started (not exported: the import has no such column). */
  startDay: number;
  /** 0–100; 100 once completed. */
  completionPercent: number;
  /** 0–100 for a completed course with an exam, else null. */
  examScore: number | null;
  /** Day number of completion, undefined while in progress. */
  completedDay?: number;
}

/** What the training model reads from a corp. */
export interface TrainingCorpView extends AttendanceCorpView {
  readonly departments: ReadonlyMap<number, { dept_id: number; kind: DeptKind; dept_manager_userid_list: readonly string[] }>;
}

/** yyyy-mm-dd of a China day number. */
export const dayText = (day: number): string => new Date(day * ONE_DAY_MS).toISOString().slice(0, 10);

/** Everyone's courses, by userid, then start day. */
export function generateTraining(corp: TrainingCorpView): TrainingCourseRecord[] {
  const people = new AttendancePeople(corp);
  const today = chinaDayNumber(corp.asOfMs);
  const departed = new Map(corp.departures.map((d) => [d.userid, d.user]));
  const managers = new Set([...corp.departments.values()].flatMap((d) => d.dept_manager_userid_list));
  const out: TrainingCourseRecord[] = [];
  for (const userid of people.allUserids().sort()) {
    const person = people.get(userid);
    const user = corp.users.get(userid) ?? departed.get(userid);
    if (!person || !user) continue;
    const kind = corp.departments.get(user.dept_id_list[0] ?? 1)?.kind;
    const audiences: Audience[] = ['all'];
    const own = kind === undefined ? undefined : AUDIENCE_OF[kind];
    if (own) audiences.push(own);
    if (corp.users.has(userid) && managers.has(userid)) audiences.push('manager');
    out.push(...personTraining(corp.seed, person, audiences, isSalesKind(kind), today));
  }
  return out;
}

/** One person's courses (their own keyed stream). */
function personTraining(
  seed: number,
  person: NonNullable<ReturnType<AttendancePeople['get']>>,
  audiences: readonly Audience[],
  sales: boolean,
  today: number,
): TrainingCourseRecord[] {
  const { userid, drift } = person;
  const p = keyedPrng([seed, 'training', userid]);
  const lastDataDay = today - 1;
  const from = Math.max(person.firstDay, today - TRAINING_HISTORY_DAYS);
  const until = Math.min(person.lastDay ?? lastDataDay, lastDataDay);
  if (until < from) return [];
  const ability = unitOf([seed, 'training-ability', userid]);
  /** Courses a month, before the transition's push. */
  const rate = 0.2 + 1.6 * p.next();
  const records: TrainingCourseRecord[] = [];
  const taken = new Set<string>();

  const take = (course: Course, startDay: number): void => {
    taken.add(course.title);
    const duration = p.int(course.days[0], course.days[1]);
    let done = startDay + duration;
    while (!isWorkingDay(done)) done += 1;
    const score = Math.round(62 + 30 * ability + (p.next() - 0.5) * 16);
    const record: TrainingCourseRecord = { userid, course: course.title, startDay, completionPercent: 100, examScore: null };
    // A drifter completes nothing once the drift is full (the notice period): the course stays where it was.
    if (done <= until && !(drift && driftIntensity(drift, done) >= 1)) {
      record.completedDay = done;
      record.examScore = course.exam ? Math.max(45, Math.min(100, score)) : null;
    } else {
      const reached = Math.floor((100 * (Math.min(until, done) - startDay + 1)) / (duration + 2));
      record.completionPercent = Math.max(5, Math.min(95, reached));
    }
    records.push(record);
  };

  // Onboarding in the first weeks, for people hired within the history.
  if (person.firstDay >= today - TRAINING_HISTORY_DAYS) {
    const first = [...ONBOARDING, ...audiences.flatMap((a) => ONBOARDING_BY_AUDIENCE[a] ?? [])];
    for (const [i, course] of first.entries()) {
      const start = person.firstDay + (i === 0 ? 0 : p.int(1, 12));
      // Someone whose drift is already full (hired within their last weeks) starts nothing, not even these.
      if (start <= until && !taken.has(course.title) && driftIntensity(drift, start) < 1) take(course, start);
    }
  }

  // Regular courses: starts at the personal rate (salespeople more often over the transition), drifters fewer.
  const pool = audiences.flatMap((a) => CATALOGUE[a]);
  for (let day = from + gap(p.next(), rate); day <= until;) {
    const progress = Math.min(1, Math.max(0, 1 - (today - day) / TRANSITION_DAYS));
    const keep = p.next() >= driftIntensity(drift, day);
    const open = pool.filter((course) => !taken.has(course.title));
    if (keep && open.length > 0) {
      const weighted = open.map((course) => [course, weightOf(course, progress)] as const);
      take(p.weighted(weighted), day);
    }
    day += gap(p.next(), rate * (sales ? 1 + 0.5 * progress : 1));
  }

  records.sort((a, b) => a.startDay - b.startDay || (a.course < b.course ? -1 : a.course > b.course ? 1 : 0));
  // A drifter leaves their last course in progress.
  const last = records[records.length - 1];
  if (drift && last && last.completedDay !== undefined && !records.some((r) => r.completedDay === undefined)) {
    const duration = last.completedDay - last.startDay;
    delete last.completedDay;
    last.examScore = null;
    last.completionPercent = Math.max(5, Math.min(90, Math.floor((100 * p.int(1, Math.max(1, duration))) / (duration + 2))));
  }
  return records;
}

/** Days to the next start: exponential with `perMonth` starts a month (at least a day). */
function gap(u: number, perMonth: number): number {
  return Math.max(1, Math.ceil((-Math.log(1 - u) * 30.4) / perMonth));
}

/** How likely a course is picked: salespeople move from the classic courses to the big-client ones over the transition. */
function weightOf(course: Course, progress: number): number {
  if (course.theme === 'bigClient') return 0.3 + 2.7 * progress;
  if (course.theme === 'classic') return 1.2 - 0.9 * progress;
  return 1;
}

/** One CSV line (CRLF), quoting cells that need it. */
function csvLine(cells: readonly string[]): string {
  return cells.map((v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',') + '\r\n';
}

/** The training export as the demo imports it: UTF-8 with BOM, the 培训记录 template's columns, one row a course. */
export function trainingCsv(records: readonly TrainingCourseRecord[]): string {
  let text = '\uFEFF' + csvLine(TRAINING_CSV_HEADERS);
  for (const r of records) {
    text += csvLine([
      r.userid,
      r.course,
      String(r.completionPercent),
      r.examScore === null ? '' : String(r.examScore),
      r.completedDay === undefined ? '' : dayText(r.completedDay),
    ]);
  }
  return text;
}
