/**
 * 审计日志 (admins only): GET /api/v1/audit-log (search and paging) and GET /api/v1/audit-log/export.csv (every
 * matching event; the export is itself audited).
 */
import Router from '@koa/router';
import { Readable } from 'node:stream';
import type { AppDeps, AppState } from '../../../appTypes';
import { validate } from '../../../middleware/validate';
import { assertAdmin } from '../../access/policies/admin';
import { allAudit, searchAudit } from '../queries/auditSearch';
import { auditCsv, presentAuditEvents } from '../presenters/auditPresenter';
import { recordReadAudit } from '../commands/auditRecorder';
import { shanghaiDate } from '../../../util/dates';
import { AUDIT_FIELD_LABELS, AuditFilterSchema, AuditPageSchema } from './schema';

const ADMIN_ONLY = '只有管理员可以查看和导出审计日志';

export function auditLogRoutes(deps: AppDeps): Router<AppState> {
  const r = new Router<AppState>();

  r.get('/api/v1/audit-log', async (ctx) => {
    const actor = ctx.state.actor!;
    assertAdmin(actor, ADMIN_ONLY);
    const filter = validate(AuditFilterSchema, ctx.query, AUDIT_FIELD_LABELS);
    const page = validate(AuditPageSchema, ctx.query, AUDIT_FIELD_LABELS);
    const { rows, total, capped } = await searchAudit(deps.ds, actor.corpId, filter, page);
    const events = presentAuditEvents(rows);
    // totalCapped: more than `total` match (the count stops at AUDIT_COUNT_CAP); paging goes on.
    ctx.body = { ok: true, data: { events, total, totalCapped: capped, page: page.page, pageSize: page.pageSize } };
  });

  r.get('/api/v1/audit-log/export.csv', async (ctx) => {
    const actor = ctx.state.actor!;
    assertAdmin(actor, ADMIN_ONLY);
    const filter = validate(AuditFilterSchema, ctx.query, AUDIT_FIELD_LABELS);
    await recordReadAudit(deps.ds, actor, { action: 'audit.log.export', targetKind: 'audit_log', targetId: actor.corpId, detail: { filter } });
    const name = `审计日志-${shanghaiDate(new Date())}.csv`;
    ctx.set('Content-Disposition', `attachment; filename="audit-log.csv"; filename*=UTF-8''${encodeURIComponent(name)}`);
    ctx.type = 'text/csv; charset=utf-8';
    ctx.body = Readable.from(auditCsv(allAudit(deps.ds, actor.corpId, filter)));
  });

  return r;
}
