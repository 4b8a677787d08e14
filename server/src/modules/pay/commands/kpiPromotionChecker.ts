/**
 * Promotion eligibility after a month is scored: everyone scored whose consecutive months meeting KPI reach the
 * required number (KPI_PROMOTION_MONTHS, default 3) gets one kpi_promotions row per streak with the evidence, and
 * their supervisor and the HR users of their departments are told once (the row and the notification's dedupe key
 * are per person and streak, so later runs and longer streaks tell nobody again).
 */
import { In, type DataSource } from 'typeorm';
import { addMonths, promotionStreak, zh, type MonthlyKpi } from '@liucai/shared';
import { KpiPromotion, KpiScore, User } from '../../../entities';
import { recordNotification } from '../../notify/commands/notificationRecorder';
import { hrUsersSeeing } from '../../notify/queries/hrRecipients';

const hundredths = (h: number) => (h / 100).toFixed(2);

/** Check `userids` after `period` was scored; returns how many became eligible now. */
export async function checkPromotions(
  ds: DataSource,
  corpId: string,
  period: string,
  userids: readonly string[],
  required: number,
  now: Date,
): Promise<number> {
  const from = addMonths(period, -23);
  const history = new Map<string, MonthlyKpi[]>();
  for (let i = 0; i < userids.length; i += 1000) {
    // tenancy: the corp's scores.
    const rows = await ds
      .getRepository(KpiScore)
      .createQueryBuilder('k')
      .select(['k.userid', 'k.period', 'k.totalH', 'k.passScoreH'])
      .where('k.corp_id = :corpId AND k.userid IN (:...ids) AND k.period >= :from AND k.period <= :period', {
        corpId,
        ids: userids.slice(i, i + 1000),
        from,
        period,
      })
      .getMany();
    for (const r of rows) {
      const list = history.get(r.userid) ?? [];
      list.push({ period: r.period, total: hundredths(r.totalH), passScore: hundredths(r.passScoreH) });
      history.set(r.userid, list);
    }
  }
  const eligible: { userid: string; streakFrom: string; streak: ReturnType<typeof promotionStreak> }[] = [];
  for (const [userid, months] of history) {
    if (!months.some((m) => m.period === period)) continue;
    const streak = promotionStreak(months, required);
    if (streak.eligible) eligible.push({ userid, streakFrom: addMonths(period, -(streak.streak - 1)), streak });
  }
  if (eligible.length === 0) return 0;

  return ds.transaction(async (em) => {
    // tenancy: the corp's promotion rows and people.
    const known = await em
      .getRepository(KpiPromotion)
      .find({ where: { corpId, userid: In(eligible.map((e) => e.userid)) }, select: { userid: true, streakFrom: true } });
    const seen = new Set(known.map((k) => `${k.userid}:${k.streakFrom}`));
    const fresh = eligible.filter((e) => !seen.has(`${e.userid}:${e.streakFrom}`));
    if (fresh.length === 0) return 0;
    const people = new Map(
      (
        await em
          .getRepository(User)
          .find({ where: { corpId, userid: In(fresh.map((e) => e.userid)) }, select: { userid: true, name: true, supervisorUserid: true } })
      ).map((u) => [u.userid, u]),
    );
    const hrSees = await hrUsersSeeing(
      em,
      ds,
      corpId,
      fresh.map((e) => e.userid),
    );
    for (let i = 0; i < fresh.length; i += 500)
      await em.getRepository(KpiPromotion).insert(
        fresh.slice(i, i + 500).map((e) => ({
          corpId,
          userid: e.userid,
          streakFrom: e.streakFrom,
          period,
          evidence: JSON.stringify(e.streak.evidence),
          createdAt: now,
          decision: null,
          decisionNote: null,
          decidedBy: null,
          decidedAt: null,
        })),
      );
    for (const e of fresh) {
      const person = people.get(e.userid);
      const recipients = new Set<string>();
      if (person?.supervisorUserid) recipients.add(person.supervisorUserid);
      for (const [hr, sees] of hrSees) if (sees.has(e.userid)) recipients.add(hr);
      recipients.delete(e.userid);
      if (recipients.size === 0) continue;
      await recordNotification(
        em,
        {
          corpId,
          recipients: [...recipients],
          kind: 'kpi.promotionEligible',
          dedupeKey: `kpi-promotion:${e.userid}:${e.streakFrom}`,
          urgency: 'digest',
          title: zh`${person?.name ?? e.userid} 连续 ${required} 个月 KPI 达标，具备晋升资格`,
          body: zh`${person?.name ?? e.userid}：${e.streak.explanation}。可晋升为大客户主管，请在“团队绩效”中查看依据并记录决定。`,
          page: '/team-kpi',
          pageQuery: { userid: e.userid },
        },
        now,
      );
    }
    return fresh.length;
  });
}
