import { LegacyErr } from '../wireFacts';
import { chinaMs, legacyPost } from './attendanceTestClient';
import type { DismissionDetail, DismissionPage } from './dismissionPresenter';
import { sandboxForTests } from './sandboxTestCorp';
import { postForm } from './testClient';

const CORP = { corpId: 'dingdismiss', appKey: 'dismiss-key', appSecret: 'dismiss-secret', agentId: 2, seed: 41, employees: 200 };
const sandbox = sandboxForTests(CORP);
const { corp } = sandbox;
const REQUEST_ID = expect.stringMatching(/^[0-9a-f]{16}$/);
type Answer<R> = { success: boolean; result: R };
const query = (body: Record<string, unknown>) =>
  legacyPost<Answer<DismissionPage>>(sandbox.handle, sandbox.token, '/topapi/smartwork/hrm/employee/querydimission', body);
const details = (body: Record<string, unknown>) =>
  legacyPost<Answer<DismissionDetail[]>>(sandbox.handle, sandbox.token, '/topapi/smartwork/hrm/employee/listdimission', body);

/** Every departed userid, paging querydimission with `size` the way the client does (next_cursor until absent). */
async function walkDeparted(size: number): Promise<{ userids: string[]; pages: number }> {
  const userids: string[] = [];
  for (let offset: number | undefined = 0, pages = 1; ; pages++) {
    const res = await query({ offset, size });
    expect(res.errcode).toBe(0);
    expect(res.result.data_list.length).toBeLessThanOrEqual(size);
    userids.push(...res.result.data_list);
    offset = res.result.next_cursor;
    if (offset === undefined) return { userids, pages };
    expect(offset).toBe(userids.length);
  }
}

const ordinary = () =>
  [...corp().users.values()].filter((u) => !corp().isManagerAnywhere(u.userid) && !u.admin && !Object.values(corp().demoUsers).includes(u.userid));

describe('hrm dismission', () => {
  // The generated corp has a history (people who left over the last 18 months), so nobody-has-left cannot be asked
  // any more; an offset past the last departure gives the same empty answer.
  it('querydimission lists the generated history oldest first, and answers an empty list without next_cursor past its end', async () => {
    const history = corp().departures.map((d) => d.userid);
    expect(history.length).toBeGreaterThan(10);
    expect((await walkDeparted(50)).userids).toEqual(history);
    expect(await query({ offset: history.length, size: 50 })).toEqual({
      errcode: 0,
      errmsg: 'ok',
      success: true,
      result: { data_list: [] },
      request_id: REQUEST_ID,
    });
  });

  it('lists and details exactly corp.departures after removeUser and advanceMonths', async () => {
    const history = corp().departures.map((d) => d.userid);
    const [a, b] = ordinary();
    corp().removeUser(a!.userid, chinaMs('2026-10-20 00:00:00'));
    corp().removeUser(b!.userid);
    const summary = corp().advanceMonths(2);
    expect(summary.left.length).toBeGreaterThan(0);
    const expected = corp().departures.map((d) => d.userid);
    expect(expected).toEqual([...history, a!.userid, b!.userid, ...summary.left]);

    const walked = await walkDeparted(3);
    expect(walked.userids).toEqual(expected);
    expect(walked.pages).toBe(Math.ceil(expected.length / 3));
    expect((await walkDeparted(50)).userids).toEqual(expected);

    const found: DismissionDetail[] = [];
    for (let i = 0; i < expected.length; i += 50) {
      const res = await details({ userid_list: expected.slice(i, i + 50).join(',') });
      expect(res).toEqual({ errcode: 0, errmsg: 'ok', success: true, result: expect.any(Array), request_id: REQUEST_ID });
      found.push(...res.result);
    }
    expect(found).toEqual(
      corp().departures.map((d) => ({
        userid: d.userid,
        last_work_day: d.last_work_day,
        dept_list: d.dept_list,
        reason_memo: d.reason_memo,
        reason_type: d.reason_type,
        pre_status: d.pre_status,
        status: 2,
        main_dept_name: d.main_dept_name,
        main_dept_id: d.main_dept_id,
        ...(d.handover_userid === undefined ? {} : { handover_userid: d.handover_userid }),
      })),
    );
    const first = found[history.length]!;
    expect(first.userid).toBe(a!.userid);
    expect(first.last_work_day).toBe(chinaMs('2026-10-20 00:00:00'));
    expect(first.dept_list[0]!.dept_path).toMatch(/^留才示范科技有限公司-/);
  });

  it('listdimission returns nothing for people who never left, and accepts arrays and form bodies', async () => {
    const departed = corp().departures[0]!.userid;
    expect((await details({ userid_list: ['demo-employee', 'nobody', departed] })).result.map((d) => d.userid)).toEqual([departed]);
    expect((await details({ userid_list: 'demo-employee,nobody' })).result).toEqual([]);
    const form = await postForm<Answer<DismissionDetail[]>>(`${sandbox.handle.url}/topapi/smartwork/hrm/employee/listdimission?access_token=${sandbox.token}`, {
      userid_list: departed,
    });
    expect(form.body.result.map((d) => d.userid)).toEqual([departed]);
  });

  it('someone hired again is no longer listed as departed', async () => {
    const departed = corp().departures[1]!.userid;
    corp().addUser({ userid: departed });
    expect((await walkDeparted(50)).userids).not.toContain(departed);
    expect((await details({ userid_list: departed })).result).toEqual([]);
  });

  it('answers 400002 for size over 50, more than 50 userids, an empty list or a missing offset', async () => {
    const invalid = { errcode: LegacyErr.invalidParam, errmsg: expect.stringMatching(/^无效的参数/), request_id: REQUEST_ID };
    expect(await query({ offset: 0, size: 51 })).toEqual({ ...invalid, errmsg: expect.stringMatching(/size must be 1..50/) });
    expect(await query({ offset: 0, size: 0 })).toEqual(invalid);
    expect(await query({ size: 10 })).toEqual(invalid);
    const many = Array.from({ length: 51 }, (_, i) => `u${i}`).join(',');
    expect(await details({ userid_list: many })).toEqual({ ...invalid, errmsg: expect.stringMatching(/at most 50/) });
    expect(await details({ userid_list: '' })).toEqual(invalid);
  });
});
