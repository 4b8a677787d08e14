/**
 * The pages everyone opens on their own (消息中心, 脉搏调查's list): each answers in one statement after the session's,
 * on both databases, with the same rows and counts as the rules say.
 */
import type { DataSource } from 'typeorm';
import { shanghaiDate } from '../server/src/util/dates';
import { Notification, PulseInvitation, PulseRound, PulseSurvey } from '../server/src/entities';
import { myNotifications, myUnreadCount } from '../server/src/modules/notify/queries/notificationLists';
import { myRounds } from '../server/src/modules/pulse/queries/pulseResults';
import { actorFor, buildCorp, buildDepartment, buildUser, onBothDatabases } from './support/factories';

jest.setTimeout(120000);

/** The statements `fn` sends, counted where TypeORM logs each one (query builders and `ds.query` alike). */
async function statementsOf<T>(ds: DataSource, fn: () => Promise<T>): Promise<{ value: T; statements: number }> {
  const spy = jest.spyOn(ds.logger, 'logQuery');
  try {
    const value = await fn();
    return { value, statements: spy.mock.calls.length };
  } finally {
    spy.mockRestore();
  }
}

describe('a person’s own pages', () => {
  it('消息中心: a page newest first and the unread count of all their messages in one statement; an empty page still counts', async () => {
    await onBothDatabases('my-messages', async (ds) => {
      const corp = await buildCorp(ds, 'mm');
      const dept = await buildDepartment(ds, corp);
      const me = await buildUser(ds, corp, { mainDeptId: dept.deptId });
      const other = await buildUser(ds, corp, { mainDeptId: dept.deptId });
      const statuses: Notification['status'][] = ['sent', 'pending', 'failed', 'recalled', 'unconfirmed', 'deferred', 'sending'];
      const rows = Array.from({ length: 33 }, (_, i) =>
        Object.assign(new Notification(), {
          corpId: corp,
          recipientUserid: i % 11 === 10 ? other.userid : me.userid,
          kind: 'test.kind',
          dedupeKey: `mm-${i}`,
          urgency: 'now' as const,
          title: `消息 ${i}`,
          body: '正文',
          status: statuses[i % statuses.length]!,
          notBefore: new Date(),
          createdAt: new Date(),
          readAt: i % 3 === 0 ? new Date() : null,
        }),
      );
      const saved = await ds.getRepository(Notification).save(rows);
      const mine = saved.filter((n) => n.recipientUserid === me.userid).sort((a, b) => b.id - a.id);
      const unread = mine.filter((n) => n.readAt === null && n.status !== 'recalled').length;
      expect(mine).toHaveLength(30);
      expect(unread).toBeGreaterThan(5);
      expect(unread).toBeLessThan(mine.length);
      const actor = actorFor(me);

      const first = await statementsOf(ds, () => myNotifications(ds, actor, null, 20));
      expect(first.statements).toBe(1);
      expect(first.value.rows.map((n) => n.id)).toEqual(mine.slice(0, 20).map((n) => n.id));
      expect(first.value.rows[0]).toBeInstanceOf(Notification);
      expect(first.value.unread).toBe(unread);
      expect(await myUnreadCount(ds, actor)).toBe(unread);

      const second = await myNotifications(ds, actor, mine[19]!.id, 20);
      expect(second).toEqual({ rows: mine.slice(20).map((n) => expect.objectContaining({ id: n.id, title: n.title })), unread });
      // Past the last message: no row to carry the count, so it is asked on its own.
      const past = await statementsOf(ds, () => myNotifications(ds, actor, mine.at(-1)!.id, 20));
      expect(past).toEqual({ value: { rows: [], unread }, statements: 2 });
      // Reading one changes the count on the next page asked for.
      await ds.getRepository(Notification).update({ id: mine.find((n) => n.readAt === null && n.status === 'sent')!.id }, { readAt: new Date() });
      expect((await myNotifications(ds, actor, null, 20)).unread).toBe(unread - 1);
      const nobody = await buildUser(ds, corp, { mainDeptId: dept.deptId });
      expect(await myNotifications(ds, actorFor(nobody), null, 20)).toEqual({ rows: [], unread: 0 });
    });
  });

  it('脉搏调查: the latest 20 opened rounds they are invited to, open ones first, in one statement', async () => {
    await onBothDatabases('my-pulse', async (ds) => {
      const corp = await buildCorp(ds, 'mp');
      const dept = await buildDepartment(ds, corp);
      const me = await buildUser(ds, corp, { mainDeptId: dept.deptId });
      const other = await buildUser(ds, corp, { mainDeptId: dept.deptId });
      const now = new Date();
      const today = shanghaiDate(now);
      const day = (offset: number) => shanghaiDate(new Date(now.getTime() + offset * 86_400_000));
      const survey = await ds.getRepository(PulseSurvey).save(
        Object.assign(new PulseSurvey(), {
          corpId: corp,
          title: '团队氛围',
          deptId: dept.deptId,
          cadence: 'weekly',
          questions: '[]',
          active: true,
          createdBy: other.userid,
          createdAt: now,
        }),
      );
      const question = [{ id: 'q1', text: '本周工作顺利吗？', kind: 'scale' }];
      // 24 weekly rounds opened, oldest first (the newest still open), and one that opens next week.
      const rounds = await ds
        .getRepository(PulseRound)
        .save(
          [...Array.from({ length: 24 }, (_, i) => ({ opensOn: day(-7 * (23 - i)), dueOn: day(-7 * (23 - i) + 3) })), { opensOn: day(7), dueOn: day(10) }].map(
            (r) =>
              Object.assign(new PulseRound(), { corpId: corp, surveyId: survey.id, ...r, questions: JSON.stringify(question), invited: 2, createdAt: now }),
          ),
        );
      await ds.getRepository(PulseInvitation).save(
        rounds.flatMap((r, i) => [
          Object.assign(new PulseInvitation(), {
            corpId: corp,
            roundId: r.id,
            userid: me.userid,
            deptId: dept.deptId,
            answeredOn: i % 4 === 1 ? r.opensOn : null,
          }),
          ...(i < 3
            ? [Object.assign(new PulseInvitation(), { corpId: corp, roundId: r.id, userid: other.userid, deptId: dept.deptId, answeredOn: null })]
            : []),
        ]),
      );
      const { value, statements } = await statementsOf(ds, () => myRounds(ds, actorFor(me), now));
      expect(statements).toBe(1);
      // The round not yet open is not shown; of the 24 opened, the latest 20.
      const opened = rounds.filter((r) => r.opensOn <= today).sort((a, b) => b.id - a.id);
      expect(value.map((r) => r.roundId).sort((a, b) => a - b)).toEqual(
        opened
          .slice(0, 20)
          .map((r) => r.id)
          .sort((a, b) => a - b),
      );
      // Open first (the newest round, unanswered, due in 3 days), then the answered or closed ones newest first.
      expect(value[0]).toEqual({
        roundId: rounds[23]!.id,
        title: '团队氛围',
        opensOn: today,
        dueOn: day(3),
        questions: question,
        answered: false,
        closed: false,
      });
      expect(value.slice(1).every((r) => r.answered || r.closed)).toBe(true);
      expect(value.slice(1).map((r) => r.opensOn)).toEqual([...value.slice(1).map((r) => r.opensOn)].sort().reverse());
      expect(value.find((r) => r.roundId === rounds[21]!.id)).toMatchObject({ answered: true, closed: true });
      expect(value.find((r) => r.roundId === rounds[22]!.id)).toMatchObject({ answered: false, closed: true });
      // Someone invited to none.
      const nobody = await buildUser(ds, corp, { mainDeptId: dept.deptId });
      expect(await myRounds(ds, actorFor(nobody), now)).toEqual([]);
    });
  });
});
