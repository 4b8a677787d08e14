/**
 * One glossary of the words HR reads: each concept has one Chinese term, its counting unit, and a sentence saying
 * what one of it is. Labels on the server and in the micro-app come from here, so the same thing is called the same
 * everywhere and a figure says what it counts. Quotes in user-facing text are “…”; a space separates Chinese from
 * Latin letters and digits (`zh` in zhText.ts inserts it where a value meets Chinese).
 */

export interface Term {
  /** The word shown, e.g. `考勤记录`. */
  term: string;
  /** The counting unit after a number, e.g. `条`, `人`, `份`. */
  unit: string;
  /** What one of it is, in one sentence (shown next to counts). */
  means: string;
}

export const GLOSSARY = {
  dingtalkAccount: { term: '钉钉账号', unit: '个', means: '员工在钉钉通讯录中的唯一账号，导入文件可填它、工号或完整姓名' },
  employee: { term: '员工', unit: '人', means: '钉钉通讯录中的成员' },
  activeEmployee: { term: '在职员工', unit: '人', means: '钉钉通讯录中当前在职的成员' },
  department: { term: '部门', unit: '个', means: '钉钉通讯录中的部门' },
  supervisor: { term: '直属主管', unit: '人', means: '员工的汇报对象：钉钉中设置的直属主管，未设置时取所在部门的主管' },
  attendanceRecord: { term: '考勤记录', unit: '条', means: '每人每个排班打卡点（上班、下班）一条结果：正常、迟到、早退、缺卡或旷工' },
  clockRecord: { term: '打卡记录', unit: '条', means: '员工每打一次卡一条，含时间、地点与设备' },
  leaveRecord: { term: '请假记录', unit: '条', means: '每个请假审批一条，含已通过、已拒绝、已撤销和审批中的' },
  departureRecord: { term: '离职记录', unit: '条', means: '每人每次离职一条，含最后工作日与离职原因' },
  customer: { term: '客户', unit: '个', means: '钉钉 CRM 中的企业客户与个人客户，已在钉钉删除的不计' },
  contract: { term: '合同', unit: '份', means: '一份签约合同（成交），来自钉钉 CRM 或导入，已在钉钉删除的不计' },
  followUp: { term: '跟进记录', unit: '条', means: '销售在钉钉 CRM 中登记的一次客户跟进' },
  collaboration: { term: '跨部门协作', unit: '次', means: '一次有其他部门同事参与的客户跟进，或导入的一条协作记录' },
  satisfaction: { term: '满意度调查', unit: '条', means: '一个客户一次满意度评分' },
  training: { term: '培训记录', unit: '条', means: '一名员工一门课程的完成度与成绩' },
  syncChange: { term: '新增或更新', unit: '条', means: '这次同步写入数据库的记录：新出现的、内容变了的或在钉钉中已删除的' },
  meteredCall: { term: '计量调用', unit: '次', means: '计入钉钉每月额度的接口调用；通讯录接口与登录不计' },
  meteredEvent: { term: '事件推送', unit: '条', means: '钉钉推送给应用的一条事件（Stream 或 HTTP），计入每月事件额度；通讯录事件不计' },
  workNotification: { term: '工作通知', unit: '条', means: '应用发给员工的一条钉钉工作通知' },
} as const satisfies Record<string, Term>;

export type TermId = keyof typeof GLOSSARY;

/** The term of a concept, e.g. `termOf('clockRecord')` → `打卡记录`. */
export const termOf = (id: TermId): string => GLOSSARY[id].term;

/** A whole number the way the pages show it: `13,174`. */
export const formatCount = (n: number): string => Math.round(n).toLocaleString('zh-CN');

/** A count with its term and unit: `考勤记录 13,174 条`. */
export function quantity(id: TermId, n: number): string {
  return `${GLOSSARY[id].term} ${formatCount(n)} ${GLOSSARY[id].unit}`;
}

/** The data sources of the 数据 page, by their Chinese names. */
export const SOURCE_LABELS = {
  org: '组织架构',
  attendance: '考勤',
  leave: '请假',
  departures: '离职',
  crm: '钉钉 CRM',
  imports: '导入的历史数据',
} as const;
