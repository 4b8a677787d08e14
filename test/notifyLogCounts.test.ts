/**
 * 通知记录's page and status counts on MariaDB and SQLite, read the new way (counts over the recipients among the
 * scope's userids, read from the users' indexes; the page with LIMIT) against the single scope-filtered join they
 * were: the same rows and
 * the same numbers for HR (its departments, members beyond the main one, its reports), an admin (everyone, unknown
 * recipients too), with and without a status filter and a `before` cursor.
 */
import type { DataSource } from 'typeorm';
import { Notification, User } from '../server/src/entities';
import type { Actor } from '../server/src/appTypes';
import { recordNotification } from '../server/src/modules/notify/commands/notificationRecorder';
import { notificationLog } from '../server/src/modules/notify/queries/notificationLists';
import { peopleScopeOf, whereInPeopleScope } from '../server/src/modules/people/policies/peopleScope';
import { actorFor, buildCorp, buildDepartment, buildUser, grantHrScope, onBothDatabases } from './support/factories';

const STATUSES = ['pending', 'deferred', 'sending', 'sent', 'unconfirmed', 'failed', 'recalled'] as const;

/** The log as it was read: one left join of notifications and users, scope-filtered, counted and paged in SQL. */
async function previousLog(ds: DataSource, actor: Actor, f: { status?: string; before: number | null; limit: number }) {
  const scope = await peopleScopeOf(ds, actor);
  const base = () => {
    const qb = ds
      .getRepository(Notification)
      .createQueryBuilder('n')
      .leftJoin(User, 'u', 'u.corp_id = n.corp_id AND u.userid = n.recipient_userid')
      .where('n.corp_id = :corpId', { corpId: actor.corpId });
    return scope.all ? qb : whereInPeopleScope(qb, 'u', scope);
  };
  const q = base();
  if (f.status) q.andWhere('n.status = :status', { status: f.status });
  if (f.before !== null) q.andWhere('n.id < :before', { before: f.before });
  const rows = await q.orderBy('n.id', 'DESC').take(f.limit).getMany();
  const counts = await base().select('n.status', 'status').addSelect('COUNT(*)', 'n').groupBy('n.status').getRawMany<{ status: string; n: string }>();
  return { ids: rows.map((r) => r.id), counts: new Map(counts.map((c) => [c.status, Number(c.n)])) };
}

describe('通知记录 counts and page', () => {
  it('gives the numbers and rows the single join gave, within each scope', async () => {
    await onBothDatabases('notifylog', async (ds, kind) => {
      const corpId = await buildCorp(ds, 'nl');
      const sales = await buildDepartment(ds, corpId, { name: '销售中心' });
      const east = await buildDepartment(ds, corpId, { name: '华东一组', parentId: sales.deptId });
      const tech = await buildDepartment(ds, corpId, { name: '技术部' });
      const hr = await buildUser(ds, corpId, { name: '人事', deptIds: [sales.deptId] });
      const admin = await buildUser(ds, corpId, { name: '管理员', isAdmin: true, deptIds: [tech.deptId] });
      const people: User[] = [];
      for (let i = 0; i < 24; i++) {
        const dept = [sales.deptId, east.deptId, tech.deptId][i % 3]!;
        people.push(
          await buildUser(ds, corpId, {
            deptIds: i % 5 === 2 ? [dept, dept === tech.deptId ? east.deptId : tech.deptId] : [dept],
            supervisorUserid: i % 4 === 0 ? hr.userid : null,
            status: i % 7 === 6 ? 'left' : 'active',
          }),
        );
      }
      await grantHrScope(ds, corpId, hr.userid, [sales.deptId]);
      // Several notifications per person (and one to someone the corp does not know), in every status.
      for (let k = 0; k < 4; k++)
        await ds.transaction((em) =>
          recordNotification(em, {
            corpId,
            recipients: [...people.filter((_, i) => (i + k) % 3 !== 0).map((p) => p.userid), hr.userid, 'ghost'],
            kind: 'sync.failed',
            dedupeKey: `probe-${k}`,
            urgency: 'now',
            title: '同步失败',
            body: `第 ${k} 条`,
            page: '/data',
          }),
        );
      const all = await ds.getRepository(Notification).find({ where: { corpId }, order: { id: 'ASC' } });
      for (const [i, n] of all.entries()) await ds.getRepository(Notification).update({ id: n.id }, { status: STATUSES[(i * 5) % STATUSES.length]! });

      const actors = { hr: actorFor(hr, ['employee', 'hr'], [sales.deptId]), admin: actorFor(admin, ['employee', 'admin']) };
      for (const [who, actor] of Object.entries(actors)) {
        for (const status of [undefined, 'sent', 'failed']) {
          let before: number | null = null;
          for (let page = 0; page < 30; page++) {
            const got = await notificationLog(ds, actor, { status: status as never, before, limit: 7 });
            const want = await previousLog(ds, actor, { status, before, limit: 7 });
            const label = { kind, who, status, before };
            expect({ ...label, ids: got.rows.map((r) => r.id), counts: [...got.counts].sort() }).toEqual({
              ...label,
              ids: want.ids,
              counts: [...want.counts].sort(),
            });
            if (got.rows.length < 7) break;
            before = got.rows.at(-1)!.id;
          }
        }
        const counts = (await notificationLog(ds, actor, { before: null, limit: 7 })).counts;
        const sum = [...counts.values()].reduce((a, b) => a + b, 0);
        // The admin counts everything, the unknown recipient too; HR fewer.
        if (who === 'admin') expect(sum).toBe(all.length);
        else expect(sum).toBeLessThan(all.length - 4);
      }
    });
  });
});
