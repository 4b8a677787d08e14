import { LegacyErr } from '../wireFacts';
import { chinaMs, legacyPost, walkAttendance, walkLeaves, type LeaveStatusResult } from './attendanceTestClient';
import { sandboxForTests } from './sandboxTestCorp';
import { postForm } from './testClient';
import { formatChinaDateTime } from './workCalendar';

const CORP = { corpId: 'dingleave', appKey: 'leave-key', appSecret: 'leave-secret', agentId: 3, seed: 21, employees: 250 };
const sandbox = sandboxForTests(CORP);
const { corp } = sandbox;
const DAY_MS = 86_400_000;
const START = chinaMs('2026-05-04 00:00:00');
const END = START + 180 * DAY_MS - 1;
const people = (n: number) => [...corp().users.keys()].sort().slice(0, n);
const status = (body: Record<string, unknown>) =>
  legacyPost<{ success: boolean; result: LeaveStatusResult }>(sandbox.handle, sandbox.token, '/topapi/attendance/getleavestatus', body);

describe('/topapi/attendance/getleavestatus', () => {
  it('answers {success, result: {has_more, leave_status}} with the documented row fields and catalogue codes', async () => {
    const res = await status({ userid_list: people(100).join(','), start_time: START, end_time: END, offset: 0, size: 10 });
    expect(res).toEqual({
      errcode: 0,
      errmsg: 'ok',
      success: true,
      result: { has_more: true, leave_status: expect.any(Array) },
      request_id: expect.stringMatching(/^[0-9a-f]{16}$/),
    });
    const rows = await walkLeaves(sandbox.handle, sandbox.token, people(100), START, END);
    const types = new Map(corp().leaveTypes.map((t) => [t.leave_code, t]));
    expect(corp().leaveTypes.map((t) => t.leave_name)).toEqual(expect.arrayContaining(['事假', '病假', '年假', '调休']));
    for (const row of rows) {
      expect(Object.keys(row).sort()).toEqual(['duration_percent', 'duration_unit', 'end_time', 'leave_code', 'start_time', 'userid']);
      const type = types.get(row.leave_code)!;
      expect(type).toBeDefined();
      expect(row.duration_unit).toBe(type.leave_view_unit === 'hour' ? 'percent_hour' : 'percent_day');
      expect(row.end_time).toBeGreaterThan(row.start_time);
      expect(row.start_time <= END && row.end_time >= START).toBe(true);
      const halfDay = row.end_time - row.start_time < 6 * 3600_000;
      if (row.duration_unit === 'percent_day') expect(halfDay ? row.duration_percent === 50 : row.duration_percent % 100 === 0).toBe(true);
      else expect(halfDay ? [300, 500] : [800]).toContain(row.duration_percent);
    }
    // A few leaves a person a year: half a year of 100 people gives roughly 100-500.
    expect(rows.length).toBeGreaterThan(100);
    expect(rows.length).toBeLessThan(500);
    const names = new Set(rows.map((r) => types.get(r.leave_code)!.leave_name));
    expect([...names].sort()).toEqual(['事假', '年假', '病假', '调休']);
    expect(rows.some((r) => r.duration_percent === 50)).toBe(true);
    expect(rows.some((r) => r.duration_percent >= 200 && r.duration_unit === 'percent_day')).toBe(true);
  });

  it('pages with offset/size, every leave exactly once, and answers the same twice', async () => {
    const whole = await walkLeaves(sandbox.handle, sandbox.token, people(60), START, END, 100);
    expect(new Set(whole.map((r) => `${r.userid}/${r.start_time}`)).size).toBe(whole.length);
    expect(await walkLeaves(sandbox.handle, sandbox.token, people(60), START, END, 7)).toEqual(whole);
    expect(await walkLeaves(sandbox.handle, sandbox.token, people(60), START, END, 100)).toEqual(whole);
    const last = await status({ userid_list: people(60), start_time: START, end_time: END, offset: whole.length, size: 100 });
    expect(last.result).toEqual({ has_more: false, leave_status: [] });
  });

  it('answers 400002 over 100 people, over 180 days, size over 100, reversed or missing times', async () => {
    const ok = { userid_list: people(100).join(','), start_time: START, end_time: END, offset: 0, size: 100 };
    const code = async (body: Record<string, unknown>) => (await status(body)).errcode;
    expect(await status({ ...ok, userid_list: [...people(100), 'x'].join(',') })).toMatchObject({
      errcode: LegacyErr.invalidParam,
      errmsg: expect.stringMatching(/userid_list has 101 userids, at most 100/),
    });
    expect(await status({ ...ok, end_time: START + 180 * DAY_MS + 1 })).toMatchObject({ errcode: LegacyErr.invalidParam, errmsg: /180 days/ });
    expect(await code({ ...ok, end_time: START - 1 })).toBe(LegacyErr.invalidParam);
    expect(await code({ ...ok, size: 101 })).toBe(LegacyErr.invalidParam);
    expect(await code({ ...ok, size: 0 })).toBe(LegacyErr.invalidParam);
    expect(await code({ ...ok, start_time: undefined })).toBe(LegacyErr.invalidParam);
    expect(await code({ ...ok, userid_list: '' })).toBe(LegacyErr.invalidParam);
    expect(await code({ ...ok, end_time: START + 180 * DAY_MS })).toBe(0);
    const form = await postForm<{ errcode: number; result: LeaveStatusResult }>(
      `${sandbox.handle.url}/topapi/attendance/getleavestatus?access_token=${sandbox.token}`,
      {
        userid_list: people(5).join(','),
        start_time: String(START),
        end_time: String(END),
        offset: '0',
        size: '100',
      },
    );
    expect(form.body.errcode).toBe(0);
    expect(form.body.result.leave_status).toEqual(await walkLeaves(sandbox.handle, sandbox.token, people(5), START, END));
  });
});

describe('leave and attendance agree', () => {
  it('a check is settled by an approval (APPROVE, Normal, approveId/procInstId) exactly when a leave covers it', async () => {
    const ids = people(50);
    const from = chinaMs('2026-08-03 00:00:00');
    const weeks = 8;
    const leaves = await walkLeaves(sandbox.handle, sandbox.token, ids, from, from + weeks * 7 * DAY_MS - 1);
    let covered = 0;
    for (let w = 0; w < weeks; w++) {
      const start = from + w * 7 * DAY_MS;
      const window = { workDateFrom: formatChinaDateTime(start), workDateTo: formatChinaDateTime(start + 7 * DAY_MS - 1000) };
      const { rows } = await walkAttendance(sandbox.handle, sandbox.token, ids, window);
      for (const row of rows) {
        const base = row.baseCheckTime;
        const leave = leaves.find(
          (l) =>
            l.userid === row.userId && (row.checkType === 'OnDuty' ? l.start_time <= base && l.end_time > base : l.start_time < base && l.end_time >= base),
        );
        if (leave) {
          covered++;
          expect(row).toMatchObject({ sourceType: 'APPROVE', timeResult: 'Normal', approveId: expect.any(Number), procInstId: expect.any(String) });
        } else {
          expect(row.sourceType).not.toBe('APPROVE');
          expect(row).not.toHaveProperty('procInstId');
        }
      }
    }
    expect(covered).toBeGreaterThan(20);
  });
});
