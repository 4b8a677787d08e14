/**
 * 留才雷达's list read in SQL by band (HR) or people first (the scope's people, then their risks by key) on MariaDB
 * and SQLite: for HR, a
 * supervisor and someone both, every band filter and every page walked in turn, the rows, totals and counts equal
 * the single scope-filtered join the list was before; HR sees its departments only, a supervisor their reports
 * only, nobody their own risk, nobody who left; the scope asked about one person (a person's page) answers as the
 * whole scope does. In SQL, a band's page walked in name order on the directory index equals the one read as sets.
 */
import type { DataSource } from 'typeorm';
import { Department, RetentionRisk, User } from '../server/src/entities';
import { learnHrMembers, riskScopeOf, seenAsHr, whereInRiskScope, type RiskScope } from '../server/src/modules/retention/policies/riskScope';
import { personInRiskScope, riskPage } from '../server/src/modules/retention/queries/riskViews';
import { actorFor, buildCorp, buildDepartment, buildUser, grantHrScope, onBothDatabases, retentionRiskRow } from './support/factories';

const WEEK = '2026-11-23';
const BANDS = ['高', '中', '低', 'none'] as const;

/** The list as it was: one join of the week's risks and the scope's active people, counted and paged in SQL. */
async function previousPage(ds: DataSource, rs: RiskScope, opts: { band?: (typeof BANDS)[number]; page: number; pageSize: number }) {
  const base = () =>
    whereInRiskScope(
      ds
        .getRepository(RetentionRisk)
        .createQueryBuilder('r')
        .innerJoin(User, 'u', 'u.corp_id = r.corp_id AND u.userid = r.userid')
        .where('r.corp_id = :corpId AND r.week_start = :weekStart', { corpId: rs.scope.corpId, weekStart: WEEK })
        .andWhere("u.status = 'active'"),
      'u',
      rs,
    );
  const grouped = await base().select('r.band', 'band').addSelect('COUNT(*)', 'n').groupBy('r.band').getRawMany<{ band: string | null; n: string }>();
  const counts = { 高: 0, 中: 0, 低: 0, none: 0 };
  for (const g of grouped) counts[(g.band as '高' | '中' | '低' | null) ?? 'none'] += Number(g.n);
  const q = base()
    .leftJoin(Department, 'd', 'd.corp_id = u.corp_id AND d.dept_id = u.main_dept_id')
    .select(['r.userid AS userid', 'r.band AS band', 'u.name AS name', 'u.title AS title', 'd.name AS deptName']);
  if (opts.band === 'none') q.andWhere('r.band IS NULL');
  else if (opts.band) q.andWhere('r.band = :band', { band: opts.band });
  const rows = await q
    .orderBy(`CASE r.band WHEN '高' THEN 0 WHEN '中' THEN 1 WHEN '低' THEN 2 ELSE 3 END`, 'ASC')
    .addOrderBy('u.name_pinyin', 'ASC')
    .addOrderBy('u.name', 'ASC')
    .addOrderBy('u.userid', 'ASC')
    .offset((opts.page - 1) * opts.pageSize)
    .limit(opts.pageSize)
    .getRawMany<{ userid: string; band: string | null; name: string; title: string | null; deptName: string | null }>();
  return { rows, counts, total: opts.band ? counts[opts.band] : counts.高 + counts.中 + counts.低 + counts.none };
}

describe('留才雷达 list, people first', () => {
  it('pages, filters and counts as the single join did, within each scope', async () => {
    await onBothDatabases('riskpage', async (ds, kind) => {
      const corpId = await buildCorp(ds, 'rp');
      const sales = await buildDepartment(ds, corpId, { name: '销售中心' });
      const east = await buildDepartment(ds, corpId, { name: '华东一组', parentId: sales.deptId });
      const tech = await buildDepartment(ds, corpId, { name: '技术部' });
      const hr = await buildUser(ds, corpId, { name: '人事', title: 'HRBP', deptIds: [sales.deptId] });
      const boss = await buildUser(ds, corpId, { name: '老板', title: '主管', deptIds: [tech.deptId] });
      const names = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨磊', '赵敏', '黄勇', '周杰', '吴霞', '徐强', '孙丽', '马超', '朱琳', '胡军', '郭涛'];
      const people: User[] = [];
      for (let i = 0; i < 40; i++) {
        const dept = [sales.deptId, east.deptId, tech.deptId][i % 3]!;
        // Names repeat (same pinyin): the order falls back to userid.
        people.push(
          await buildUser(ds, corpId, {
            name: names[i % names.length]!,
            title: i % 4 === 0 ? null : '销售代表',
            deptIds: i % 7 === 0 ? [dept, dept === tech.deptId ? sales.deptId : tech.deptId] : [dept],
            supervisorUserid: i % 5 === 0 ? boss.userid : hr.userid,
            status: i % 11 === 10 ? 'left' : 'active',
          }),
        );
      }
      await grantHrScope(ds, corpId, hr.userid, [sales.deptId]);
      const risk = (userid: string, band: string | null, weekStart = WEEK) => retentionRiskRow(corpId, userid, band, weekStart);
      const bandOf = (i: number) => [null, '高', '中', '低', '低'][i % 5]!;
      await ds.getRepository(RetentionRisk).insert([
        risk(hr.userid, '高'),
        risk(boss.userid, '高'),
        // One in nine has no risk this week; everyone has last week's.
        ...people.flatMap((p, i) => (i % 9 === 8 ? [] : [risk(p.userid, bandOf(i))])),
        ...people.map((p) => risk(p.userid, '高', '2026-11-16')),
      ]);

      const actors = {
        hr: actorFor(hr, ['employee', 'hr', 'supervisor'], [sales.deptId]),
        boss: actorFor(boss, ['employee', 'supervisor']),
        hrOnly: actorFor(hr, ['employee', 'hr'], [sales.deptId]),
      };
      for (const [who, actor] of Object.entries(actors)) {
        const rs = await riskScopeOf(ds, actor);
        // A person's page asks the scope about that person alone: the same answer, the same view, for everyone.
        for (const p of [...people, hr, boss]) {
          const one = await riskScopeOf(ds, actor, p.userid);
          const full = await personInRiskScope(ds, rs, p.userid);
          // A list learns how its page's people are seen once the page is known (the route asks for its rows).
          await learnHrMembers(ds, rs, [p.userid]);
          const alone = await personInRiskScope(ds, one, p.userid);
          expect({ kind, who, p: p.userid, alone, asHr: alone && seenAsHr(one, alone) }).toEqual({
            kind,
            who,
            p: p.userid,
            alone: full,
            asHr: full && seenAsHr(rs, full),
          });
        }
        for (const band of [undefined, ...BANDS]) {
          const seen: string[] = [];
          for (let page = 1; page <= 8; page++) {
            const got = await riskPage(ds, rs, WEEK, { band, page, pageSize: 6 });
            // Every other read gives the same page: in SQL, people first by key, people first with the week's index.
            expect(await riskPage(ds, rs, WEEK, { band, page, pageSize: 6, via: 'sql' })).toEqual(got);
            // In SQL, each band's page by the name-ordered walk of the people and by the scope and band read as sets.
            expect(await riskPage(ds, rs, WEEK, { band, page, pageSize: 6, via: 'sql', walk: 'index' })).toEqual(got);
            expect(await riskPage(ds, rs, WEEK, { band, page, pageSize: 6, via: 'sql', walk: 'sets' })).toEqual(got);
            expect(await riskPage(ds, rs, WEEK, { band, page, pageSize: 6, via: 'people' })).toEqual(got);
            expect(await riskPage(ds, rs, WEEK, { band, page, pageSize: 6, via: 'people', keyedUpTo: 0 })).toEqual(got);
            const want = await previousPage(ds, rs, { band, page, pageSize: 6 });
            const label = { kind, who, band, page };
            expect({ ...label, total: got.total, counts: got.counts }).toEqual({ ...label, total: want.total, counts: want.counts });
            expect({
              ...label,
              rows: got.rows.map((r) => ({ userid: r.userid, band: r.risk.band, name: r.name, title: r.title, deptName: r.deptName })),
            }).toEqual({ ...label, rows: want.rows.map((r) => ({ ...r, title: r.title ?? null, deptName: r.deptName ?? null })) });
            expect(got.rows.every((r) => r.risk.weekStart === WEEK)).toBe(true);
            seen.push(...got.rows.map((r) => r.userid));
            if (got.rows.length < 6) break;
          }
          // Scope holds: never oneself, nobody who left; HR's departments, a supervisor's reports.
          const byId = new Map(people.map((p) => [p.userid, p]));
          expect(seen).not.toContain(actor.userid);
          for (const id of seen) {
            const p = byId.get(id)!;
            expect(p.status).toBe('active');
            const reports = p.supervisorUserid === actor.userid && actor.roles.includes('supervisor');
            const inDepts = actor.roles.includes('hr') && (p.mainDeptId === sales.deptId || p.mainDeptId === east.deptId);
            if (!reports && !inDepts) {
              // HR sees people of 技术部 who also belong to 销售中心 / 华东一组 (a membership beyond the main department).
              expect({ who, id, dept: p.mainDeptId, tech: tech.deptId, member: people.indexOf(p) % 7 === 0 }).toMatchObject({ member: true });
            }
          }
          if (band === undefined) expect(seen.length).toBeGreaterThan(who === 'boss' ? 3 : 15);
        }
      }
    });
  });
});
