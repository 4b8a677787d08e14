/**
 * Built-in KPI templates from the articles. 000 module 3: sales 30%, client retention 30%, repurchase 20%,
 * satisfaction 20%. 004: team-collaboration indicators — helping colleagues follow up clients 10%, team project
 * contribution 15%, resource sharing that led to a new deal 5% (30% together) — and the team linkage +10% / −5%.
 * Targets are examples for a monthly big-client salesperson; HR adjusts them in a new version.
 */
import type { KpiIndicator, KpiSchemeDefinition } from './kpiTypes';

const TEAM_LINKAGE = { metAdjustBp: 1_000, missedAdjustBp: -500 };

/** The four individual-performance indicators with the articles' weights (total 100). */
export const BIG_CLIENT_INDICATORS: KpiIndicator[] = [
  {
    id: 'sales',
    label: '销售额',
    group: 'individual',
    weight: 30,
    source: 'crm',
    measure: '当月签约合同金额（不含已取消）',
    unit: '元',
    target: 300_000,
    scoring: { kind: 'linear', floor: 0 },
  },
  {
    id: 'retention',
    label: '客户留存率',
    group: 'individual',
    weight: 30,
    source: 'crm',
    measure: '上期客户本期仍有有效合同的比例',
    unit: '%',
    target: 80,
    scoring: { kind: 'linear', floor: 40 },
  },
  {
    id: 'repurchase',
    label: '复购率',
    group: 'individual',
    weight: 20,
    source: 'crm',
    measure: '本期有续约或再次签约的客户比例',
    unit: '%',
    target: 30,
    scoring: { kind: 'linear', floor: 0 },
  },
  {
    id: 'satisfaction',
    label: '客户满意度',
    group: 'individual',
    weight: 20,
    source: 'satisfaction',
    measure: '本期满意度调查平均分（0–10）',
    unit: '分',
    target: 9,
    scoring: {
      kind: 'banded',
      bands: [
        { min: 7, score: 60 },
        { min: 8, score: 80 },
        { min: 9, score: 100 },
      ],
    },
  },
];

/** The three team-collaboration indicators with the articles' weights (total 30). */
export const TEAM_COLLABORATION_INDICATORS: KpiIndicator[] = [
  {
    id: 'helping',
    label: '协助同事跟进客户',
    group: 'team',
    weight: 10,
    source: 'collaboration',
    measure: '作为参与人协助同事跟进客户的次数',
    unit: '次',
    target: 5,
    scoring: { kind: 'linear', floor: 0 },
  },
  {
    id: 'teamProject',
    label: '团队项目贡献',
    group: 'team',
    weight: 15,
    source: 'supervisorRating',
    measure: '主管对团队项目贡献的评分（0–100，须附评语）',
    unit: '分',
    target: 100,
    scoring: { kind: 'linear', floor: 0 },
  },
  {
    id: 'resourceSharing',
    label: '资源共享促成新签单',
    group: 'team',
    weight: 5,
    source: 'crm',
    measure: '因其共享的客户资源而新签的合同数',
    unit: '单',
    target: 1,
    scoring: { kind: 'threshold' },
  },
];

/** The individual indicators at 70% of their weights: 30 / 30 / 20 / 20 → 21 / 21 / 14 / 14. */
const INDIVIDUAL_AT_70: Record<string, number> = { sales: 21, retention: 21, repurchase: 14, satisfaction: 14 };

export interface KpiTemplate {
  key: string;
  name: string;
  description: string;
  definition: KpiSchemeDefinition;
}

/** The built-in templates HR starts a KPI scheme from. */
export const KPI_TEMPLATES: KpiTemplate[] = [
  {
    key: 'bigClientSales',
    name: '大客户销售（个人业绩）',
    description: '销售额 30%、客户留存率 30%、复购率 20%、客户满意度 20%；加权得分 ≥ 80 为达标',
    definition: { indicators: BIG_CLIENT_INDICATORS, passScore: 80, teamLinkage: null },
  },
  {
    key: 'bigClientSalesWithTeam',
    name: '大客户销售（含团队协作 30%）',
    description:
      '个人业绩 70%（销售额 21%、留存率 21%、复购率 14%、满意度 14%）+ 团队协作 30%（协助跟进 10%、团队项目 15%、资源共享 5%）；团队达标个人业绩权重 +10%，未达标 −5%',
    definition: {
      indicators: [...BIG_CLIENT_INDICATORS.map((x) => ({ ...x, weight: INDIVIDUAL_AT_70[x.id] ?? x.weight })), ...TEAM_COLLABORATION_INDICATORS],
      passScore: 80,
      teamLinkage: TEAM_LINKAGE,
    },
  },
];
