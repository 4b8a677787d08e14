/**
 * How the permission matrix calls each route that needs more than its bare path: which person or record fills the
 * path's parameters, which body it sends, what must be put back between calls. A route whose path has no parameters
 * and that needs no body needs no entry. Add an entry here when you add a row to docs/permissions.md for such a route.
 * The pay routes' entries live in payPermissionFixtures.ts.
 */
import { In } from 'typeorm';
import { HrScope, ImportRun, Notification, NotificationSend, SyncRun } from '../../server/src/entities';
import { recordNotification } from '../../server/src/modules/notify/commands/notificationRecorder';
import { BullJobQueue, QUEUE_NAME } from '../../server/src/jobs/bullJobQueue';
import type { PermissionWorld } from './permissionWorld';
import type { ActorName } from './permissionTable';
import { PAY_FIXTURES } from './payPermissionFixtures';
import { RETENTION_FIXTURES } from './retentionPermissionFixtures';
import { OUTCOMES_FIXTURES } from './outcomesPermissionFixtures';
import { TALENT_FIXTURES } from './talentPermissionFixtures';
import { ASSESSMENT_FIXTURES } from './assessmentPermissionFixtures';
import { KPI_FIXTURES } from './kpiPermissionFixtures';
import { PULSE_FIXTURES } from './pulsePermissionFixtures';

export interface RouteCall {
  /** The path to call, parameters filled in (and a query string if needed). */
  path: string;
  /** A JSON body. */
  json?: unknown;
  /** A raw body with its content type (uploads). */
  raw?: { body: string; contentType: string; headers?: Record<string, string> };
  /** Extra request headers (an open-API token). */
  headers?: Record<string, string>;
}

export interface Fixture {
  /** How `actor` calls the route. */
  call(pw: PermissionWorld, actor: ActorName): Promise<RouteCall> | RouteCall;
  /** Put the world back before each call (e.g. no sync left running from the previous actor). */
  before?(pw: PermissionWorld): Promise<void>;
  /** The call ends the actor's session: sign them in again afterwards. */
  endsSession?: boolean;
}

/** A deals CSV about the target: one good row, one with a bad amount (so the run has an error file). */
const dealsCsv = (owner: string) =>
  `合同编号,客户名称,负责人,合同金额(元),签约日期\nMX-1,矩阵客户甲,${owner},"12,000",2026-11-02\nMX-2,矩阵客户乙,${owner},十二万,2026-11-03\n`;

/** One committed import by HR in scope, made once and shared by the run routes. */
async function importRunId(pw: PermissionWorld): Promise<number> {
  const existing = await pw.w.ds.getRepository(ImportRun).findOne({ where: { corpId: pw.w.corpId, fileName: 'matrix.csv' }, order: { id: 'DESC' } });
  if (existing) return existing.id;
  const res = await fetch(`${pw.url}/api/v1/imports/deals?mode=commit`, {
    method: 'POST',
    headers: { cookie: pw.cookies.hrInScope, 'content-type': 'text/csv', 'x-file-name': 'matrix.csv' },
    body: dealsCsv(pw.target),
  });
  if (res.status !== 201) throw new Error(`permission fixtures: committing the import failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { data: { id: number } }).data.id;
}

/** No sync left queued by the previous actor (the matrix world runs no worker), so "sync now" is never a 409. */
async function noSyncRunning(pw: PermissionWorld): Promise<void> {
  await pw.w.ds.getRepository(SyncRun).update({ corpId: pw.w.corpId, status: In(['queued', 'running']) }, { status: 'failed', error: 'permission matrix' });
}

/**
 * A message to the target, carried by a call already recalled: the message routes can then be exercised without
 * DingTalk (marking it read is the target's alone; recalling a recalled call answers at once for whoever may).
 */
async function targetNotification(pw: PermissionWorld): Promise<{ id: number; sendId: number }> {
  const notes = pw.w.ds.getRepository(Notification);
  const existing = await notes.findOneBy({ corpId: pw.w.corpId, recipientUserid: pw.target, dedupeKey: 'matrix-probe' });
  if (existing?.sendId) return { id: existing.id, sendId: existing.sendId };
  await pw.w.ds.transaction((em) =>
    recordNotification(em, {
      corpId: pw.w.corpId,
      recipients: [pw.target],
      kind: 'sync.failed',
      dedupeKey: 'matrix-probe',
      urgency: 'digest',
      title: '矩阵测试',
      body: '权限矩阵测试消息',
      page: '/messages',
    }),
  );
  const note = await notes.findOneByOrFail({ corpId: pw.w.corpId, recipientUserid: pw.target, dedupeKey: 'matrix-probe' });
  const now = new Date();
  const send = await pw.w.ds.getRepository(NotificationSend).save({
    corpId: pw.w.corpId,
    status: 'recalled' as const,
    attempt: 1,
    leaseUntil: now,
    msg: '{}',
    contentHash: 'matrix-probe',
    recipientCount: 1,
    sendDay: now.toISOString().slice(0, 10),
    taskId: 'matrix-task',
    error: null,
    readbackAt: null,
    readbackCount: 0,
    progress: null,
    createdAt: now,
    sentAt: now,
    recalledAt: now,
    recalledBy: 'matrix',
  });
  await notes.update({ id: note.id }, { sendId: send.id, status: 'recalled' });
  return { id: note.id, sendId: send.id };
}

const boardQueue = (pw: PermissionWorld) => (pw.w.jobs as BullJobQueue).queue;
const PROBE_JOB = 'matrix-probe';

export const FIXTURES: Record<string, Fixture> = {
  'POST /api/v1/auth/sandbox-code': {
    call: (pw) => ({ path: '/api/v1/auth/sandbox-code', json: { userid: pw.users.employee, corpId: pw.w.corpId } }),
  },
  'POST /api/v1/auth/dingtalk': {
    // Everyone signs in as themselves (anonymous as the employee); the other corp's admin with its own corp id.
    async call(pw, actor) {
      if (actor === 'otherCorp') return { path: '/api/v1/auth/dingtalk', json: { code: 'not-ours', corpId: pw.otherCorp.corpId } };
      const userid = pw.users[actor] ?? pw.users.employee;
      const res = await fetch(`${pw.url}/api/v1/auth/sandbox-code`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userid, corpId: pw.w.corpId }),
      });
      const { data } = (await res.json()) as { data: { code: string } };
      return { path: '/api/v1/auth/dingtalk', json: { code: data.code, corpId: pw.w.corpId } };
    },
  },
  'POST /api/v1/auth/logout': { call: () => ({ path: '/api/v1/auth/logout', json: {} }), endsSession: true },
  'POST /dingtalk/callback': {
    call(pw) {
      const sealed = pw.w.callbackCrypto!.seal(JSON.stringify({ EventType: 'check_url' }));
      return {
        path: `/dingtalk/callback?msg_signature=${sealed.msg_signature}&timestamp=${sealed.timeStamp}&nonce=${sealed.nonce}`,
        json: { encrypt: sealed.encrypt },
      };
    },
  },
  'GET /api/v1/users/:userid': { call: (pw) => ({ path: `/api/v1/users/${pw.target}` }) },
  'GET /api/v1/people/:userid': { call: (pw) => ({ path: `/api/v1/people/${pw.target}` }) },
  'GET /api/v1/people/:userid/:tab': { call: (pw) => ({ path: `/api/v1/people/${pw.target}/deals` }) },
  'GET /api/v1/sync/:kind': { call: () => ({ path: '/api/v1/sync/org' }) },
  'POST /api/v1/sync/:kind': { before: noSyncRunning, call: () => ({ path: '/api/v1/sync/departures', json: {} }) },
  'PUT /api/v1/admin/hr-scopes/:userid': {
    call: (pw) => ({ path: `/api/v1/admin/hr-scopes/${pw.grantee}`, json: { departmentIds: [pw.depts.tech] } }),
  },
  'DELETE /api/v1/admin/hr-scopes/:userid': {
    async before(pw) {
      const scopes = pw.w.ds.getRepository(HrScope);
      if ((await scopes.countBy({ corpId: pw.w.corpId, userid: pw.grantee })) === 0) {
        await scopes.insert({ corpId: pw.w.corpId, userid: pw.grantee, deptId: pw.depts.tech, grantedBy: 'matrix', grantedAt: new Date() });
      }
    },
    call: (pw) => ({ path: `/api/v1/admin/hr-scopes/${pw.grantee}` }),
  },
  'GET /api/v1/admin/users': { call: () => ({ path: `/api/v1/admin/users?q=${encodeURIComponent('员')}` }) },
  'GET /api/v1/imports/templates/:file': { call: () => ({ path: '/api/v1/imports/templates/deals.csv' }) },
  'GET /api/v1/imports/runs/:id': { call: async (pw) => ({ path: `/api/v1/imports/runs/${await importRunId(pw)}` }) },
  'GET /api/v1/imports/runs/:id/errors.csv': { call: async (pw) => ({ path: `/api/v1/imports/runs/${await importRunId(pw)}/errors.csv` }) },
  'POST /api/v1/imports/:kind': {
    call: (pw) => ({
      path: '/api/v1/imports/deals?mode=dry-run',
      raw: { body: dealsCsv(pw.target), contentType: 'text/csv', headers: { 'x-file-name': 'matrix-dry-run.csv' } },
    }),
  },
  'POST /api/v1/notifications/mine/:id/read': {
    call: async (pw) => ({ path: `/api/v1/notifications/mine/${(await targetNotification(pw)).id}/read`, json: {} }),
  },
  'POST /api/v1/notifications/sends/:id/recall': {
    call: async (pw) => ({ path: `/api/v1/notifications/sends/${(await targetNotification(pw)).sendId}/recall`, json: {} }),
  },
  'POST /api/v1/notifications/mine/read-all': { call: () => ({ path: '/api/v1/notifications/mine/read-all', json: {} }) },
  'POST /api/v1/notifications/test': { call: () => ({ path: '/api/v1/notifications/test', json: {} }) },
  'GET /admin/queues/*': { call: () => ({ path: '/admin/queues/api/queues' }) },
  'POST /admin/queues/*': { call: () => ({ path: `/admin/queues/api/queues/${QUEUE_NAME}/add`, json: { name: 'matrix.probe', data: {} } }) },
  'PUT /admin/queues/*': { call: () => ({ path: '/admin/queues/api/queues/resume', json: {} }) },
  'PATCH /admin/queues/*': {
    async before(pw) {
      if (!(await boardQueue(pw).getJob(PROBE_JOB))) await boardQueue(pw).add('matrix.probe', {}, { jobId: PROBE_JOB });
    },
    call: () => ({ path: `/admin/queues/api/queues/${QUEUE_NAME}/${PROBE_JOB}/update-data`, json: { jobData: { probe: true } } }),
  },
  ...PAY_FIXTURES,
  ...RETENTION_FIXTURES,
  ...OUTCOMES_FIXTURES,
  ...TALENT_FIXTURES,
  ...ASSESSMENT_FIXTURES,
  ...KPI_FIXTURES,
  ...PULSE_FIXTURES,
};
