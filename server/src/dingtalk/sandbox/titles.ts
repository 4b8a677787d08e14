/**
 * Job titles per kind of department. A title depends on where a person sits: the head of a department
 * with sub-teams, the lead of a leaf team, or a plain member.
 */
import type { DeptKind } from './corpTypes';

interface TitleSet {
  /** Head of a top-level department, or of any department that has sub-teams. */
  head: string;
  /** Lead of a leaf team below the top level (defaults to head). */
  teamLead?: string;
  /** Plain members, weighted. */
  members: readonly (readonly [string, number])[];
}

const TITLES: Record<DeptKind, TitleSet> = {
  root: { head: '总经理', members: [['总经理助理', 1]] },
  exec: {
    head: '总经理',
    members: [
      ['总经理助理', 3],
      ['行政主管', 1],
      ['行政专员', 3],
      ['法务经理', 1],
    ],
  },
  hr: {
    head: '人力资源总监',
    teamLead: 'HR主管',
    members: [
      ['HRBP', 3],
      ['招聘专员', 3],
      ['薪酬绩效专员', 2],
      ['培训专员', 1],
      ['员工关系专员', 1],
    ],
  },
  hrRecruit: {
    head: '招聘经理',
    teamLead: '招聘主管',
    members: [
      ['招聘专员', 4],
      ['高级招聘专员', 1],
    ],
  },
  hrbp: {
    head: 'HRBP负责人',
    members: [
      ['HRBP', 4],
      ['高级HRBP', 1],
    ],
  },
  hrComp: {
    head: '薪酬绩效经理',
    members: [
      ['薪酬绩效专员', 3],
      ['薪酬福利专员', 1],
    ],
  },
  hrTraining: {
    head: '培训经理',
    members: [
      ['培训专员', 3],
      ['组织发展专员', 1],
    ],
  },
  hrRelations: {
    head: '员工关系经理',
    members: [
      ['员工关系专员', 3],
      ['人事专员', 2],
    ],
  },
  finance: {
    head: '财务总监',
    teamLead: '财务主管',
    members: [
      ['会计', 4],
      ['出纳', 2],
      ['财务分析师', 2],
      ['税务会计', 1],
    ],
  },
  finAccounting: {
    head: '会计主管',
    members: [
      ['会计', 4],
      ['总账会计', 1],
    ],
  },
  finCashier: { head: '出纳主管', members: [['出纳', 1]] },
  finAnalysis: { head: '财务分析经理', members: [['财务分析师', 1]] },
  finTax: { head: '税务经理', members: [['税务会计', 1]] },
  salesCenter: { head: '销售副总裁', members: [['销售运营助理', 1]] },
  keyAccount: {
    head: '大客户总监',
    teamLead: '大客户销售主管',
    members: [
      ['大客户经理', 6],
      ['高级大客户经理', 2],
      ['解决方案顾问', 1],
    ],
  },
  smb: {
    head: '销售总监',
    teamLead: '销售主管',
    members: [
      ['销售代表', 8],
      ['高级销售代表', 2],
      ['电话销售', 1],
    ],
  },
  salesSupport: {
    head: '销售支持经理',
    teamLead: '销售支持主管',
    members: [
      ['销售运营专员', 3],
      ['商务专员', 3],
      ['售前顾问', 2],
      ['合同管理专员', 1],
    ],
  },
  tech: {
    head: '技术总监',
    teamLead: '技术经理',
    members: [
      ['架构师', 1],
      ['工程师', 3],
    ],
  },
  techBackend: {
    head: '后端负责人',
    teamLead: '技术经理',
    members: [
      ['后端工程师', 4],
      ['高级后端工程师', 2],
      ['工程师', 2],
    ],
  },
  techFrontend: {
    head: '前端负责人',
    teamLead: '技术经理',
    members: [
      ['前端工程师', 4],
      ['高级前端工程师', 2],
      ['工程师', 1],
    ],
  },
  techQa: {
    head: '测试负责人',
    teamLead: '测试经理',
    members: [
      ['测试工程师', 4],
      ['自动化测试工程师', 1],
    ],
  },
  techProduct: {
    head: '产品负责人',
    teamLead: '产品经理',
    members: [
      ['产品经理', 3],
      ['高级产品经理', 1],
      ['UI设计师', 2],
    ],
  },
  techOps: {
    head: '运维负责人',
    teamLead: '运维经理',
    members: [
      ['运维工程师', 3],
      ['SRE工程师', 1],
    ],
  },
  techData: {
    head: '数据负责人',
    teamLead: '数据经理',
    members: [
      ['数据工程师', 3],
      ['数据分析师', 2],
    ],
  },
  customerSuccess: {
    head: '客户成功总监',
    teamLead: '客户成功主管',
    members: [
      ['客户成功经理', 5],
      ['实施顾问', 3],
      ['客服专员', 2],
    ],
  },
};

/** Title of a department's (first) manager: `isTeam` = a leaf team below the top level. */
export function leaderTitle(kind: DeptKind, isTeam: boolean): string {
  const set = TITLES[kind];
  return isTeam ? (set.teamLead ?? set.head) : set.head;
}

/** Weighted member titles for a kind of department. */
export function memberTitles(kind: DeptKind): readonly (readonly [string, number])[] {
  return TITLES[kind].members;
}
