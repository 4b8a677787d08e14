import { createTestWorld, syncWorld, type TestWorld } from './support/testServices';
import { listen } from './support/testServer';
import { ApiCallBudget, AttendanceResult, ClockRecord, DingTalkEvent, LeaveRecord } from '../server/src/entities';
import type { InProcessJobQueue } from '../server/src/jobs/inProcessJobQueue';
import type { BullJobQueue } from '../server/src/jobs/bullJobQueue';
import { eventKeyOf, takeInEvent } from '../server/src/modules/sync/commands/dingtalkEventIntake';
import { leaveInstanceStatus, leaveInstances, SANDBOX_LEAVE_PROCESS_CODE } from '../server/src/dingtalk/sandbox';
import { budgetMonth } from '../server/src/modules/sync/commands/callBudget';

const LIST = '/attendance/list';
const RECORDS = '/attendance/listRecord';
const GET_INSTANCE = '/v1.0/workflow/processInstances';
/** 2026-10-20 (a Tuesday) 09:03 Beijing. */
const CHECK_TIME = Date.UTC(2026, 9, 20, 1, 3);

describe('check-in and approval events through the HTTP callback', () => {
  let w: TestWorld;
  let server: { url: string; close(): Promise<void> };

  beforeAll(async () => {
    w = await createTestWorld({ label: 'attevents', employees: 40, seed: 21 });
    await syncWorld(w);
    server = await listen(w);
  });
  afterAll(async () => {
    await server.close();
    await w.close();
  });

  /** Deliver an event the way DingTalk does: encrypted body, signature in the query; expect the sealed "success". */
  async function deliver(event: unknown) {
    const crypto = w.callbackCrypto!;
    const sealed = crypto.seal(JSON.stringify(event), String(Date.now()), 'n0nce456');
    const res = await fetch(`${server.url}/dingtalk/callback?msg_signature=${sealed.msg_signature}&timestamp=${sealed.timeStamp}&nonce=${sealed.nonce}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ encrypt: sealed.encrypt }),
    });
    expect(res.status).toBe(200);
    const reply = (await res.json()) as { msg_signature: string; timeStamp: string; nonce: string; encrypt: string };
    expect(crypto.open({ signature: reply.msg_signature, timestamp: reply.timeStamp, nonce: reply.nonce, encrypt: reply.encrypt })).toBe('success');
    await (w.jobs as InProcessJobQueue).idle();
  }

  const calls = (path: string) => w.sandboxHandle.stats().calls[path] ?? 0;
  const budget = async () => (await w.ds.getRepository(ApiCallBudget).findOneBy({ corpId: w.corpId, month: budgetMonth(new Date()) }))?.meteredCalls ?? 0;

  it('re-reads only that person’s day after attendance_check_record: results and raw clocks, once per event', async () => {
    const userid = w.sandbox!.demoUsers.employee;
    w.sandboxHandle.resetStats();
    const spentBefore = await budget();
    const event = {
      EventType: 'attendance_check_record',
      CorpId: w.corpId,
      DataList: [
        { userId: userid, checkTime: CHECK_TIME, corpId: w.corpId, groupId: 1, bizId: 'b1', address: '上海', locationMethod: 'MAP', checkByUser: true },
      ],
    };
    await deliver(event);
    const results = await w.ds.getRepository(AttendanceResult).findBy({ corpId: w.corpId });
    expect(results.map((r) => `${r.userid}/${r.workDate}`)).toEqual([`${userid}/2026-10-20`, `${userid}/2026-10-20`]);
    expect(results.map((r) => r.checkType).sort()).toEqual(['OffDuty', 'OnDuty']);
    const clocks = await w.ds.getRepository(ClockRecord).findBy({ corpId: w.corpId });
    expect(clocks.length).toBe(results.filter((r) => r.userCheckAt !== null && r.approveId === null).length);
    expect(clocks.every((c) => c.userid === userid && c.workDate === '2026-10-20')).toBe(true);
    expect(calls(LIST)).toBe(1);
    expect(calls(RECORDS)).toBe(1);
    expect((await budget()) - spentBefore).toBe(2);
    // The same delivery again is a duplicate: no job, no call.
    await deliver(event);
    expect(calls(LIST) + calls(RECORDS)).toBe(2);
    expect((await w.ds.getRepository(DingTalkEvent).findBy({ corpId: w.corpId, eventType: 'attendance_check_record' })).length).toBe(1);
  });

  it('records a check-in event that names nobody, and re-reads nothing', async () => {
    w.sandboxHandle.resetStats();
    await deliver({ EventType: 'attendance_check_record', CorpId: w.corpId, DataList: [{ checkTime: 'soon' }] });
    expect(calls(LIST)).toBe(0);
    expect((await w.ds.getRepository(DingTalkEvent).findBy({ corpId: w.corpId, eventType: 'attendance_check_record' })).length).toBe(2);
  });

  it('upserts the leave after bpms_instance_change of the leave form: approved, then a refused one', async () => {
    const corp = w.sandboxHandle.corps.get(w.corpId)!;
    const all = leaveInstances(corp, { fromMs: Date.UTC(2026, 6, 1), toMs: Date.UTC(2026, 9, 30) });
    const approved = all.find((i) => leaveInstanceStatus(corp, i).result === 'agree')!;
    const refused = all.find((i) => leaveInstanceStatus(corp, i).result === 'refuse')!;
    w.sandboxHandle.resetStats();
    for (const [i, result] of [
      [approved, 'agree'],
      [refused, 'refuse'],
    ] as const) {
      await deliver({
        EventType: 'bpms_instance_change',
        processInstanceId: i.processInstanceId,
        processCode: SANDBOX_LEAVE_PROCESS_CODE,
        corpId: w.corpId,
        type: 'finish',
        result,
        staffId: i.userid,
        title: '请假',
        createTime: i.createMs,
        finishTime: i.decideMs,
      });
    }
    expect(calls(GET_INSTANCE)).toBe(2);
    const a = await w.ds.getRepository(LeaveRecord).findOneByOrFail({ corpId: w.corpId, sourceId: approved.processInstanceId });
    expect(a).toMatchObject({
      userid: approved.userid,
      approvalState: 'approved',
      leaveType: approved.leave.leaveCode,
      startAt: new Date(approved.leave.startMs),
    });
    const r = await w.ds.getRepository(LeaveRecord).findOneByOrFail({ corpId: w.corpId, sourceId: refused.processInstanceId });
    expect(r).toMatchObject({ userid: refused.userid, approvalState: 'rejected', endAt: new Date(refused.leave.endMs) });
  });

  it('records approvals of other forms without reading anything', async () => {
    w.sandboxHandle.resetStats();
    const before = await w.ds.getRepository(LeaveRecord).countBy({ corpId: w.corpId });
    await deliver({ EventType: 'bpms_instance_change', processInstanceId: 'expense-1', processCode: 'PROC-EXPENSE-0001', type: 'start', corpId: w.corpId });
    expect(calls(GET_INSTANCE)).toBe(0);
    expect(await w.ds.getRepository(LeaveRecord).countBy({ corpId: w.corpId })).toBe(before);
    const saved = await w.ds.getRepository(DingTalkEvent).findBy({ corpId: w.corpId, eventType: 'bpms_instance_change' });
    expect(saved.map((e) => (e.payload as { processCode: string }).processCode)).toContain('PROC-EXPENSE-0001');
  });
});

describe('event jobs on BullMQ', () => {
  it('enqueue with deterministic ids, once per event', async () => {
    const w = await createTestWorld({ label: 'attbull', employees: 30, seed: 5, jobs: 'bullmq' });
    try {
      const queue = (w.jobs as BullJobQueue).queue;
      const check = {
        EventType: 'attendance_check_record',
        DataList: [
          { userId: 'u1', checkTime: String(CHECK_TIME) },
          { userId: 'u1', checkTime: CHECK_TIME + 3600_000 },
        ],
      };
      expect(await takeInEvent(w, w.corpId, 'stream', check, 'evt-check-1')).toBe('queued');
      expect(await takeInEvent(w, w.corpId, 'stream', check, 'evt-check-1')).toBe('duplicate');
      const job = await queue.getJob(`event-${w.corpId}-${eventKeyOf(check, 'evt-check-1')}`);
      expect(job?.name).toBe('attendance.resyncDays');
      expect(job?.data).toEqual({ corpId: w.corpId, checks: [{ userid: 'u1', workDate: '2026-10-20' }] });
      const approval = { EventType: 'bpms_instance_change', processInstanceId: 'inst-1', processCode: w.config.leaveProcessCode, type: 'start' };
      expect(await takeInEvent(w, w.corpId, 'stream', approval)).toBe('queued');
      const leaveJob = await queue.getJob(`event-${w.corpId}-${eventKeyOf(approval)}`);
      expect(leaveJob?.name).toBe('leave.syncInstance');
      expect(leaveJob?.data).toEqual({ corpId: w.corpId, processInstanceId: 'inst-1' });
      // Without the config (a caller that passes only ds and jobs) approvals are recorded, never guessed at.
      expect(await takeInEvent({ ds: w.ds, jobs: w.jobs }, w.corpId, 'stream', { ...approval, processInstanceId: 'inst-2' })).toBe('recorded');
    } finally {
      await w.close();
    }
  });
});
