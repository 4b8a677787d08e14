/**
 * A small company for the KPI tests: 销售中心 with a supervisor (老板) and two 大客户经理 reporting to them (王五,
 * 李四), an HR user over 销售中心, and a 大客户经理 of another department (外人) with their own supervisor; one KPI
 * scheme for 大客户经理 (销售额 60% threshold 1,000 元, 协助同事 40% threshold 1 次 of the team group, pass 60,
 * linkage +10% / −5%; a judgement indicator would need a rating), published from 2020 through the commands HR uses.
 */
import type { DataSource } from 'typeorm';
import type { KpiSchemeDefinition } from '@liucai/shared';
import type { Actor } from '../../server/src/appTypes';
import type { User } from '../../server/src/entities';
import { createRule } from '../../server/src/modules/pay/commands/ruleCreator';
import { createRuleVersion } from '../../server/src/modules/pay/commands/ruleVersionCreator';
import { publishRuleVersion } from '../../server/src/modules/pay/commands/ruleVersionPublisher';
import { KPI_FAMILY } from '../../server/src/modules/pay/ruleFamilies';
import { buildCorp, buildDepartment, buildUser, grantHrScope } from './factories';

export const KPI_DEFINITION: KpiSchemeDefinition = {
  indicators: [
    {
      id: 'sales',
      label: '销售额',
      group: 'individual',
      weight: 60,
      source: 'crm',
      measure: '当月签约合同金额',
      unit: '元',
      target: 1000,
      scoring: { kind: 'threshold' },
    },
    {
      id: 'helping',
      label: '协助同事跟进客户',
      group: 'team',
      weight: 30,
      source: 'collaboration',
      measure: '协作次数',
      unit: '次',
      target: 1,
      scoring: { kind: 'threshold' },
    },
    {
      id: 'teamProject',
      label: '团队项目贡献',
      group: 'team',
      weight: 10,
      source: 'supervisorRating',
      measure: '主管评分',
      unit: '分',
      target: 100,
      scoring: { kind: 'linear', floor: 0 },
    },
  ],
  passScore: 60,
  teamLinkage: { metAdjustBp: 1000, missedAdjustBp: -500 },
};

/** The same scheme with 团队项目贡献 replaced by an imported indicator: 客户拜访 (`visits`, 10%, linear 0 → 20 次). */
export const KPI_IMPORT_DEFINITION: KpiSchemeDefinition = {
  ...KPI_DEFINITION,
  indicators: KPI_DEFINITION.indicators.map((i) =>
    i.id === 'teamProject'
      ? { ...i, id: 'visits', label: '客户拜访', source: 'import', measure: '当月客户拜访次数', unit: '次', target: 20, scoring: { kind: 'linear', floor: 0 } }
      : i,
  ),
};

/** Create and publish a KPI scheme (effective from 2020) through the commands HR uses; the version's id. */
export async function publishKpiScheme(
  ds: DataSource,
  actor: Actor,
  scheme: { code: string; name: string; jobTitle: string | null },
  definition: KpiSchemeDefinition,
): Promise<{ schemeId: number; versionId: number }> {
  const rule = await createRule(ds, KPI_FAMILY, actor, scheme);
  const v = await createRuleVersion(ds, KPI_FAMILY, actor, rule.id, { effectiveFrom: '2020-01-01', definition, note: '测试' });
  await publishRuleVersion(ds, KPI_FAMILY, actor, v.id);
  return { schemeId: rule.id, versionId: v.id };
}

export interface KpiWorld {
  corpId: string;
  salesDeptId: number;
  schemeId: number;
  versionId: number;
  people: { boss: User; wang: User; li: User; hr: User; outsider: User; otherBoss: User; admin: User };
}

export async function buildKpiWorld(ds: DataSource, label: string, definition: KpiSchemeDefinition = KPI_DEFINITION): Promise<KpiWorld> {
  const corpId = await buildCorp(ds, label);
  const sales = await buildDepartment(ds, corpId, { name: '销售中心' });
  const other = await buildDepartment(ds, corpId, { name: '技术部' });
  const s = Number(sales.deptId);
  const o = Number(other.deptId);
  const boss = await buildUser(ds, corpId, { name: '老板', title: '销售主管', deptIds: [s] });
  const wang = await buildUser(ds, corpId, { name: '王五', title: '大客户经理', deptIds: [s], supervisorUserid: boss.userid });
  const li = await buildUser(ds, corpId, { name: '李四', title: '大客户经理', deptIds: [s], supervisorUserid: boss.userid });
  const hr = await buildUser(ds, corpId, { name: '人事', title: 'HRBP', deptIds: [s] });
  const otherBoss = await buildUser(ds, corpId, { name: '别的主管', title: '技术主管', deptIds: [o] });
  const outsider = await buildUser(ds, corpId, { name: '外人', title: '大客户经理', deptIds: [o], supervisorUserid: otherBoss.userid });
  const admin = await buildUser(ds, corpId, { name: '管理员', isAdmin: true, deptIds: [o] });
  await grantHrScope(ds, corpId, hr.userid, [s]);
  const actor: Actor = { corpId, userid: admin.userid, roles: ['employee', 'admin'], hrDeptIds: [] };
  const { schemeId, versionId } = await publishKpiScheme(ds, actor, { code: 'kpi-test', name: '大客户经理 KPI', jobTitle: '大客户经理' }, definition);
  return { corpId, salesDeptId: s, schemeId, versionId, people: { boss, wang, li, hr, outsider, otherBoss, admin } };
}
