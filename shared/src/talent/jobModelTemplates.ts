/**
 * The built-in job model the articles describe, 大客户销售: customer insight, resource coordination (≥ 5
 * cross-department collaborations a month), long-term maintenance (renewal ≥ 80%), plus the big-client cycle
 * (15 days against the industry's 30) and client satisfaction. Seeded for every corp; HR copies it to change it.
 */
import type { JobModelDefinition } from './jobModelTypes';

export interface JobModelTemplate {
  code: string;
  name: string;
  description: string;
  definition: JobModelDefinition;
}

export const BIG_CLIENT_SALES_MODEL: JobModelTemplate = {
  code: 'big_client_sales',
  name: '大客户销售',
  description: '服务型企业从中小客户转向大客户时，大客户销售岗位所需的能力',
  definition: {
    maxMissingWeight: 30,
    dimensions: [
      {
        id: 'insight',
        label: '客户洞察',
        input: 'bigClientMonths',
        weight: 20,
        rule: { kind: 'linear', floor: 0, target: 12 },
        description: '能独立完成客户需求分析：近 24 个月中跟进大客户的月份满 12 个计 100，0 个计 0，之间线性',
      },
      {
        id: 'coordination',
        label: '资源协调',
        input: 'collaborationsPerMonth',
        weight: 30,
        rule: { kind: 'linear', floor: 0, target: 5 },
        description: '每月跨部门协作 ≥ 5 次计 100，0 次计 0，之间线性',
      },
      {
        id: 'maintenance',
        label: '长期维护',
        input: 'renewalRate',
        weight: 30,
        rule: { kind: 'linear', floor: 50, target: 80 },
        description: '客户续签率 ≥ 80% 计 100，≤ 50% 计 0，之间线性',
      },
      {
        id: 'cycle',
        label: '大客户跟进效率',
        input: 'bigCycleDays',
        weight: 10,
        rule: { kind: 'linear', floor: 45, target: 15 },
        description: '大客户从首次跟进到签约 ≤ 15 天计 100（行业约 30 天，计 50），≥ 45 天计 0',
      },
      {
        id: 'satisfaction',
        label: '客户满意度',
        input: 'satisfaction',
        weight: 10,
        rule: {
          kind: 'banded',
          bands: [
            { min: 0, score: 0 },
            { min: 6, score: 40 },
            { min: 7, score: 60 },
            { min: 8, score: 80 },
            { min: 9, score: 100 },
          ],
        },
        description: '满意度 ≥ 9 分计 100，≥ 8 计 80，≥ 7 计 60，≥ 6 计 40，更低计 0',
      },
    ],
  },
};

export const JOB_MODEL_TEMPLATES: readonly JobModelTemplate[] = [BIG_CLIENT_SALES_MODEL];
