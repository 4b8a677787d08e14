/** Audit events as they leave the server (the log page and its CSV export). */
import type { UserRef } from '@liucai/shared';
import type { NamedAuditEvent } from '../queries/auditSearch';
import { auditActionLabel } from '../auditActions';
import { csvLine, CSV_BOM } from '../../imports/csvWriter';
import { shanghaiDate } from '../../../util/dates';

export interface AuditEventView {
  id: string;
  at: string;
  actor: UserRef | { userid: string; name: null; title: null };
  sessionRef: string | null;
  action: string;
  actionLabel: string;
  targetKind: string;
  targetId: string;
  subject: UserRef | { userid: string; name: null; title: null } | null;
  detail: unknown;
}

const ref = (card: UserRef | null, userid: string) => card ?? { userid, name: null, title: null };

/** The events with the names of actors and subjects (read with them). */
export function presentAuditEvents(rows: readonly NamedAuditEvent[]): AuditEventView[] {
  return rows.map(({ event: r, actor, subject }) => ({
    id: String(r.id),
    at: new Date(r.occurredAt).toISOString(),
    actor: ref(actor, r.actorUserid),
    sessionRef: r.sessionRef,
    action: r.action,
    actionLabel: auditActionLabel(r.action),
    targetKind: r.targetKind,
    targetId: r.targetId,
    subject: r.subjectUserid ? ref(subject, r.subjectUserid) : null,
    detail: r.detail ? (JSON.parse(r.detail) as unknown) : null,
  }));
}

/** The export's columns, in order. */
export const AUDIT_CSV_COLUMNS = [
  '时间（北京时间）',
  '操作人',
  '操作人账号',
  '会话',
  '操作',
  '操作代码',
  '对象类型',
  '对象编号',
  '涉及员工',
  '涉及员工账号',
  '详情',
];

/** `2026-12-05 18:01:13.123` in Asia/Shanghai. */
const beijing = (at: Date) => `${shanghaiDate(at)} ${new Date(at.getTime() + 8 * 3600 * 1000).toISOString().slice(11, 23)}`;

/** The CSV export, with a BOM so Excel reads the Chinese. */
export async function* auditCsv(batches: AsyncIterable<NamedAuditEvent[]>): AsyncGenerator<string> {
  yield CSV_BOM + csvLine(AUDIT_CSV_COLUMNS);
  for await (const rows of batches) {
    const views = presentAuditEvents(rows);
    let chunk = '';
    for (const v of views) {
      chunk += csvLine([
        beijing(new Date(v.at)),
        v.actor.name ?? '',
        v.actor.userid,
        v.sessionRef ?? '',
        v.actionLabel,
        v.action,
        v.targetKind,
        v.targetId,
        v.subject?.name ?? '',
        v.subject?.userid ?? '',
        v.detail === null ? '' : JSON.stringify(v.detail),
      ]);
    }
    yield chunk;
  }
}
