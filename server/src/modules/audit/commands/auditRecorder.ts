/**
 * Record audit events inside the caller's transaction: the event is written if and only if the audited write
 * commits (a read records its own one-row insert). Any domain calls `recordAudit(em, actor, event)`; the log is
 * append-only: this module only inserts, and only the retention purge (auditPurger.ts) deletes.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { AuditEvent } from '../../../entities';
import { SYSTEM_ACTOR } from '../auditActions';

/** Who did it: a request's actor (userid, corp, session) or a job (`system`). */
export interface AuditActor {
  corpId: string;
  userid: string;
  sessionRef?: string | undefined;
}

export interface AuditEventInput {
  /** `domain.noun.verb`, e.g. `pay.run.lock` (see auditActions.ts). */
  action: string;
  /** What was acted on: `payout_run`, `payout_statement`, `incentive_plan` … */
  targetKind: string;
  targetId: string | number;
  /** Whose data it was, when it is a person's (a read of someone else's pay). */
  subjectUserid?: string | null;
  /** A few facts worth keeping (ids, states, amounts); serialised as JSON. Never whole records. */
  detail?: Record<string, unknown> | null;
  /** Defaults to now. */
  at?: Date;
}

const ACTION = /^[a-z][A-Za-z]*(\.[a-z][A-Za-z]*){1,3}$/;

function row(actor: AuditActor, e: AuditEventInput): AuditEvent {
  if (!ACTION.test(e.action)) throw new Error(`audit: action "${e.action}" is not domain.noun.verb`);
  return Object.assign(new AuditEvent(), {
    corpId: actor.corpId,
    actorUserid: actor.userid || SYSTEM_ACTOR,
    sessionRef: actor.sessionRef ?? null,
    occurredAt: e.at ?? new Date(),
    action: e.action,
    targetKind: e.targetKind,
    targetId: String(e.targetId).slice(0, 64),
    subjectUserid: e.subjectUserid ?? null,
    detail: e.detail ? JSON.stringify(e.detail) : null,
  });
}

/** Record one event in the caller's transaction (`em` of `ds.transaction`). */
export async function recordAudit(em: EntityManager, actor: AuditActor, event: AuditEventInput): Promise<void> {
  await em.getRepository(AuditEvent).insert(row(actor, event));
}

/**
 * Record a read (someone's pay, risk or KPI shown, a list exported): one insert on its own, atomic as any single
 * statement, since a read has no write of its own to commit with it; one round trip instead of a transaction's three.
 */
export function recordReadAudit(ds: DataSource, actor: AuditActor, event: AuditEventInput): Promise<void> {
  return recordAudit(ds.manager, actor, event);
}

/** Record several events at once (one insert per 500). */
export async function recordAudits(em: EntityManager, actor: AuditActor, events: AuditEventInput[]): Promise<void> {
  for (let i = 0; i < events.length; i += 500) {
    const batch = events.slice(i, i + 500).map((e) => row(actor, e));
    if (batch.length) await em.getRepository(AuditEvent).insert(batch);
  }
}
