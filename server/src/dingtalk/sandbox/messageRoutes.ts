/**
 * Work notification endpoints (legacy, doc §6): asyncsend_v2, getsendprogress, getsendresult, recall — with the
 * limits DingTalk applies silently (see messageStore.ts) — and the sandbox's own inbox per person
 * (`GET /sandbox/corps/:corpId/inbox/:userid`, `POST …/read`, and the demo page `GET /sandbox/inbox`).
 */
import type { Context } from 'koa';
import { MSG_MAX_BYTES } from '@liucai/shared';
import { LegacyErr, MESSAGE_MAX_USERIDS, MESSAGE_RECALL_HOURS, MESSAGE_TASK_QUERY_HOURS } from '../wireFacts';
import { optionalInt, optionalString, ParamError, paramsOf, requiredInt, type Params } from './bodyParams';
import { legacyCaller } from './callerAuth';
import { dingtalkRoute, type RouteTarget } from './dingtalkGuard';
import { presentInboxMessage, type SandboxTask } from './messageStore';
import { inboxPageHtml } from './inboxPage';
import type { SandboxCorp } from './SandboxCorp';
import type { SandboxRouteTarget } from './sandboxRoutes';
import type { SandboxState } from './sandboxState';
import { legacyError, legacyOk, sandboxError } from './wire';

const MSG_TYPES = new Set(['text', 'image', 'voice', 'file', 'link', 'oa', 'markdown', 'action_card']);
const HOUR_MS = 3600 * 1000;

/** The msg parameter: a JSON object, or (form bodies) its JSON text. */
function msgParam(p: Params): unknown {
  let msg = p.msg;
  if (typeof msg === 'string') {
    try {
      msg = JSON.parse(msg);
    } catch {
      throw new ParamError('msg', 'a JSON object', false);
    }
  }
  if (msg === undefined || msg === null) throw new ParamError('msg', 'a JSON object', true);
  if (typeof msg !== 'object' || Array.isArray(msg)) throw new ParamError('msg', 'a JSON object', false);
  return msg;
}

function msgProblem(msg: unknown): string | undefined {
  const m = msg as Record<string, unknown>;
  if (typeof m.msgtype !== 'string' || !MSG_TYPES.has(m.msgtype)) return 'msg.msgtype 不支持';
  if (typeof m[m.msgtype] !== 'object' || m[m.msgtype] === null) return `msg.${m.msgtype} 缺失`;
  if (Buffer.byteLength(JSON.stringify(msg)) > MSG_MAX_BYTES) return `msg 超过 ${MSG_MAX_BYTES} 字节`;
  return undefined;
}

function recipientsOf(corp: SandboxCorp, p: Params): string[] | string {
  const toAll = p.to_all_user === true || p.to_all_user === 'true';
  const userids = (optionalString(p, 'userid_list') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const deptIds = (optionalString(p, 'dept_id_list') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!toAll && userids.length === 0 && deptIds.length === 0) return 'userid_list, dept_id_list, to_all_user 至少需要一个';
  if (userids.length > MESSAGE_MAX_USERIDS) return `userid_list 最多 ${MESSAGE_MAX_USERIDS} 人`;
  if (deptIds.length > 500) return 'dept_id_list 最多 500 个部门';
  if (toAll) return [...corp.users.keys()];
  const fromDepts = deptIds.flatMap((id) => allMembersUnder(corp, Number(id)));
  return [...new Set([...userids, ...fromDepts])];
}

function allMembersUnder(corp: SandboxCorp, deptId: number): string[] {
  const out = corp.deptMembers(deptId).map((u) => u.userid);
  for (const child of corp.childDepts(deptId)) out.push(...allMembersUnder(corp, child.dept_id));
  return out;
}

/** The task a progress/result/recall call names, answering 400002 when it is unknown or too old. */
function taskFor(ctx: Context, state: SandboxState, corp: SandboxCorp, key: string, maxHours: number): SandboxTask | undefined {
  const p = paramsOf(ctx.request.body);
  const agentId = requiredInt(p, 'agent_id');
  const taskId = requiredInt(p, key);
  const task = state.messages.task(corp.corpId, agentId, taskId);
  if (!task) {
    legacyError(ctx, LegacyErr.invalidParam, `${key} 不存在`);
    return undefined;
  }
  if (Date.now() - task.createdAtMs > maxHours * HOUR_MS) {
    legacyError(ctx, LegacyErr.invalidParam, `只能查询或撤回 ${maxHours} 小时内的消息`);
    return undefined;
  }
  return task;
}

/** Register the work notification endpoints (DingTalk's) and the inbox controls (the sandbox's). */
export function registerMessageRoutes(router: RouteTarget & SandboxRouteTarget, state: SandboxState): void {
  dingtalkRoute(router, state, 'post', '/topapi/message/corpconversation/asyncsend_v2', (ctx: Context) => {
    const corp = legacyCaller(ctx, state);
    if (!corp) return;
    const p = paramsOf(ctx.request.body);
    const agentId = requiredInt(p, 'agent_id');
    if (agentId !== corp.agentId) return legacyError(ctx, LegacyErr.invalidParam, 'agent_id 与应用不符');
    const msg = msgParam(p);
    const problem = msgProblem(msg);
    if (problem) return legacyError(ctx, LegacyErr.invalidParam, problem);
    const recipients = recipientsOf(corp, p);
    if (typeof recipients === 'string') return legacyError(ctx, LegacyErr.invalidParam, recipients);
    const task = state.messages.send(corp.corpId, agentId, recipients, msg, (userid) => corp.getUser(userid) !== undefined);
    legacyOk(ctx, { task_id: task.taskId });
  });

  dingtalkRoute(router, state, 'post', '/topapi/message/corpconversation/getsendprogress', (ctx: Context) => {
    const corp = legacyCaller(ctx, state);
    if (!corp) return;
    const task = taskFor(ctx, state, corp, 'task_id', MESSAGE_TASK_QUERY_HOURS);
    if (!task) return;
    legacyOk(ctx, { progress: { progress_in_percent: 100, status: 2 } });
  });

  dingtalkRoute(router, state, 'post', '/topapi/message/corpconversation/getsendresult', (ctx: Context) => {
    const corp = legacyCaller(ctx, state);
    if (!corp) return;
    const task = taskFor(ctx, state, corp, 'task_id', MESSAGE_TASK_QUERY_HOURS);
    if (!task) return;
    const delivered = task.recalled ? [] : task.delivered;
    const read = delivered.filter((u) => state.messages.isRead(corp.corpId, u, task.taskId));
    const unread = delivered.filter((u) => !read.includes(u));
    legacyOk(ctx, {
      send_result: {
        invalid_user_id_list: task.invalid,
        forbidden_user_id_list: task.forbidden.map((f) => f.userid),
        failed_user_id_list: [],
        read_user_id_list: read,
        unread_user_id_list: unread,
        invalid_dept_id_list: [],
        forbidden_list: task.forbidden.map((f) => ({ code: String(f.code), count: 1, userid: f.userid })),
      },
    });
  });

  dingtalkRoute(router, state, 'post', '/topapi/message/corpconversation/recall', (ctx: Context) => {
    const corp = legacyCaller(ctx, state);
    if (!corp) return;
    const task = taskFor(ctx, state, corp, 'msg_task_id', MESSAGE_RECALL_HOURS);
    if (!task) return;
    state.messages.recall(task);
    legacyOk(ctx, {});
  });

  router.get('/sandbox/corps/:corpId/inbox/:userid', (ctx) => {
    const corp = state.corps.get(ctx.params.corpId ?? '');
    if (!corp) return sandboxError(ctx, 404, 'not_found', `no sandbox corp ${ctx.params.corpId ?? ''}`);
    const userid = ctx.params.userid ?? '';
    const messages = state.messages.inbox(corp.corpId, userid).map(presentInboxMessage);
    ctx.body = {
      corpId: corp.corpId,
      userid,
      name: corp.getUser(userid)?.name ?? null,
      unread: messages.filter((m) => !m.read && !m.recalled).length,
      messages,
    };
  });

  router.post('/sandbox/corps/:corpId/inbox/:userid/read', (ctx) => {
    const corp = state.corps.get(ctx.params.corpId ?? '');
    if (!corp) return sandboxError(ctx, 404, 'not_found', `no sandbox corp ${ctx.params.corpId ?? ''}`);
    let taskId: number | undefined;
    try {
      taskId = optionalInt(paramsOf(ctx.request.body), 'taskId');
    } catch (err) {
      if (err instanceof ParamError) return sandboxError(ctx, 400, 'validation_error', err.message);
      throw err;
    }
    ctx.body = { changed: state.messages.markRead(corp.corpId, ctx.params.userid ?? '', taskId) };
  });

  router.get('/sandbox/inbox', (ctx) => {
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = inboxPageHtml([...state.corps.values()].map((c) => ({ corpId: c.corpId, corpName: c.corpName, demoUsers: c.demoUsers })));
  });
}
