import { LegacyErr } from '../wireFacts';
import type { AttendanceResultRow } from './attendancePresenter';
import { chinaMs, dayWindow, legacyPost, listRecords, walkAttendance, type AttendancePage } from './attendanceTestClient';
import { startSandbox, type SandboxHandle } from './startSandbox';
import { legacyToken, postForm } from './testClient';
import { chinaDayNumber, isWorkingDay } from './workCalendar';

const CORP = { corpId: 'dingattend', appKey: 'attend-key', appSecret: 'attend-secret', agentId: 8, seed: 11, employees: 300 };
const TWIN = { corpId: 'dingattend2', appKey: 'attend-key2', appSecret: 'attend-secret2', agentId: 9, seed: 12, employees: 300 };
let handle: SandboxHandle;
let token: string;

beforeAll(async () => {
  handle = await startSandbox({ port: 0, corps: [CORP, TWIN] });
  token = await legacyToken(handle, CORP.corpId);
});
afterAll(() => handle.close());

const corp = () => handle.corps.get(CORP.corpId)!;
const REQUEST_ID = expect.stringMatching(/^[0-9a-f]{16}$/);
const WEEK = dayWindow('2026-10-12', '2026-10-18');
/** The first 50 people, sorted (the order rows come in within a day). */
const fifty = () => [...corp().users.keys()].sort().slice(0, 50);
const list = (body: Record<string, unknown>) => legacyPost<AttendancePage>(handle, token, '/attendance/list', body);

const ROW_FIELDS = ['id', 'groupId', 'planId', 'recordId', 'workDate', 'userId', 'checkType', 'sourceType', 'timeResult', 'locationResult'];
const ALLOWED_ROW_FIELDS = new Set([...ROW_FIELDS, 'baseCheckTime', 'userCheckTime', 'corpId', 'isLegal', 'approveId', 'procInstId']);

describe('/attendance/list', () => {
  it('answers a page with exactly hasMore and recordresult, rows in the documented fields and enums', async () => {
    const res = await list({ ...WEEK, userIdList: fifty(), offset: 0, limit: 50, isI18n: false });
    expect(res).toEqual({ errcode: 0, errmsg: 'ok', hasMore: true, recordresult: expect.any(Array), request_id: REQUEST_ID });
    expect(res.recordresult).toHaveLength(50);
    const { rows } = await walkAttendance(handle, token, fifty(), WEEK);
    for (const row of rows) {
      for (const key of Object.keys(row)) expect(ALLOWED_ROW_FIELDS).toContain(key);
      expect(row).toMatchObject({ corpId: CORP.corpId, checkType: expect.stringMatching(/^(OnDuty|OffDuty)$/), isLegal: expect.stringMatching(/^[YN]$/) });
      expect(['Normal', 'Early', 'Late', 'SeriousLate', 'Absenteeism', 'NotSigned']).toContain(row.timeResult);
      expect(['Normal', 'Outside', 'NotSigned']).toContain(row.locationResult);
      expect(row.workDate).toBe(chinaMs(new Date(row.workDate + 8 * 3600_000).toISOString().slice(0, 10) + ' 00:00:00'));
      expect(row.baseCheckTime - row.workDate).toBe(row.checkType === 'OnDuty' ? 9 * 3600_000 : 18 * 3600_000);
      expect(row.isLegal).toBe(row.timeResult === 'Normal' && row.locationResult === 'Normal' ? 'Y' : 'N');
      if (row.timeResult === 'NotSigned') {
        expect(row).toMatchObject({ sourceType: 'SYSTEM', locationResult: 'NotSigned' });
        expect(row).not.toHaveProperty('userCheckTime');
        expect(row).not.toHaveProperty('recordId');
      } else {
        expect(typeof row.userCheckTime).toBe('number');
      }
      if (row.sourceType === 'APPROVE') {
        expect(row).toMatchObject({ timeResult: 'Normal', approveId: expect.any(Number), procInstId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
      } else {
        expect(row).not.toHaveProperty('approveId');
      }
      if (row.timeResult === 'Late') expect(row.userCheckTime! - row.baseCheckTime).toBeGreaterThan(0);
      if (row.timeResult === 'Early') expect(row.userCheckTime!).toBeLessThan(row.baseCheckTime);
    }
    const results = rows.map((r) => r.timeResult);
    // Mostly Normal, but not only.
    expect(results.filter((r) => r === 'Normal').length / rows.length).toBeGreaterThan(0.85);
    expect(new Set(results).size).toBeGreaterThan(1);
  });

  it('has one row per scheduled check: two per working day per person, none on weekends', async () => {
    const { rows } = await walkAttendance(handle, token, fifty(), WEEK);
    const perPersonDay = new Map<string, string[]>();
    for (const r of rows) perPersonDay.set(`${r.userId}/${r.workDate}`, [...(perPersonDay.get(`${r.userId}/${r.workDate}`) ?? []), r.checkType]);
    expect([...perPersonDay.values()].every((checks) => checks.join() === 'OnDuty,OffDuty')).toBe(true);
    expect(new Set(rows.map((r) => r.workDate)).size).toBe(5);
    expect(rows.every((r) => isWorkingDay(chinaDayNumber(r.workDate)))).toBe(true);
    const weekdays = [12, 13, 14, 15, 16].map((d) => chinaMs(`2026-10-${d} 00:00:00`));
    const scheduled = fifty().reduce((n, id) => n + weekdays.filter((day) => corp().getUser(id)!.hired_date <= day).length, 0);
    expect(rows.length).toBe(scheduled * 2);
    const weekend = await walkAttendance(handle, token, fifty(), dayWindow('2026-10-17', '2026-10-18'));
    expect(weekend.rows).toEqual([]);
  });

  it('pages with offset/limit over (workDate, userId, OnDuty before OffDuty): every row exactly once', async () => {
    const whole = await walkAttendance(handle, token, fifty(), WEEK, 50);
    const sorted = [...whole.rows].sort(
      (a, b) => a.workDate - b.workDate || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0) || (a.checkType === 'OnDuty' ? -1 : 1),
    );
    expect(whole.rows).toEqual(sorted);
    expect(new Set(whole.rows.map((r) => r.id)).size).toBe(whole.rows.length);
    for (const limit of [7, 1]) {
      const walked = await walkAttendance(handle, token, fifty().slice(0, limit === 1 ? 3 : 50), WEEK, limit);
      const expected = limit === 1 ? whole.rows.filter((r) => fifty().slice(0, 3).includes(r.userId)) : whole.rows;
      expect(walked.rows).toEqual(expected);
      expect(walked.pages).toBe(Math.ceil(expected.length / limit));
    }
    const past = await list({ ...WEEK, userIdList: fifty(), offset: whole.rows.length, limit: 50 });
    expect(past).toMatchObject({ errcode: 0, hasMore: false, recordresult: [] });
  });

  it('is deterministic: the same window twice is identical, another seed differs', async () => {
    const a = await walkAttendance(handle, token, fifty(), WEEK);
    const b = await walkAttendance(handle, token, fifty(), WEEK);
    expect(b.rows).toEqual(a.rows);
    const twinToken = await legacyToken(handle, TWIN.corpId);
    const twin = await walkAttendance(handle, twinToken, fifty(), WEEK);
    expect(twin.rows.map((r) => r.id)).not.toEqual(a.rows.map((r) => r.id));
    expect(twin.rows.map((r) => `${r.userId}${r.timeResult}${r.userCheckTime}`)).not.toEqual(a.rows.map((r) => `${r.userId}${r.timeResult}${r.userCheckTime}`));
  });

  it('has rows only within employment: none before the hire day, none after the last working day; unknown userids are absent', async () => {
    const hired = corp().addUser({ hired_date: chinaMs('2026-10-14 00:00:00') });
    const leaver = fifty().find((id) => !corp().isManagerAnywhere(id) && !Object.values(corp().demoUsers).includes(id) && !corp().driftOf(id))!;
    const before = (await walkAttendance(handle, token, [leaver], WEEK)).rows;
    corp().removeUser(leaver, chinaMs('2026-10-15 00:00:00'));
    const { rows } = await walkAttendance(handle, token, [hired.userid, leaver, 'nobody-here'], WEEK);
    const days = (id: string) => [...new Set(rows.filter((r) => r.userId === id).map((r) => new Date(r.workDate + 8 * 3600_000).getUTCDate()))];
    expect(days(hired.userid)).toEqual([14, 15, 16]);
    expect(days(leaver)).toEqual([12, 13, 14, 15]);
    expect(rows.some((r) => r.userId === 'nobody-here')).toBe(false);
    // The person who left keeps their past records unchanged.
    expect(rows.filter((r) => r.userId === leaver)).toEqual(before.filter((r) => r.workDate <= chinaMs('2026-10-15 00:00:00')));
    // Nothing from the corp's "today" on.
    const today = await walkAttendance(handle, token, fifty(), dayWindow('2026-10-30', '2026-11-05'));
    expect(new Set(today.rows.map((r) => r.workDate))).toEqual(new Set([chinaMs('2026-10-30 00:00:00')]));
  });

  it('answers 400002 with a clear errmsg for windows over 7 days, reversed windows, bad lists and bad paging', async () => {
    const ok = { ...WEEK, userIdList: fifty(), offset: 0, limit: 50 };
    const expect400002 = async (body: Record<string, unknown>, message: RegExp) =>
      expect(await list(body)).toEqual({ errcode: LegacyErr.invalidParam, errmsg: expect.stringMatching(message), request_id: REQUEST_ID });
    await expect400002({ ...ok, workDateTo: '2026-10-19 00:00:01' }, /^无效的参数: .*more than 7 days apart/);
    await expect400002({ ...ok, workDateFrom: '2026-10-19 00:00:00' }, /workDateFrom is after workDateTo/);
    await expect400002({ ...ok, userIdList: [...fifty(), 'one-more'] }, /userIdList has 51 userids, at most 50/);
    await expect400002({ ...ok, userIdList: [] }, /userIdList/);
    await expect400002({ ...ok, limit: 51 }, /limit must be 1..50/);
    await expect400002({ ...ok, limit: 0 }, /limit/);
    await expect400002({ ...ok, offset: -1 }, /offset/);
    await expect400002({ ...ok, workDateFrom: '2026-10-12' }, /workDateFrom/);
    await expect400002({ ...ok, workDateFrom: '2026-02-30 00:00:00' }, /workDateFrom/);
    await expect400002({ ...WEEK, userIdList: fifty(), limit: 50 }, /offset/);
    // Exactly 7 days apart is allowed.
    expect((await list({ ...ok, workDateTo: '2026-10-19 00:00:00' })).errcode).toBe(0);
  });

  it('accepts form bodies (userIdList as a JSON array or comma-separated) and rejects a bad token with 40014', async () => {
    const url = `${handle.url}/attendance/list?access_token=${token}`;
    const fields = { ...WEEK, offset: '0', limit: '20', isI18n: 'false' };
    const asJson = await postForm<AttendancePage & { errcode: number }>(url, { ...fields, userIdList: JSON.stringify(fifty().slice(0, 3)) });
    const asCsv = await postForm<AttendancePage & { errcode: number }>(url, { ...fields, userIdList: fifty().slice(0, 3).join(',') });
    expect(asJson.body.errcode).toBe(0);
    expect(asCsv.body.recordresult).toEqual(asJson.body.recordresult);
    expect((await legacyPost(handle, 'bogus', '/attendance/list', { ...WEEK, userIdList: fifty(), offset: 0, limit: 50 })).errcode).toBe(
      LegacyErr.invalidToken,
    );
  });
});

describe('/attendance/listRecord', () => {
  it('has one raw record per actual clock, matching the results by recordId, with location detail', async () => {
    const ids = fifty().slice(0, 20);
    const results: AttendanceResultRow[] = (await walkAttendance(handle, token, ids, WEEK)).rows;
    const records = await listRecords(handle, token, ids, WEEK.workDateFrom, WEEK.workDateTo);
    const clocked = results.filter((r) => r.recordId !== undefined);
    expect(records.map((r) => r.id)).toEqual(clocked.map((r) => r.recordId));
    expect(results.filter((r) => r.recordId === undefined).every((r) => r.sourceType === 'SYSTEM' || r.sourceType === 'APPROVE')).toBe(true);
    records.forEach((rec, i) => {
      const result = clocked[i]!;
      expect(rec).toMatchObject({
        userId: result.userId,
        checkType: result.checkType,
        timeResult: result.timeResult,
        locationResult: result.locationResult,
        userCheckTime: result.userCheckTime,
        planCheckTime: result.baseCheckTime,
        baseCheckTime: result.baseCheckTime,
        corpId: CORP.corpId,
        userAddress: expect.any(String),
        userLatitude: expect.any(Number),
        userLongitude: expect.any(Number),
        userAccuracy: expect.any(Number),
        locationMethod: expect.stringMatching(/^(MAP|WIFI|ATM)$/),
        deviceId: expect.stringMatching(/^[0-9a-f]{32}$/),
        baseAddress: expect.any(String),
        baseAccuracy: 300,
        gmtCreate: expect.any(Number),
        gmtModified: expect.any(Number),
      });
      if (rec.locationResult === 'Outside') expect(rec).toMatchObject({ locationMethod: 'MAP', outsideRemark: expect.any(String) });
      if (rec.sourceType === 'ATM') expect(rec).toMatchObject({ locationMethod: 'ATM', deviceSN: expect.any(String) });
    });
  });

  it('filters by the clock time, has no paging, and checks its limits', async () => {
    const ids = fifty();
    const mornings = await listRecords(handle, token, ids, '2026-10-13 07:00:00', '2026-10-13 12:00:00');
    expect(mornings.length).toBeGreaterThan(30);
    expect(mornings.every((r) => r.checkType === 'OnDuty' && r.userCheckTime >= chinaMs('2026-10-13 07:00:00'))).toBe(true);
    const call = (body: Record<string, unknown>) => legacyPost(handle, token, '/attendance/listRecord', body);
    const ok = { userIds: ids, checkDateFrom: WEEK.workDateFrom, checkDateTo: WEEK.workDateTo };
    expect(await call(ok)).toEqual({ errcode: 0, errmsg: 'ok', recordresult: expect.any(Array), request_id: REQUEST_ID });
    expect(await call({ ...ok, checkDateTo: '2026-10-20 00:00:00' })).toMatchObject({ errcode: LegacyErr.invalidParam, errmsg: /7 days/ });
    expect(await call({ ...ok, userIds: [...ids, 'x'] })).toMatchObject({ errcode: LegacyErr.invalidParam, errmsg: /at most 50/ });
    expect((await call({ ...ok, userIds: undefined })).errcode).toBe(LegacyErr.invalidParam);
  });
});
