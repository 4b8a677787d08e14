import { Readable } from 'node:stream';
import Router from '@koa/router';
import type { Context } from 'koa';
import { IMPORT_LIMITS, zh } from '@liucai/shared';
import { ImportRun } from '../../../entities';
import { notFound } from '../../../errors';
import { assertHrOrAdmin } from '../../access/policies/admin';
import { validate } from '../../../middleware/validate';
import { bySignedInUser, rateLimit } from '../../../middleware/rateLimit';
import { IMPORT_KIND_DEFS, findImportKind } from '../kinds';
import { detectUploadFormat } from '../uploadRows';
import { commitImport, dryRunImport, type ImportUpload } from '../importRunner';
import { enqueueImportFollowUps } from '../commands/importFollowUps';
import { importTooLarge } from '../importErrors';
import { presentImportRuns } from '../presentImportRun';
import { templateCsv, templateXlsx } from '../importTemplate';
import { exampleRow, loadImportReferences } from '../importReferences';
import { importRunsVisibleTo } from '../policies/importRunScope';
import { rejectionCsv } from '../rejectionCsv';
import type { AppDeps, AppState } from '../../../appTypes';
import { refreshDataQuality } from '../../sync/commands/dataQualityRefresher';
import { IMPORT_FIELD_LABELS, ImportModeSchema, ImportRunIdSchema, ImportRunsQuerySchema, TemplateFileSchema } from './schema';

function attachment(ctx: Context, asciiName: string, name: string): void {
  ctx.set('Content-Disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name.replace(/[\\/:*?"<>|]/g, '_'))}`);
}

function uploadFileName(ctx: Context, fallback: string): string {
  const raw = ctx.get('x-file-name');
  try {
    return decodeURIComponent(raw).trim() || fallback;
  } catch {
    return raw.trim() || fallback;
  }
}

/**
 * Excel/CSV import (HR and admins): kinds and templates, dry run and commit of an upload streamed from the
 * request body, and the runs with their progress and error files.
 */
export function importRoutes(deps: AppDeps): Router<AppState> {
  const r = new Router<AppState>({ prefix: '/api/v1/imports' });
  r.use(async (ctx, next) => {
    assertHrOrAdmin(ctx.state.actor!);
    await next();
  });

  r.get('/kinds', (ctx) => {
    ctx.body = { ok: true, data: Object.values(IMPORT_KIND_DEFS).map((d) => d.info) };
  });

  r.get('/templates/:file', async (ctx) => {
    const { file } = validate(TemplateFileSchema, ctx.params, IMPORT_FIELD_LABELS);
    const [kind = '', ext] = file.split('.');
    const def = findImportKind(kind);
    if (!def) throw notFound('导入类型');
    const actor = ctx.state.actor!;
    const example = exampleRow(def, await loadImportReferences(deps.ds, actor, def), actor.userid);
    // Built before any header is set: a failure answers the JSON error envelope, not a broken download.
    const body = ext === 'csv' ? templateCsv(def, example) : await templateXlsx(def, example);
    attachment(ctx, `${def.kind}-template.${ext}`, zh`${def.label}导入模板.${ext}`);
    ctx.type = ext === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    ctx.body = body;
  });

  r.get('/runs', async (ctx) => {
    const { kind } = validate(ImportRunsQuerySchema, ctx.query, IMPORT_FIELD_LABELS);
    // tenancy: importRunsVisibleTo names the actor's corp (and, for HR, the importer).
    const runs = await deps.ds
      .getRepository(ImportRun)
      .find({ where: { ...importRunsVisibleTo(ctx.state.actor!), ...(kind ? { kind } : {}) }, order: { id: 'DESC' }, take: 20 });
    ctx.body = { ok: true, data: await presentImportRuns(deps.ds, ctx.state.actor!.corpId, runs) };
  });

  const loadRun = async (ctx: Context & { state: AppState }) => {
    const { id } = validate(ImportRunIdSchema, ctx.params, IMPORT_FIELD_LABELS);
    // tenancy: importRunsVisibleTo names the actor's corp (and, for HR, the importer).
    const run = await deps.ds.getRepository(ImportRun).findOneBy({ id, ...importRunsVisibleTo(ctx.state.actor!) });
    if (!run) throw notFound('导入记录');
    return run;
  };

  r.get('/runs/:id', async (ctx) => {
    const [run] = await presentImportRuns(deps.ds, ctx.state.actor!.corpId, [await loadRun(ctx)]);
    ctx.body = { ok: true, data: run };
  });

  r.get('/runs/:id/errors.csv', async (ctx) => {
    const run = await loadRun(ctx);
    attachment(ctx, `import-${run.id}-errors.csv`, `${run.fileName.replace(/\.(csv|xlsx)$/i, '')}-错误行.csv`);
    ctx.type = 'text/csv; charset=utf-8';
    ctx.body = Readable.from(rejectionCsv(deps.ds, run));
  });

  // The body is the raw file, read here as a stream (the JSON body parser leaves these content types alone).
  // Each upload is parsed whole (dry run or commit): at most RATE_LIMIT_IMPORT_PER_MINUTE a minute per person.
  r.post('/:kind', rateLimit({ what: '导入', limit: deps.config.rateLimits.importPerMinute, key: bySignedInUser }), async (ctx) => {
    try {
      const def = findImportKind(ctx.params.kind ?? '');
      if (!def) throw notFound('导入类型');
      const { mode } = validate(ImportModeSchema, ctx.query, IMPORT_FIELD_LABELS);
      const fileName = uploadFileName(ctx, `${def.kind}`);
      const format = detectUploadFormat(ctx.get('content-type'), fileName);
      const declared = ctx.get('content-length') ? Number(ctx.get('content-length')) : null;
      if (declared !== null && declared > IMPORT_LIMITS.maxBytes) throw importTooLarge();
      const actor = ctx.state.actor!;
      const upload: ImportUpload = { ds: deps.ds, actor, def, fileName, format, body: ctx.req, bytesTotal: declared };
      if (mode === 'dry-run') {
        ctx.body = { ok: true, data: await dryRunImport(upload) };
        return;
      }
      const touched = new Set<string>();
      const run = await commitImport({ ...upload, touched });
      ctx.state.log.info({ audit: 'import_committed', by: actor.userid, kind: def.kind, runId: run.id, rows: run.rowsTotal }, 'audit');
      // The 数据 page counts what was imported (its snapshot is refreshed after each sync and import).
      await refreshDataQuality(deps.ds, actor.corpId, { followUpRecheckDays: deps.config.crm.followUpRecheckDays }).catch((err: unknown) =>
        ctx.state.log.warn({ err }, 'data quality refresh after an import failed'),
      );
      // Portraits, match scores and KPI (or the radar, for past departures) follow what the import changed.
      await enqueueImportFollowUps(deps.jobs, run, new Date(), [...touched]).catch((err: unknown) =>
        ctx.state.log.warn({ err, runId: run.id }, 'recompute after an import not enqueued'),
      );
      ctx.status = 201;
      ctx.body = { ok: true, data: (await presentImportRuns(deps.ds, actor.corpId, [run]))[0] };
    } finally {
      // A refused upload may still be arriving: discard the rest so the client reads our answer, not a reset.
      if (!ctx.req.readableEnded) ctx.req.resume();
    }
  });
  return r;
}
