import type { DataSource } from 'typeorm';
import { OUTCOME_TARGETS, formatOutcomeRatio, outcomeTable, zh } from '@liucai/shared';
import { HrScope, User } from '../../../entities';
import { recordNotification } from '../../notify/commands/notificationRecorder';
import { outcomesScopeOf } from '../policies/outcomesScope';
import { outcomeFactsInScope, storedMonths } from '../queries/outcomeFacts';

/**
 * The monthly summary of the 转型看板 to each active HR user, the numbers of `month` within their own departments
 * (the same scope and rows as the page). One per HR user and month (the key names the month): the nightly run can
 * call this every night and each HR user is told once.
 */
export async function sendMonthlySummaries(ds: DataSource, corpId: string, month: string, now: Date): Promise<number> {
  const stored = await storedMonths(ds, corpId);
  if (!stored.months.includes(month)) return 0;
  // tenancy: HR scopes and users of this corp only.
  const grants = await ds.getRepository(HrScope).find({ where: { corpId }, select: { userid: true, deptId: true } });
  const deptsOf = new Map<string, number[]>();
  for (const g of grants) deptsOf.set(g.userid, [...(deptsOf.get(g.userid) ?? []), Number(g.deptId)]);
  let added = 0;
  for (const [userid, hrDeptIds] of deptsOf) {
    const active = await ds.getRepository(User).existsBy({ corpId, userid, status: 'active' });
    if (!active) continue;
    const os = await outcomesScopeOf(ds, { corpId, userid, roles: ['hr'], hrDeptIds });
    const facts = await outcomeFactsInScope(ds, os.scope, stored.months);
    if (!facts.some((f) => f.month === month)) continue; // nobody in their departments that month
    const c = outcomeTable(facts, [month], 'all', os.riskVisible).cells.all![month]!;
    const pct = (x: number) => `${Math.round(x * 100)}%`;
    const body = [
      zh`${month} 你负责的部门：月初 ${c.headcount} 人，离职 ${c.turnover.num} 人（月离职率 ${formatOutcomeRatio(c.turnover)}）。`,
      zh`年化离职率 ${formatOutcomeRatio(c.annualTurnover)}（目标 ${pct(OUTCOME_TARGETS.annualTurnover.target)}），大客户收入占比 ${formatOutcomeRatio(c.bigShare)}（目标 ${pct(OUTCOME_TARGETS.bigShare.target)}）。`,
      zh`新人 3 个月达标率 ${formatOutcomeRatio(c.newHireTargets)}，培训完成率 ${formatOutcomeRatio(c.training)}，高风险 ${c.risk.高} 人。`,
    ].join('');
    await ds.transaction(async (em) => {
      added += await recordNotification(
        em,
        {
          corpId,
          recipients: [userid],
          kind: 'outcomes.monthlySummary',
          dedupeKey: `outcomes.summary:${month}`,
          urgency: 'now',
          title: zh`${month} 转型看板月报`,
          body,
          page: '/outcomes',
          pageQuery: { month },
        },
        now,
      );
    });
  }
  return added;
}
