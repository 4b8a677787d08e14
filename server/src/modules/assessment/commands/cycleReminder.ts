/**
 * HR reminds the late ones: every rater (employee or supervisor) of a sheet in HR's scope not yet submitted, as a work
 * notification, at most once a day per cycle (the dedupe key names the day). Audited in the same transaction.
 */
import type { DataSource } from 'typeorm';
import { zh } from '@liucai/shared';
import type { Actor } from '../../../appTypes';
import { AssessmentCycle } from '../../../entities';
import { conflict } from '../../../errors';
import { shanghaiDate } from '../../../util/dates';
import { recordAudit } from '../../audit/commands/auditRecorder';
import { recordNotification } from '../../notify/commands/notificationRecorder';
import type { VisibleCycle } from '../policies/cycleAccess';
import { ASSESSMENT_PAGE } from './cycleLauncher';

export async function remindLate(ds: DataSource, actor: Actor, { cycle, sheets }: VisibleCycle, now = new Date()): Promise<{ reminded: number; late: number }> {
  const today = shanghaiDate(now);
  if (today > cycle.dueOn) throw conflict('cycle_closed', zh`测评“${cycle.title}”已于 ${cycle.dueOn} 截止，不能再催办`);
  const late = sheets.filter((s) => !s.submittedAt);
  const raters = [...new Set(late.map((s) => s.raterUserid))];
  if (raters.length === 0) return { reminded: 0, late: 0 };
  const reminded = await ds.transaction(async (em) => {
    const added = await recordNotification(
      em,
      {
        corpId: actor.corpId,
        recipients: raters,
        kind: 'assessment.reminder',
        dedupeKey: `assessment:${cycle.id}:remind:${today}`,
        urgency: 'now',
        title: zh`测评“${cycle.title}”还没有完成`,
        body: zh`请在 ${cycle.dueOn} 前完成并提交，逾期将不能再作答。已保存的进度可以继续。`,
        page: ASSESSMENT_PAGE,
      },
      now,
    );
    // tenancy: the corp's cycle.
    await em.getRepository(AssessmentCycle).update({ corpId: actor.corpId, id: cycle.id }, { remindedAt: now });
    await recordAudit(em, actor, {
      action: 'assessment.cycle.remind',
      targetKind: 'assessment_cycle',
      targetId: cycle.id,
      detail: { late: late.length, raters: raters.length, notified: added },
    });
    return added;
  });
  return { reminded, late: late.length };
}
