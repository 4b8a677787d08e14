/**
 * First sender: a data or org sync that failed, or stopped because the month's metered calls ran out, tells the
 * people who can act on it — the admins and the HR users — in their daily digest. Called by the sync run tracker in
 * the transaction that records the run's outcome.
 */
import { zh } from '@liucai/shared';
import type { EntityManager } from 'typeorm';
import { HrScope, User, type SyncRun } from '../../../entities';
import { recordNotification } from './notificationRecorder';

const KIND_NAMES: Record<string, string> = { org: '组织架构', attendance: '考勤', leave: '请假', departures: '离职', crm: 'CRM' };

/** True when a run's note says it stopped for the metered-call budget. */
export function isBudgetStopNote(note: string | null | undefined): boolean {
  return !!note && /(预算|额度|计量调用)/.test(note) && /(不足|用完|剩余|待下月|恢复后)/.test(note);
}

/** HR users and admins of the corp who are still employed. */
async function peopleWhoCanAct(em: EntityManager, corpId: string): Promise<string[]> {
  const admins = await em.getRepository(User).find({ select: { userid: true }, where: { corpId, isAdmin: true, status: 'active' } });
  const hr = await em
    .getRepository(HrScope)
    .createQueryBuilder('h')
    .select('DISTINCT h.userid', 'userid')
    .where('h.corp_id = :corpId', { corpId })
    .getRawMany<{ userid: string }>();
  const hrActive = hr.length
    ? await em
        .getRepository(User)
        .createQueryBuilder('u')
        .select('u.userid', 'userid')
        .where('u.corp_id = :corpId AND u.status = :active AND u.userid IN (:...ids)', { corpId, active: 'active', ids: hr.map((h) => h.userid) })
        .getRawMany<{ userid: string }>()
    : [];
  return [...new Set([...admins.map((a) => a.userid), ...hrActive.map((h) => h.userid)])];
}

/** Record the digest notification for a finished run, if it failed or was stopped by the budget. */
export async function notifySyncProblem(
  em: EntityManager,
  run: Pick<SyncRun, 'id' | 'corpId' | 'kind'>,
  outcome: { failed: boolean; error?: string | null; note?: string | null },
  now: Date,
): Promise<number> {
  const kindName = KIND_NAMES[run.kind] ?? run.kind;
  // A space between Latin letters and Chinese (“CRM 同步失败”).
  const name = /[A-Za-z0-9]$/.test(kindName) ? `${kindName} ` : kindName;
  const budget = !outcome.failed && isBudgetStopNote(outcome.note);
  if (!outcome.failed && !budget) return 0;
  const recipients = await peopleWhoCanAct(em, run.corpId);
  if (recipients.length === 0) return 0;
  return recordNotification(
    em,
    {
      corpId: run.corpId,
      recipients,
      kind: outcome.failed ? 'sync.failed' : 'sync.budgetStopped',
      dedupeKey: `sync:${run.id}`,
      urgency: 'digest',
      title: outcome.failed ? zh`${name}同步失败` : zh`${name}同步因本月钉钉调用额度不足暂停`,
      body: (outcome.failed ? `原因：${outcome.error ?? '未知错误'}。可在“数据”页重新同步。` : `${outcome.note ?? ''}`).slice(0, 1000),
      page: run.kind === 'org' ? '/org' : '/data',
    },
    now,
  );
}
