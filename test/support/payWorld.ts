/**
 * A small company for the pay tests, built with the factories, with the demo's plans seeded by the same function
 * `npm start` uses:
 *
 *   公司 ─ 销售中心 ─ 大客户部 ─ 一组        HR 周九 is scoped to 销售中心; 吴十 is an admin.
 *        ├ 财务部                           李四 (销售主管) leads 张三 (大客户经理) and 王五 (销售代表).
 *        └ 技术部                           钱七 works in 财务部 (outside HR's scope).
 */
import type { DataSource } from 'typeorm';
import type { User } from '../../server/src/entities';
import { createSession, SESSION_COOKIE } from '../../server/src/modules/access/auth/sessions';
import { seedDemoIncentivePlans } from '../../server/src/modules/pay/commands/demoIncentivePlansSeeder';
import { shanghaiDate } from '../../server/src/util/dates';
import { buildCorp, buildDepartment, buildUser, grantHrScope } from './factories';
import { TestClient } from './httpClient';

export async function buildPayWorld(ds: DataSource, label = 'pay') {
  const corpId = await buildCorp(ds, label);
  const root = await buildDepartment(ds, corpId, { name: '测试公司' });
  const sales = await buildDepartment(ds, corpId, { name: '销售中心', parentId: root.deptId });
  const keyAccount = await buildDepartment(ds, corpId, { name: '大客户部', parentId: sales.deptId });
  const team = await buildDepartment(ds, corpId, { name: '一组', parentId: keyAccount.deptId });
  const finance = await buildDepartment(ds, corpId, { name: '财务部', parentId: root.deptId });
  const tech = await buildDepartment(ds, corpId, { name: '技术部', parentId: root.deptId });
  const admin = await buildUser(ds, corpId, { name: '吴十', title: '总经理', deptIds: [root.deptId], isAdmin: true });
  const hr = await buildUser(ds, corpId, { name: '周九', title: 'HRBP', deptIds: [root.deptId] });
  const lead = await buildUser(ds, corpId, { name: '李四', title: '销售主管', deptIds: [team.deptId] });
  const seller = await buildUser(ds, corpId, { name: '张三', title: '大客户经理', deptIds: [team.deptId], supervisorUserid: lead.userid });
  const rep = await buildUser(ds, corpId, { name: '王五', title: '销售代表', deptIds: [team.deptId], supervisorUserid: lead.userid });
  const outsider = await buildUser(ds, corpId, { name: '钱七', title: '会计', deptIds: [finance.deptId] });
  await grantHrScope(ds, corpId, hr.userid, [sales.deptId]);
  const seeded = await seedDemoIncentivePlans(ds, corpId, admin.userid, shanghaiDate(new Date()));
  if (!seeded) throw new Error('the pay world has a 销售中心: seeding cannot be skipped');
  return {
    corpId,
    depts: { root, sales, keyAccount, team, finance, tech },
    people: { admin, hr, lead, seller, rep, outsider },
    transitionDay: seeded.transitionDay,
  };
}
export type PayWorld = Awaited<ReturnType<typeof buildPayWorld>>;

/** An API client already signed in as `user` (a session row, as 免登 would leave). */
export async function payClientAs(ds: DataSource, baseUrl: string, user: Pick<User, 'corpId' | 'userid'>): Promise<TestClient> {
  const token = await createSession(ds, user.corpId, user.userid, 1);
  const client = new TestClient(baseUrl);
  client.cookie = `${SESSION_COOKIE}=${token}`;
  return client;
}
