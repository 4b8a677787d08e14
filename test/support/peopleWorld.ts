/**
 * A small company for the people directory and person page tests, built with the factories:
 *
 *   公司 ─ 销售中心 ─ 中小客户一部 ─ 一组      (three departments called 一组)
 *        │         └ 中小客户二部 ─ 一组
 *        ├ 财务部
 *        └ 技术部 ─ 一组
 *
 * HR 周九 is scoped to 销售中心; 李四 leads 张三 and 赵六 (left); 王大伟 leads 李四 and 张珊.
 */
import type { DataSource } from 'typeorm';
import { buildCorp, buildDepartment, buildUser, grantHrScope } from './factories';

export async function buildPeopleWorld(ds: DataSource, label = 'people') {
  const corpId = await buildCorp(ds, label);
  const root = await buildDepartment(ds, corpId, { name: '测试公司' });
  const sales = await buildDepartment(ds, corpId, { name: '销售中心', parentId: root.deptId, sortOrder: 1 });
  const smb1 = await buildDepartment(ds, corpId, { name: '中小客户一部', parentId: sales.deptId, sortOrder: 1 });
  const team1 = await buildDepartment(ds, corpId, { name: '一组', parentId: smb1.deptId });
  const smb2 = await buildDepartment(ds, corpId, { name: '中小客户二部', parentId: sales.deptId, sortOrder: 2 });
  const team2 = await buildDepartment(ds, corpId, { name: '一组', parentId: smb2.deptId });
  const finance = await buildDepartment(ds, corpId, { name: '财务部', parentId: root.deptId, sortOrder: 2 });
  const tech = await buildDepartment(ds, corpId, { name: '技术部', parentId: root.deptId, sortOrder: 3 });
  const techTeam = await buildDepartment(ds, corpId, { name: '一组', parentId: tech.deptId });

  const boss = await buildUser(ds, corpId, { name: '王大伟', title: '销售总监', jobNumber: 'S001', hiredOn: '2020-03-01', deptIds: [sales.deptId] });
  const lead = await buildUser(ds, corpId, {
    name: '李四',
    title: '组长',
    jobNumber: 'S010',
    hiredOn: '2022-07-01',
    deptIds: [smb1.deptId],
    supervisorUserid: boss.userid,
  });
  const zhangsan = await buildUser(ds, corpId, {
    name: '张三',
    title: '销售代表',
    jobNumber: 'S011',
    hiredOn: '2024-05-06',
    deptIds: [team1.deptId],
    supervisorUserid: lead.userid,
  });
  const zhangshan = await buildUser(ds, corpId, {
    name: '张珊',
    title: '大客户经理',
    jobNumber: 'S020',
    hiredOn: '2025-01-10',
    deptIds: [team2.deptId],
    supervisorUserid: boss.userid,
  });
  const leaver = await buildUser(ds, corpId, {
    name: '赵六',
    title: '销售代表',
    jobNumber: 'S012',
    hiredOn: '2023-02-01',
    deptIds: [team1.deptId],
    supervisorUserid: lead.userid,
    status: 'left',
    leftOn: '2026-06-30',
  });
  const dual = await buildUser(ds, corpId, { name: '孙八', title: '会计', jobNumber: 'F002', deptIds: [finance.deptId, team1.deptId] });
  const cfo = await buildUser(ds, corpId, { name: '钱七', title: '财务总监', jobNumber: 'F001', hiredOn: '2019-01-01', deptIds: [finance.deptId] });
  const techie = await buildUser(ds, corpId, { name: '郑一', title: '工程师', jobNumber: 'T001', deptIds: [techTeam.deptId] });
  const hr = await buildUser(ds, corpId, { name: '周九', title: 'HRBP', jobNumber: 'H001', deptIds: [root.deptId] });
  const admin = await buildUser(ds, corpId, { name: '吴十', title: '总经理', jobNumber: 'A001', deptIds: [root.deptId], isAdmin: true });
  await grantHrScope(ds, corpId, hr.userid, [sales.deptId]);
  return {
    corpId,
    depts: { root, sales, smb1, team1, smb2, team2, finance, tech, techTeam },
    people: { boss, lead, zhangsan, zhangshan, leaver, dual, cfo, techie, hr, admin },
  };
}
export type PeopleWorld = Awaited<ReturnType<typeof buildPeopleWorld>>;
