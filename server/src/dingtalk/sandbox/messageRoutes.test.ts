import { LegacyErr } from '../wireFacts';
import { legacyPost } from './attendanceTestClient';
import { sandboxForTests } from './sandboxTestCorp';
import { getJson, postForm, postJson } from './testClient';

const CORP = { corpId: 'dingmsg', appKey: 'msg-key', appSecret: 'msg-secret', agentId: 4, seed: 3, employees: 40 };
const sandbox = sandboxForTests(CORP);
const REQUEST_ID = expect.stringMatching(/^[0-9a-f]{16}$/);
const send = (body: Record<string, unknown>) =>
  legacyPost<{ task_id: number }>(sandbox.handle, sandbox.token, '/topapi/message/corpconversation/asyncsend_v2', body);
const result = (taskId: number) =>
  legacyPost<{ send_result: Record<string, unknown> }>(sandbox.handle, sandbox.token, '/topapi/message/corpconversation/getsendresult', {
    agent_id: 4,
    task_id: taskId,
  });
const people = () => [...sandbox.corp().users.keys()].slice(0, 5);
const text = (content: string) => ({ msgtype: 'text', text: { content } });

describe('work notifications (doc §6)', () => {
  it('answers a task_id, delivers to each inbox, and reports read, unread and invalid users', async () => {
    const [a, b] = people();
    const res = await send({ agent_id: 4, userid_list: `${a},${b},nobody`, msg: text('你好') });
    expect(res).toEqual({ errcode: 0, errmsg: 'ok', task_id: expect.any(Number), request_id: REQUEST_ID });
    await postJson(`${sandbox.handle.url}/sandbox/corps/dingmsg/inbox/${a}/read`, { taskId: res.task_id });
    const r = await result(res.task_id);
    expect(r.send_result).toEqual({
      invalid_user_id_list: ['nobody'],
      forbidden_user_id_list: [],
      failed_user_id_list: [],
      read_user_id_list: [a],
      unread_user_id_list: [b],
      invalid_dept_id_list: [],
      forbidden_list: [],
    });
    const progress = await legacyPost(sandbox.handle, sandbox.token, '/topapi/message/corpconversation/getsendprogress', { agent_id: 4, task_id: res.task_id });
    expect(progress).toMatchObject({ errcode: 0, progress: { progress_in_percent: 100, status: 2 } });
    const inbox = await getJson<{ messages: { title: string; read: boolean }[]; unread: number }>(`${sandbox.handle.url}/sandbox/corps/dingmsg/inbox/${b}`);
    expect(inbox.body.messages).toEqual([expect.objectContaining({ title: '你好', read: false })]);
  });

  it('silently forbids the same content twice a day (143106) and more than the daily cap (143105)', async () => {
    const [, , c] = people();
    expect((await send({ agent_id: 4, userid_list: c, msg: text('重复') })).errcode).toBe(0);
    const again = await send({ agent_id: 4, userid_list: c, msg: { text: { content: '重复' }, msgtype: 'text' } });
    expect(again.errcode).toBe(0);
    expect((await result(again.task_id)).send_result).toMatchObject({ forbidden_user_id_list: [c], forbidden_list: [{ code: '143106', count: 1, userid: c }] });
    sandbox.handle.messages.limits.perPersonDaily = 2;
    try {
      expect((await send({ agent_id: 4, userid_list: c, msg: text('第二条') })).errcode).toBe(0);
      const over = await send({ agent_id: 4, userid_list: c, msg: text('第三条') });
      expect((await result(over.task_id)).send_result).toMatchObject({ forbidden_list: [{ code: '143105', userid: c }] });
    } finally {
      sandbox.handle.messages.limits.perPersonDaily = 500;
    }
    const inbox = await getJson<{ messages: unknown[] }>(`${sandbox.handle.url}/sandbox/corps/dingmsg/inbox/${c}`);
    expect(inbox.body.messages).toHaveLength(2);
  });

  it('recalls a task from every inbox', async () => {
    const [, , , d] = people();
    const res = await send({ agent_id: 4, userid_list: d, msg: text('误发') });
    const recall = await legacyPost(sandbox.handle, sandbox.token, '/topapi/message/corpconversation/recall', { agent_id: 4, msg_task_id: res.task_id });
    expect(recall).toEqual({ errcode: 0, errmsg: 'ok', request_id: REQUEST_ID });
    const inbox = await getJson<{ messages: { recalled: boolean }[]; unread: number }>(`${sandbox.handle.url}/sandbox/corps/dingmsg/inbox/${d}`);
    expect(inbox.body).toMatchObject({ unread: 0, messages: [{ recalled: true }] });
  });

  it('takes form bodies with msg as JSON text, and refuses bad agents, messages and unknown tasks with 400002', async () => {
    const [, , , , e] = people();
    const form = await postForm<{ errcode: number }>(`${sandbox.handle.url}/topapi/message/corpconversation/asyncsend_v2?access_token=${sandbox.token}`, {
      agent_id: '4',
      userid_list: e!,
      msg: JSON.stringify(text('表单')),
    });
    expect(form.body.errcode).toBe(0);
    expect(await send({ agent_id: 5, userid_list: e, msg: text('x') })).toMatchObject({
      errcode: LegacyErr.invalidParam,
      errmsg: expect.stringContaining('agent_id'),
    });
    expect(await send({ agent_id: 4, userid_list: e, msg: { msgtype: 'fax' } })).toMatchObject({ errcode: LegacyErr.invalidParam });
    expect(await send({ agent_id: 4, userid_list: e, msg: text('长'.repeat(700)) })).toMatchObject({
      errcode: LegacyErr.invalidParam,
      errmsg: expect.stringContaining('2048'),
    });
    expect(await send({ agent_id: 4, msg: text('没有人') })).toMatchObject({ errcode: LegacyErr.invalidParam });
    expect(await result(123)).toMatchObject({ errcode: LegacyErr.invalidParam, errmsg: expect.stringContaining('task_id') });
  });
});
