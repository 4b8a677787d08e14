/**
 * Kept aggregates (`keptRead`): the topic versions bumped by triggers on every write to their tables, whatever wrote
 * them; a kept value answered while they are unchanged and read again after any write; and the pages that keep counts
 * in a scope (通知记录's) never showing a stale figure, on both databases.
 */
import type { DataSource } from 'typeorm';
import { Notification, User, UserDepartment } from '../server/src/entities';
import { KEPT_MAX, forgetSessionVersions, keptRead, versionStamp } from '../server/src/db/keptReads';
import { TOPICS } from '../migrations/mysql/1768040000000-DataVersions';
import { PULSE_AND_PAY_TOPICS } from '../migrations/mysql/1768050000000-PulseAndPayVersions';
import { QUESTIONNAIRE_TOPICS } from '../migrations/mysql/1768060000000-QuestionnaireVersions';
import { logCounts } from '../server/src/modules/notify/queries/notificationLists';
import { keptUserRow, peopleScopeOf, visiblePerson } from '../server/src/modules/people/policies/peopleScope';
import { keptUserRefs } from '../server/src/modules/pay/presenters/userRefs';
import { riskScopeOf, seenAsHr } from '../server/src/modules/retention/policies/riskScope';
import { personInRiskScope } from '../server/src/modules/retention/queries/riskViews';
import { listPeople } from '../server/src/modules/people/queries/peopleDirectory';
import { actorFor, buildCorp, buildDepartment, buildUser, onBothDatabases } from './support/factories';
import { createSession, findSession } from '../server/src/modules/access/auth/sessions';

jest.setTimeout(120000);

/** Every table whose writes change a topic, as the DataVersions migrations create their triggers. */
const TOPIC_TABLES = [...TOPICS, ...PULSE_AND_PAY_TOPICS, ...QUESTIONNAIRE_TOPICS].flatMap(([, tables]) => tables);

async function triggersOf(ds: DataSource, kind: 'mariadb' | 'sqlite'): Promise<Map<string, string[]>> {
  const rows = (await ds.query(
    kind === 'sqlite'
      ? "SELECT tbl_name AS t, name AS n FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%data_version%'"
      : "SELECT EVENT_OBJECT_TABLE AS t, TRIGGER_NAME AS n FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() AND TRIGGER_NAME LIKE '%data_version%'",
  )) as { t: string; n: string }[];
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.t, [...(out.get(r.t) ?? []), r.n].sort());
  return out;
}

const notification = (corpId: string, recipientUserid: string, status: Notification['status']) =>
  Object.assign(new Notification(), {
    corpId,
    recipientUserid,
    kind: 'test.kind',
    dedupeKey: `k-${Math.random()}`,
    urgency: 'now' as const,
    title: '标题',
    body: '正文',
    status,
    notBefore: new Date(),
    createdAt: new Date(),
  });

describe('kept aggregates', () => {
  it('bumps a topic on every insert, update and delete of its tables, per corp, in the writing transaction', async () => {
    await onBothDatabases('kept-versions', async (ds, kind) => {
      const triggers = await triggersOf(ds, kind);
      for (const t of TOPIC_TABLES) expect([t, triggers.get(t)]).toEqual([t, ['del', 'ins', 'upd'].map((e) => `trg_${t}_data_version_${e}`)]);

      const corp = await buildCorp(ds, 'kv');
      const other = await buildCorp(ds, 'kv2');
      const stamp = () => versionStamp(ds, corp, ['people', 'org', 'notify']);
      expect(await stamp()).toBe('notify:0,org:0,people:0');
      const dept = await buildDepartment(ds, corp);
      expect(await stamp()).toBe('notify:0,org:1,people:0');
      const u = await buildUser(ds, corp, { mainDeptId: dept.deptId });
      const afterInsert = await stamp();
      expect(afterInsert).toMatch(/^notify:0,org:1,people:[1-9]\d*$/);
      await ds.getRepository(User).update({ corpId: corp, userid: u.userid }, { name: '改名' });
      const afterUpdate = await stamp();
      expect(afterUpdate).not.toBe(afterInsert);
      await ds.getRepository(UserDepartment).insert({ corpId: corp, userid: u.userid, deptId: dept.deptId });
      const afterMembership = await stamp();
      expect(afterMembership).not.toBe(afterUpdate);
      // A rolled-back write leaves the version as it was.
      await ds
        .transaction(async (em) => {
          await em.getRepository(Notification).insert(notification(corp, u.userid, 'sent'));
          throw new Error('roll back');
        })
        .catch(() => undefined);
      expect(await stamp()).toBe(afterMembership);
      await ds.getRepository(Notification).insert(notification(corp, u.userid, 'sent'));
      expect(await stamp()).toMatch(/^notify:1,/);
      // Another corp's writes leave this corp's versions alone.
      await buildUser(ds, other);
      expect(await stamp()).toMatch(/^notify:1,/);
      expect(await stamp()).toBe(await stamp());
      await ds.getRepository(User).delete({ corpId: corp, userid: u.userid });
      expect(await stamp()).not.toBe(afterMembership);
    });
  });

  it('answers a kept value while its topics are unchanged, reads again after a write, shares concurrent reads and keeps no failure', async () => {
    await onBothDatabases('kept-read', async (ds) => {
      const corp = await buildCorp(ds, 'kr');
      let reads = 0;
      const read = async () => {
        reads += 1;
        return { n: reads };
      };
      const first = await keptRead(ds, corp, ['people'], ['k'], read);
      expect(await keptRead(ds, corp, ['people'], ['k'], read)).toBe(first);
      expect(reads).toBe(1);
      // Another key, or the same key in another corp, is its own value.
      await keptRead(ds, corp, ['people'], ['k2'], read);
      await keptRead(ds, `${corp}-other`, ['people'], ['k'], read);
      expect(reads).toBe(3);
      await buildUser(ds, corp);
      expect(await keptRead(ds, corp, ['people'], ['k'], read)).toEqual({ n: 4 });
      // A write to a topic the value does not depend on keeps it.
      await ds.getRepository(Notification).insert(notification(corp, 'nobody', 'sent'));
      expect(await keptRead(ds, corp, ['people'], ['k'], read)).toEqual({ n: 4 });
      // Concurrent uses of a key being read share the read.
      await buildUser(ds, corp);
      const both = await Promise.all([keptRead(ds, corp, ['people'], ['k'], read), keptRead(ds, corp, ['people'], ['k'], read)]);
      expect(both[0]).toBe(both[1]);
      expect(reads).toBe(5);
      // A failed read is not kept.
      let fail = true;
      const flaky = async () => {
        if (fail) throw new Error('database went away');
        return 'ok';
      };
      await expect(keptRead(ds, corp, ['people'], ['f'], flaky)).rejects.toThrow('database went away');
      fail = false;
      expect(await keptRead(ds, corp, ['people'], ['f'], flaky)).toBe('ok');
      // At most KEPT_MAX values: the least recently used goes first.
      const n = { reads: 0 };
      const count = async () => ++n.reads;
      for (let i = 0; i <= KEPT_MAX; i += 1) await keptRead(ds, corp, [], ['lru', i], count);
      expect(n.reads).toBe(KEPT_MAX + 1);
      await keptRead(ds, corp, [], ['lru', KEPT_MAX], count);
      expect(n.reads).toBe(KEPT_MAX + 1);
      await keptRead(ds, corp, [], ['lru', 0], count);
      expect(n.reads).toBe(KEPT_MAX + 2);
      // A pool of its own has its own limit and pushes nothing out of the default one.
      const small = { name: 'small', max: 2 };
      for (const i of [1, 2, 3]) await keptRead(ds, corp, [], ['pooled', i], count, small);
      expect(n.reads).toBe(KEPT_MAX + 5);
      await keptRead(ds, corp, [], ['pooled', 3], count, small);
      await keptRead(ds, corp, [], ['lru', KEPT_MAX], count);
      expect(n.reads).toBe(KEPT_MAX + 5);
      await keptRead(ds, corp, [], ['pooled', 1], count, small);
      expect(n.reads).toBe(KEPT_MAX + 6);
    });
  });

  it('checks a reading request’s kept values against the versions read with its session, a writing request’s against the database', async () => {
    await onBothDatabases('kept-session', async (ds) => {
      const corp = await buildCorp(ds, 'ks');
      const dept = await buildDepartment(ds, corp);
      const u = await buildUser(ds, corp, { mainDeptId: dept.deptId });
      const token = await createSession(ds, corp, u.userid, 8);
      const actorOf = async (readOnly: boolean) => {
        const found = await findSession(ds, token, { idleMinutes: 60, readOnly });
        if (found.status !== 'live' || !found.actor) throw new Error('expected a live session');
        return found.actor;
      };
      let reads = 0;
      const read = async () => ({ n: ++reads });
      const topics = ['org', 'people'] as const;
      const kept = await keptRead(ds, corp, topics, ['s'], read);
      // A GET's actor carries the versions: the same stamp as the database's, and no statement to check it.
      const reader = await actorOf(true);
      expect(reader.dataVersions).toEqual({ people: expect.stringMatching(/^[1-9]\d*$/) });
      const query = jest.spyOn(ds, 'query');
      expect(await keptRead(ds, reader, topics, ['s'], read)).toBe(kept);
      expect(query).not.toHaveBeenCalled();
      query.mockRestore();
      // A write after that session read: the request that began before it answers as of its start; the next one reads again.
      await buildUser(ds, corp, { name: '新人' });
      expect(await keptRead(ds, reader, topics, ['s'], read)).toBe(kept);
      expect(await keptRead(ds, await actorOf(true), topics, ['s'], read)).toEqual({ n: 2 });
      // A writing request's actor has the org version only: data topics are read from the database, after its writes.
      const writer = await actorOf(false);
      expect(writer.dataVersions).toBeUndefined();
      await buildUser(ds, corp, { name: '又一个' });
      const spied = jest.spyOn(ds, 'query');
      expect(await keptRead(ds, writer, topics, ['s'], read)).toEqual({ n: 3 });
      expect(spied).toHaveBeenCalledTimes(1);
      spied.mockClear();
      // …and org alone needs no statement.
      await keptRead(ds, writer, ['org'], ['o'], read);
      expect(spied).not.toHaveBeenCalled();
      // A read request that wrote (seeding built-in rules) forgets its session's versions: the database's from there on.
      const seeding = await actorOf(true);
      forgetSessionVersions(seeding);
      spied.mockClear();
      expect(await keptRead(ds, seeding, topics, ['s'], read)).toEqual({ n: 3 });
      expect(spied).toHaveBeenCalledTimes(1);
      spied.mockRestore();
    });
  });

  it('通知记录 counts in HR scope follow every new notification and every person moved out of the scope', async () => {
    await onBothDatabases('kept-log', async (ds) => {
      const corp = await buildCorp(ds, 'kl');
      const sales = await buildDepartment(ds, corp, { name: '销售中心' });
      const finance = await buildDepartment(ds, corp, { name: '财务部' });
      const hrUser = await buildUser(ds, corp, { mainDeptId: finance.deptId });
      const a = await buildUser(ds, corp, { mainDeptId: sales.deptId });
      const b = await buildUser(ds, corp, { mainDeptId: sales.deptId });
      const scope = await peopleScopeOf(ds, actorFor(hrUser, ['hr'], [sales.deptId]));
      const counts = async () => Object.fromEntries(await logCounts(ds, corp, scope));
      expect(await counts()).toEqual({});
      await ds.getRepository(Notification).insert([notification(corp, a.userid, 'sent'), notification(corp, b.userid, 'failed')]);
      expect(await counts()).toEqual({ sent: 1, failed: 1 });
      await ds.getRepository(Notification).insert(notification(corp, a.userid, 'sent'));
      expect(await counts()).toEqual({ sent: 2, failed: 1 });
      await ds.getRepository(Notification).update({ corpId: corp, recipientUserid: b.userid }, { status: 'sent' });
      expect(await counts()).toEqual({ sent: 3 });
      // b moves to 财务部: out of this HR's scope.
      await ds.getRepository(User).update({ corpId: corp, userid: b.userid }, { mainDeptId: finance.deptId });
      expect(await counts()).toEqual({ sent: 2 });
      // A new team under 销售中心 brings its people into the scope.
      const team = await buildDepartment(ds, corp, { name: '一组', parentId: sales.deptId });
      await ds.getRepository(User).update({ corpId: corp, userid: b.userid }, { mainDeptId: team.deptId });
      expect(await counts()).toEqual({ sent: 3 });
    });
  });

  it('员工档案’s person check is kept, and follows a person or a department moved out of the scope at once', async () => {
    await onBothDatabases('kept-person', async (ds) => {
      const corp = await buildCorp(ds, 'kc');
      const root = await buildDepartment(ds, corp, { name: '公司' });
      const sales = await buildDepartment(ds, corp, { name: '销售中心', parentId: root.deptId });
      const team = await buildDepartment(ds, corp, { name: '一组', parentId: sales.deptId });
      const tech = await buildDepartment(ds, corp, { name: '技术部', parentId: root.deptId });
      const hrUser = await buildUser(ds, corp, { mainDeptId: root.deptId });
      const rep = await buildUser(ds, corp, { mainDeptId: team.deptId });
      const hr = actorFor(hrUser, ['hr'], [sales.deptId]);
      const first = await visiblePerson(ds, hr, rep.userid);
      expect(first?.userid).toBe(rep.userid);
      // Kept: the same row, not read again.
      expect(await visiblePerson(ds, hr, rep.userid)).toBe(first);
      await ds.getRepository(User).update({ corpId: corp, userid: rep.userid }, { mainDeptId: tech.deptId });
      expect(await visiblePerson(ds, hr, rep.userid)).toBeNull();
      await ds.getRepository(User).update({ corpId: corp, userid: rep.userid }, { mainDeptId: team.deptId });
      expect((await visiblePerson(ds, hr, rep.userid))?.mainDeptId).toBe(team.deptId);
      // Their department moved under 技术部 (the org topic): out of HR's 销售中心, into an HR of 技术部's scope.
      await ds.query(`UPDATE departments SET parent_id = ${tech.deptId} WHERE corp_id = '${corp}' AND dept_id = ${team.deptId}`);
      expect(await visiblePerson(ds, hr, rep.userid)).toBeNull();
      expect((await visiblePerson(ds, actorFor(hrUser, ['hr'], [tech.deptId]), rep.userid))?.userid).toBe(rep.userid);
      // The radar's check (kept the same way) follows a membership beyond the main department: seen as HR through it.
      const radar = async () => {
        const rs = await riskScopeOf(ds, hr, rep.userid);
        const line = await personInRiskScope(ds, rs, rep.userid);
        return line ? (seenAsHr(rs, line) ? 'as HR' : 'as supervisor') : 'not seen';
      };
      expect(await radar()).toBe('not seen');
      expect(await radar()).toBe('not seen');
      await ds.getRepository(UserDepartment).insert({ corpId: corp, userid: rep.userid, deptId: sales.deptId });
      await ds.getRepository(User).update({ corpId: corp, userid: rep.userid }, { inOtherDepts: true });
      expect(await radar()).toBe('as HR');
      expect(await radar()).toBe('as HR');
      // Someone unknown is kept as not visible, and shows once they exist.
      expect(await visiblePerson(ds, hr, 'new-hire')).toBeNull();
      await buildUser(ds, corp, { userid: 'new-hire', mainDeptId: sales.deptId });
      expect((await visiblePerson(ds, hr, 'new-hire'))?.userid).toBe('new-hire');
    });
  });

  it('a viewer’s own row and a page’s name cards are kept, and follow a change of title, a rename, someone new at once', async () => {
    await onBothDatabases('kept-rows', async (ds) => {
      const corp = await buildCorp(ds, 'kr');
      const dept = await buildDepartment(ds, corp);
      const me = await buildUser(ds, corp, { mainDeptId: dept.deptId, title: '销售代表' });
      const author = await buildUser(ds, corp, { mainDeptId: dept.deptId, name: '作者' });
      const actor = actorFor(me);
      const row = await keptUserRow(ds, actor, me.userid);
      expect(row).toMatchObject({ userid: me.userid, title: '销售代表' });
      expect(await keptUserRow(ds, actor, me.userid)).toBe(row);
      // 激励 resolves the plan by title: a new title shows on the next visit.
      await ds.getRepository(User).update({ corpId: corp, userid: me.userid }, { title: '大客户经理' });
      expect((await keptUserRow(ds, actor, me.userid))?.title).toBe('大客户经理');
      // Someone unknown is kept as unknown until they exist; another corp's person is never found.
      expect(await keptUserRow(ds, actor, 'later')).toBeNull();
      await buildUser(ds, corp, { userid: 'later', mainDeptId: dept.deptId });
      expect((await keptUserRow(ds, actor, 'later'))?.userid).toBe('later');
      const elsewhere = await buildCorp(ds, 'kr2');
      const stranger = await buildUser(ds, elsewhere, {});
      expect(await keptUserRow(ds, actor, stranger.userid)).toBeNull();

      const refs = await keptUserRefs(ds, actor, [author.userid, null, author.userid, 'nobody']);
      expect([...refs.values()]).toEqual([{ userid: author.userid, name: '作者', title: author.title }]);
      expect(await keptUserRefs(ds, actor, [author.userid, 'nobody'])).toBe(refs);
      await ds.getRepository(User).update({ corpId: corp, userid: author.userid }, { name: '改名作者' });
      expect((await keptUserRefs(ds, actor, [author.userid, 'nobody'])).get(author.userid)?.name).toBe('改名作者');
      expect(await keptUserRefs(ds, actor, [null])).toEqual(new Map());
    });
  });

  it('人员 (a kept page) shows a person added, renamed, moved out of the scope or into a new department at once', async () => {
    await onBothDatabases('kept-people', async (ds) => {
      const corp = await buildCorp(ds, 'kp');
      const sales = await buildDepartment(ds, corp, { name: '销售中心' });
      const finance = await buildDepartment(ds, corp, { name: '财务部' });
      // HR (in 财务部) sees themself and 销售中心.
      const hr = actorFor(await buildUser(ds, corp, { mainDeptId: finance.deptId, name: '何平' }), ['hr'], [sales.deptId]);
      const a = await buildUser(ds, corp, { mainDeptId: sales.deptId, name: '安然' });
      const names = async () =>
        (await listPeople(ds, hr, { status: 'active', sort: 'name' }, { page: 1, pageSize: 20 })).items.map((p) => `${p.name}@${p.department?.name ?? ''}`);
      expect(await names()).toEqual(['安然@销售中心', '何平@财务部']);
      expect(await names()).toEqual(['安然@销售中心', '何平@财务部']);
      const b = await buildUser(ds, corp, { mainDeptId: sales.deptId, name: '白雪' });
      expect(await names()).toEqual(['安然@销售中心', '白雪@销售中心', '何平@财务部']);
      await ds.getRepository(User).update({ corpId: corp, userid: a.userid }, { name: '安宁' });
      expect(await names()).toEqual(['安宁@销售中心', '白雪@销售中心', '何平@财务部']);
      await ds.getRepository(User).update({ corpId: corp, userid: b.userid }, { mainDeptId: finance.deptId });
      expect(await names()).toEqual(['安宁@销售中心', '何平@财务部']);
      // A department renamed (the org topic) shows in the kept page too.
      await ds.query(`UPDATE departments SET name = '大客户部' WHERE corp_id = '${corp}' AND dept_id = ${sales.deptId}`);
      expect(await names()).toEqual(['安宁@大客户部', '何平@财务部']);
    });
  });
});
