/**
 * A small company for the talent tests, built with the factories:
 *
 *   公司 ─ 销售中心 ─ 大客户部          HR 周九 is scoped to 销售中心; 吴十 is an admin.
 *        ├ 财务部                     李四 (销售主管) leads 张三 and 王五 (大客户部); 赵六 left.
 *        └ 技术部                     钱七 works in 财务部 (outside HR's scope).
 */
import type { DataSource } from 'typeorm';
import { buildCorp, buildDepartment, buildUser, grantHrScope } from './factories';

export async function buildTalentWorld(ds: DataSource, label = 'talent') {
  const corpId = await buildCorp(ds, label);
  const root = await buildDepartment(ds, corpId, { name: '测试公司' });
  const sales = await buildDepartment(ds, corpId, { name: '销售中心', parentId: root.deptId });
  const keyAccount = await buildDepartment(ds, corpId, { name: '大客户部', parentId: sales.deptId });
  const finance = await buildDepartment(ds, corpId, { name: '财务部', parentId: root.deptId });
  const tech = await buildDepartment(ds, corpId, { name: '技术部', parentId: root.deptId });
  const admin = await buildUser(ds, corpId, { name: '吴十', title: '总经理', deptIds: [root.deptId], isAdmin: true });
  const hr = await buildUser(ds, corpId, { name: '周九', title: 'HRBP', deptIds: [root.deptId] });
  const lead = await buildUser(ds, corpId, { name: '李四', title: '销售主管', deptIds: [keyAccount.deptId] });
  const zhang = await buildUser(ds, corpId, { name: '张三', title: '大客户经理', deptIds: [keyAccount.deptId], supervisorUserid: lead.userid });
  const wang = await buildUser(ds, corpId, { name: '王五', title: '销售代表', deptIds: [keyAccount.deptId], supervisorUserid: lead.userid });
  const gone = await buildUser(ds, corpId, { name: '赵六', title: '销售代表', deptIds: [keyAccount.deptId], status: 'left', leftOn: '2026-01-31' });
  const outsider = await buildUser(ds, corpId, { name: '钱七', title: '会计', deptIds: [finance.deptId] });
  await grantHrScope(ds, corpId, hr.userid, [sales.deptId]);
  return { corpId, depts: { root, sales, keyAccount, finance, tech }, people: { admin, hr, lead, zhang, wang, gone, outsider } };
}
export type TalentWorld = Awaited<ReturnType<typeof buildTalentWorld>>;
