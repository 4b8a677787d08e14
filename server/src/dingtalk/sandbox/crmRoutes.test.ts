import { CRM_FIELDS } from '../wireFacts';
import { crmDataOf, generateCrm } from './crmModel';
import { sandboxForTests } from './sandboxTestCorp';
import { startSandbox } from './startSandbox';
import { postJson } from './testClient';
import { chinaDayNumber } from './workCalendar';
import { DRIFT_DAYS } from './driftModel';

const CORP = { corpId: 'dingcrm', appKey: 'crm-key', appSecret: 'crm-secret', agentId: 3, seed: 43, employees: 200 };
const sandbox = sandboxForTests(CORP);
const { corp } = sandbox;
const corpData = () => crmDataOf(corp());
const post = <T = Record<string, unknown>>(path: string, body: unknown, t: string | null = sandbox.token) =>
  postJson<T>(`${sandbox.handle.url}${path}`, body, t === null ? {} : { 'x-acs-dingtalk-access-token': t });

interface CustomerValue {
  instanceId: string;
  objectType: string;
  createTime: string;
  modifyTime: string;
  creatorUserId: string;
  creatorNick: string;
  data: Record<string, unknown>;
  permission: { ownerStaffIds: string[]; participantStaffIds: string[] };
}
interface CustomerAnswer {
  result: { maxResults: number; nextToken?: string; values: CustomerValue[] };
}
interface ObjectValue {
  instanceId: string;
  objectType: string;
  creatorUserId: string;
  gmtCreate: string;
  gmtModified: string;
  data: Record<string, unknown>;
  permission: { ownerUserIds: string[]; participantUserIds: string[] };
}
interface ObjectAnswer {
  result: { hasMore: boolean; maxResults: number; nextToken?: string; values: ObjectValue[] };
}
interface ErrorAnswer {
  code: string;
  message: string;
  requestid: string;
}

const CUSTOMERS = '/v1.0/crm/customerInstances';
const OBJECTS = '/v1.0/crm/customObjects/datas/query';
const WIRE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

async function walkCustomers(maxResults: number, objectType = 'crm_customer'): Promise<{ values: CustomerValue[]; pages: number }> {
  const values: CustomerValue[] = [];
  for (let nextToken: string | undefined, pages = 1; ; pages++) {
    const res = await post<CustomerAnswer>(CUSTOMERS, { maxResults, objectType, ...(nextToken ? { nextToken } : {}) });
    expect(res.status).toBe(200);
    expect(res.body.result.values.length).toBeLessThanOrEqual(maxResults);
    values.push(...res.body.result.values);
    nextToken = res.body.result.nextToken;
    if (nextToken === undefined) return { values, pages };
  }
}

async function walkObjects(name: string, maxResults: number, queryDsl?: string): Promise<{ values: ObjectValue[]; pages: number }> {
  const values: ObjectValue[] = [];
  for (let nextToken: string | undefined, pages = 1; ; pages++) {
    const res = await post<ObjectAnswer>(OBJECTS, { name, maxResults, ...(queryDsl ? { queryDsl } : {}), ...(nextToken ? { nextToken } : {}) });
    expect(res.status).toBe(200);
    values.push(...res.body.result.values);
    expect(res.body.result.hasMore).toBe(res.body.result.nextToken !== undefined);
    nextToken = res.body.result.nextToken;
    if (!res.body.result.hasMore) return { values, pages };
  }
}

describe('CRM v1.0 endpoints', () => {
  it('needs the token header and answers a wrong one with HTTP 400 InvalidAuthentication', async () => {
    const none = await post<ErrorAnswer>(CUSTOMERS, { maxResults: 10 }, null);
    expect(none.status).toBe(400);
    expect(none.body).toEqual({ code: 'InvalidAuthentication', message: '不合法的access_token', requestid: expect.stringMatching(/^[0-9a-f]{16}$/) });
    // A legacy-style ?access_token= is not how v1.0 takes it.
    const query = await postJson<ErrorAnswer>(`${sandbox.handle.url}${CUSTOMERS}?access_token=${sandbox.token}`, { maxResults: 10 });
    expect(query.body.code).toBe('InvalidAuthentication');
  });

  it('pages all customers with an opaque nextToken; any page size gives the same customers in the same order', async () => {
    const big = await walkCustomers(100);
    const small = await walkCustomers(37);
    expect(big.values.length).toBeGreaterThan(300);
    expect(big.pages).toBe(Math.ceil(big.values.length / 100));
    expect(small.values.map((v) => v.instanceId)).toEqual(big.values.map((v) => v.instanceId));
    expect(new Set(big.values.map((v) => v.instanceId)).size).toBe(big.values.length);
    const first = big.values[0]!;
    expect(first).toMatchObject({ objectType: 'crm_customer', createTime: expect.stringMatching(WIRE_TIME), modifyTime: expect.stringMatching(WIRE_TIME) });
    expect(typeof first.data[CRM_FIELDS.customerName]).toBe('string');
    expect(first.creatorNick).not.toBe('');
    // A customer created by someone who has since left still names them (from the departures, by userid).
    const leftBy = big.values.filter((v) => corp().getUser(v.creatorUserId) === undefined);
    expect(leftBy.length).toBeGreaterThan(0);
    for (const v of leftBy) expect(v.creatorNick).toBe(corp().getDeparture(v.creatorUserId)!.name);
    // Customers are owned by salespeople; a few sit in the public pool without an owner.
    const owned = big.values.filter((v) => v.permission.ownerStaffIds.length === 1);
    expect(owned.length).toBeGreaterThan(big.values.length * 0.9);
    expect(owned.length).toBeLessThan(big.values.length);
    // The token means nothing readable to a client.
    const page = await post<CustomerAnswer>(CUSTOMERS, { maxResults: 5 });
    expect(page.body.result.nextToken).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(page.body.result.nextToken).not.toBe('5');
    // Personal customers: a list of their own, paged the same way, none of them among the enterprise customers.
    const personal = await walkCustomers(7, 'crm_customer_personal');
    expect(personal.values.length).toBe(corpData().personalCustomers.length);
    expect(personal.values.length).toBeGreaterThan(10);
    expect(personal.values.every((v) => v.objectType === 'crm_customer_personal' && v.permission.ownerStaffIds.length === 1)).toBe(true);
    const enterprise = new Set(big.values.map((v) => v.instanceId));
    expect(personal.values.some((v) => enterprise.has(v.instanceId))).toBe(false);
  });

  it.each([
    [{}, 'maxResults is mandatory'],
    [{ maxResults: 101 }, 'maxResults must be 1..100, got 101'],
    [{ maxResults: 0 }, 'maxResults must be 1..100, got 0'],
    [{ maxResults: 'ten' }, 'maxResults: expected an integer'],
    [{ maxResults: 10, nextToken: 'bm9wZQ' }, 'nextToken is invalid'],
  ])('customerInstances %j: HTTP 400 param.error', async (body, message) => {
    const res = await post<ErrorAnswer>(CUSTOMERS, body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('param.error');
    expect(res.body.message).toContain(message);
    expect(res.body.requestid).toMatch(/^[0-9a-f]{16}$/);
  });

  it('rejects an unknown object type or object name with invalid.objectType, and a token of another query', async () => {
    const type = await post<ErrorAnswer>(CUSTOMERS, { maxResults: 10, objectType: 'crm_lead' });
    expect([type.status, type.body.code]).toEqual([400, 'invalid.objectType']);
    const name = await post<ErrorAnswer>(OBJECTS, { name: 'crm_nothing', maxResults: 10 });
    expect([name.status, name.body.code]).toEqual([400, 'invalid.objectType']);
    const missing = await post<ErrorAnswer>(OBJECTS, { maxResults: 10 });
    expect([missing.status, missing.body.code]).toEqual([400, 'param.error']);
    const customersToken = (await post<CustomerAnswer>(CUSTOMERS, { maxResults: 5 })).body.result.nextToken;
    const replay = await post<ErrorAnswer>(OBJECTS, { name: 'crm_contract', maxResults: 5, nextToken: customersToken });
    expect([replay.status, replay.body.code]).toEqual([400, 'param.error']);
    const badDsl = await post<ErrorAnswer>(OBJECTS, { name: 'crm_contract', maxResults: 5, queryDsl: '{"queryGroupList":' });
    expect([badDsl.status, badDsl.body.code]).toEqual([400, 'param.error']);
    const tooMany = await post<ErrorAnswer>(OBJECTS, { name: 'crm_contract', maxResults: 500 });
    expect([tooMany.status, tooMany.body.code]).toEqual([400, 'param.error']);
  });

  it('serves contracts with hasMore/nextToken paging and filters them by gmt_modified', async () => {
    const all = await walkObjects('crm_contract', 100);
    expect(all.values.length).toBeGreaterThan(300);
    const c = all.values[0]!;
    expect(c).toMatchObject({ objectType: 'crm_contract', gmtCreate: expect.stringMatching(WIRE_TIME), gmtModified: expect.stringMatching(WIRE_TIME) });
    expect(c.data[CRM_FIELDS.contractAmount]).toMatch(/^\d+\.\d{2}$/);
    expect(typeof c.data[CRM_FIELDS.contractSignDate]).toBe('number');
    expect(['active', 'completed', 'cancelled']).toContain(c.data[CRM_FIELDS.contractStatus]);
    expect((await walkObjects('crm_contract', 33)).values.map((v) => v.instanceId)).toEqual(all.values.map((v) => v.instanceId));

    const since = Date.UTC(2026, 9, 1) - 8 * 3600_000; // 2026-10-01 Beijing
    const dsl = JSON.stringify({
      queryGroupList: [{ logicType: 'AND', queryObjectList: [{ fieldId: 'gmt_modified', filterType: 'GE', value: String(since) }] }],
    });
    const recent = await walkObjects('crm_contract', 100, dsl);
    expect(recent.values.length).toBeGreaterThan(0);
    expect(recent.values.length).toBeLessThan(all.values.length / 4);
    expect(recent.values.every((v) => v.gmtModified >= '2026-10-01 00:00:00')).toBe(true);
    const expected = all.values.filter((v) => v.gmtModified >= '2026-10-01 00:00:00').map((v) => v.instanceId);
    expect(recent.values.map((v) => v.instanceId).sort()).toEqual(expected.sort());
  });

  it('stops listing a customer, personal customer, contract or follow record deleted through the control, and lists it again once restored', async () => {
    const control = (id: string, action: 'delete' | 'restore', corpId = CORP.corpId) =>
      postJson<{ instanceId?: string; deleted?: boolean; error?: string }>(`${sandbox.handle.url}/sandbox/corps/${corpId}/crm/records/${id}/${action}`, {});
    const ids = (values: { instanceId: string }[]) => values.map((v) => v.instanceId);
    const lists = async () => ({
      customers: ids((await walkCustomers(100)).values),
      personal: ids((await walkCustomers(100, 'crm_customer_personal')).values),
      contracts: ids((await walkObjects('crm_contract', 100)).values),
      follows: ids((await walkObjects('crm_follow_record', 100)).values),
    });
    const before = await lists();
    const picked = { customers: before.customers[4]!, personal: before.personal[1]!, contracts: before.contracts[150]!, follows: before.follows[7]! };
    try {
      for (const id of Object.values(picked)) expect((await control(id, 'delete')).body).toEqual({ instanceId: id, deleted: true });
      const after = await lists();
      for (const key of Object.keys(picked) as (keyof typeof picked)[]) {
        expect(after[key]).toEqual(before[key].filter((id) => id !== picked[key]));
      }
      // A query filtered by modification time no longer shows a deleted contract either.
      const dsl = JSON.stringify({ queryGroupList: [{ queryObjectList: [{ fieldId: 'gmt_modified', filterType: 'GE', value: '0' }] }] });
      expect(ids((await walkObjects('crm_contract', 100, dsl)).values)).not.toContain(picked.contracts);
    } finally {
      for (const id of Object.values(picked)) expect((await control(id, 'restore')).body).toEqual({ instanceId: id, deleted: false });
    }
    expect(await lists()).toEqual(before);
    const unknown = await control('no-such-record', 'delete');
    expect([unknown.status, unknown.body.error]).toEqual([404, 'not_found']);
    expect((await control(picked.contracts, 'delete', 'dingnobody')).status).toBe(404);
  });

  it('serves follow records with their participants, under a renamed object too', async () => {
    corp().crmObjects.followRecords = 'PROC-FOLLOW-1';
    try {
      const res = await post<ObjectAnswer>(OBJECTS, { name: 'PROC-FOLLOW-1', maxResults: 100 });
      expect(res.status).toBe(200);
      expect(res.body.result.hasMore).toBe(true);
      const v = res.body.result.values[0]!;
      expect(v.objectType).toBe('PROC-FOLLOW-1');
      expect(v.permission.ownerUserIds).toEqual([v.creatorUserId]);
      expect(typeof v.data[CRM_FIELDS.followTime]).toBe('number');
      expect(typeof v.data[CRM_FIELDS.followCustomer]).toBe('string');
      expect((await post<ErrorAnswer>(OBJECTS, { name: 'crm_follow_record', maxResults: 10 })).body.code).toBe('invalid.objectType');
    } finally {
      corp().crmObjects.followRecords = 'crm_follow_record';
    }
  });
});

describe('the generated CRM', () => {
  const data = () => generateCrm(corp());

  it('is the same for the same seed and people', async () => {
    const twin = await startSandbox({ port: 0, corps: [{ ...CORP, corpId: 'dingcrm2' }] });
    try {
      const other = generateCrm(twin.corps.get('dingcrm2')!);
      expect(other.contracts.map((c) => [c.instanceId, c.amountFen, c.status])).toEqual(data().contracts.map((c) => [c.instanceId, c.amountFen, c.status]));
      expect(other.followRecords.length).toBe(data().followRecords.length);
    } finally {
      await twin.close();
    }
  });

  it('shifts deals from small to big over the transition year, renews and cancels some', () => {
    const { contracts } = data();
    const today = chinaDayNumber(corp().asOfMs);
    const bigShare = (from: number, to: number) => {
      const inRange = contracts.filter((c) => chinaDayNumber(c.signMs) >= today - from && chinaDayNumber(c.signMs) < today - to);
      return inRange.filter((c) => c.amountFen >= 1_000_000).length / inRange.length;
    };
    const before = bigShare(730, 365);
    const lastQuarter = bigShare(91, 0);
    expect(lastQuarter).toBeGreaterThan(before * 2);
    expect(contracts.some((c) => c.amountFen < 300_000)).toBe(true);
    expect(contracts.some((c) => c.amountFen >= 300_000 && c.amountFen < 1_000_000)).toBe(true);
    expect(contracts.filter((c) => c.renewalYears > 0).length).toBeGreaterThan(contracts.length * 0.1);
    const cancelled = contracts.filter((c) => c.status === 'cancelled').length;
    expect(cancelled).toBeGreaterThan(0);
    expect(cancelled).toBeLessThan(contracts.length * 0.15);
    expect(contracts.some((c) => c.owner === null)).toBe(true);
  });

  it('brings people from other departments into follow-ups, and drifters follow up less as they drift', () => {
    const { followRecords } = data();
    const c = corp();
    const withHelpers = followRecords.filter((f) => f.participants.length > 0);
    expect(withHelpers.length).toBeGreaterThan(followRecords.length * 0.05);
    const mainKind = (userid: string) => c.getDept(c.getUser(userid)?.dept_id_list[0] ?? 1)?.kind;
    const helperKinds = new Set(withHelpers.flatMap((f) => f.participants.map(mainKind)).filter((k) => k !== undefined));
    expect([...helperKinds].some((k) => k!.startsWith('tech'))).toBe(true);
    expect(helperKinds.has('customerSuccess')).toBe(true);

    const drifters = new Set(c.driftingUserids());
    expect(drifters.size).toBeGreaterThan(0);
    const horizon = chinaDayNumber(c.driftReferenceMs);
    let inDrift = 0;
    let before = 0;
    for (const f of followRecords) {
      if (!drifters.has(f.owner) || !c.getUser(f.owner)) continue;
      const day = chinaDayNumber(f.followMs);
      if (day >= horizon - DRIFT_DAYS) inDrift++;
      else if (day >= horizon - 2 * DRIFT_DAYS) before++;
    }
    expect(before).toBeGreaterThan(0);
    expect(inDrift).toBeLessThan(before * 0.8);
  });

  it("stops a salesperson's follow-ups at their last day once they leave (the served data follows the people)", () => {
    const c = corp();
    const before = crmDataOf(c);
    const seller = before.followRecords.find(
      (f) => c.getUser(f.owner) && !Object.values(c.demoUsers).includes(f.owner) && !c.isManagerAnywhere(f.owner),
    )!.owner;
    const lastDayMs = c.asOfMs - 60 * 86_400_000;
    expect(before.followRecords.some((f) => f.owner === seller && f.followMs >= lastDayMs + 86_400_000)).toBe(true);
    c.removeUser(seller, lastDayMs);
    const after = crmDataOf(c);
    expect(after).not.toBe(before);
    const mine = after.followRecords.filter((f) => f.owner === seller);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((f) => f.followMs < lastDayMs + 86_400_000)).toBe(true);
    // Their customers and contracts stay (DingTalk keeps them with the departed owner until someone takes them over).
    expect(after.customers.filter((x) => x.creator === seller).length).toBe(before.customers.filter((x) => x.creator === seller).length);
  });
});
