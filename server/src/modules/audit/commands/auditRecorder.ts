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
 * Record a read (someone's pay, risk or KPI shown, a list exported): an insert on its own, since a read has no write of
 * its own to commit with it, awaited until the row is stored (the caller answers only then). Reads recorded while
 * the previous insert is on its way are stored together by the next one (a group commit: bench:api's 16 clients send
 * one insert for about three reads, each insert a round trip whose socket write alone costs the web thread ~0.2 ms on
 * MariaDB); if such an insert fails, its rows are tried one by one, so one bad row loses no other.
 */
export function recordReadAudit(ds: DataSource, actor: AuditActor, event: AuditEventInput): Promise<void> {
  let r: AuditEvent;
  try {
    r = row(actor, event);
  } catch (err) {
    return Promise.reject(err as Error);
  }
  const q = readQueueOf(ds);
  return new Promise<void>((resolve, reject) => {
    q.waiting.push({ row: r, resolve, reject });
    if (!q.flushing) void flushReads(ds, q);
  });
}

interface WaitingRead {
  row: AuditEvent;
  resolve(): void;
  reject(err: unknown): void;
}
interface ReadQueue {
  waiting: WaitingRead[];
  flushing: boolean;
  /** Inserts made and rows stored (what tests count). */
  inserts: number;
  rows: number;
}
const readQueues = new WeakMap<DataSource, ReadQueue>();
const readQueueOf = (ds: DataSource): ReadQueue => {
  let q = readQueues.get(ds);
  if (!q) {
    q = { waiting: [], flushing: false, inserts: 0, rows: 0 };
    readQueues.set(ds, q);
  }
  return q;
};

/** Read audits stored on `ds` by this process: how many inserts, how many rows. */
export function readAuditCounts(ds: DataSource): { inserts: number; rows: number } {
  const q = readQueueOf(ds);
  return { inserts: q.inserts, rows: q.rows };
}

/** Stores what waits, 500 rows an insert at most, until nothing does (what arrives meanwhile goes with the next). */
async function flushReads(ds: DataSource, q: ReadQueue): Promise<void> {
  q.flushing = true;
  try {
    while (q.waiting.length > 0) {
      const batch = q.waiting.splice(0, 500);
      try {
        await insertReads(
          ds,
          q,
          batch.map((w) => w.row),
        );
        for (const w of batch) w.resolve();
      } catch (err) {
        if (batch.length === 1) {
          batch[0]!.reject(err);
          continue;
        }
        // One bad row fails the whole insert: each on its own, so only that one is refused.
        for (const w of batch) {
          try {
            await insertReads(ds, q, [w.row]);
            w.resolve();
          } catch (one) {
            w.reject(one);
          }
        }
      }
    }
  } finally {
    q.flushing = false;
  }
}

async function insertReads(ds: DataSource, q: ReadQueue, rows: AuditEvent[]): Promise<void> {
  q.inserts++;
  await ds.createQueryBuilder().insert().into(AuditEvent).values(rows).updateEntity(false).execute();
  q.rows += rows.length;
}

/** Record several events at once (one insert per 500). */
export async function recordAudits(em: EntityManager, actor: AuditActor, events: AuditEventInput[]): Promise<void> {
  for (let i = 0; i < events.length; i += 500) {
    const batch = events.slice(i, i + 500).map((e) => row(actor, e));
    if (batch.length) await em.getRepository(AuditEvent).insert(batch);
  }
}
