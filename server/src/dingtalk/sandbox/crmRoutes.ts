/**
 * CRM v1.0 endpoints (doc 5): POST /v1.0/crm/customerInstances (all customers, paged) and
 * POST /v1.0/crm/customObjects/datas/query (one custom object's rows: the corp's contract and follow-record objects,
 * optionally filtered by queryDsl). Token in header x-acs-dingtalk-access-token; errors HTTP 400
 * `{code, message, requestid}` with CRM's own codes (`param.error`, `invalid.objectType`); `maxResults` 1..100;
 * `nextToken` is opaque and only valid for the query that issued it.
 */
import type { Context } from 'koa';
import { CRM_CUSTOMER_OBJECT_TYPE, CRM_FIELDS, CRM_MAX_RESULTS, CRM_PARAM_ERROR, CRM_PERSONAL_CUSTOMER_OBJECT_TYPE } from '../wireFacts';
import { optionalString, ParamError, paramsOf, requiredInt, type Params } from './bodyParams';
import { v1Caller } from './callerAuth';
import { crmDataOf, type CrmContract, type CrmData, type CrmFollowRecord } from './crmModel';
import { dingtalkRoute, type RouteTarget } from './dingtalkGuard';
import { followUpText } from './followUpText';
import type { SandboxCorp } from './SandboxCorp';
import type { SandboxState } from './sandboxState';
import { hash53 } from './stableIds';
import { v1Error } from './wire';
import { formatChinaDateTime } from './workCalendar';

const INVALID_OBJECT_TYPE = 'invalid.objectType';

/** A CRM parameter problem: answered HTTP 400 `param.error` (CRM's code, not the gateway's MissingX). */
class CrmParamError extends Error {}

/** maxResults: required, 1..100. */
function maxResultsOf(p: Params): number {
  let n: number;
  try {
    n = requiredInt(p, 'maxResults');
  } catch (err) {
    if (err instanceof ParamError) throw new CrmParamError(err.message);
    throw err;
  }
  if (n < 1 || n > CRM_MAX_RESULTS) throw new CrmParamError(`maxResults must be 1..${CRM_MAX_RESULTS}, got ${n}`);
  return n;
}

/** The offset a nextToken stands for; the token carries a hash of its query so it cannot be replayed on another. */
function offsetOf(p: Params, query: string): number {
  const token = optionalString(p, 'nextToken');
  if (token === undefined) return 0;
  const m = /^(\d{1,9})\.([0-9a-z]+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (!m || m[2] !== hash53(query).toString(36)) throw new CrmParamError('nextToken is invalid or belongs to another query');
  return Number(m[1]);
}

const tokenFor = (offset: number, query: string) => Buffer.from(`${offset}.${hash53(query).toString(36)}`, 'utf8').toString('base64url');

/** One condition of a queryDsl. */
interface Condition {
  fieldId: string;
  filterType: string;
  value: string;
}

/** Parse queryDsl `{"queryGroupList":[{"logicType":"AND","queryObjectList":[{fieldId, filterType, value}]}]}`. */
function parseDsl(text: string | undefined): Condition[] {
  if (text === undefined) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new CrmParamError('queryDsl is not JSON');
  }
  const groups = (parsed as { queryGroupList?: unknown }).queryGroupList;
  if (!Array.isArray(groups)) throw new CrmParamError('queryDsl needs a queryGroupList');
  const out: Condition[] = [];
  for (const g of groups as { logicType?: unknown; queryObjectList?: unknown }[]) {
    if (g.logicType !== undefined && g.logicType !== 'AND') throw new CrmParamError('the sandbox supports logicType AND only');
    if (!Array.isArray(g.queryObjectList)) throw new CrmParamError('queryDsl group needs a queryObjectList');
    for (const o of g.queryObjectList as Record<string, unknown>[]) {
      if (typeof o.fieldId !== 'string' || (typeof o.value !== 'string' && typeof o.value !== 'number'))
        throw new CrmParamError('queryDsl condition needs fieldId and value');
      const filterType = typeof o.filterType === 'string' ? o.filterType : 'EQ';
      if (!['EQ', 'GE', 'GT', 'LE', 'LT'].includes(filterType)) throw new CrmParamError(`unsupported filterType ${filterType}`);
      out.push({ fieldId: o.fieldId, filterType, value: String(o.value) });
    }
  }
  return out;
}

/** A row as queryDsl sees it; `fields` builds the data map on demand (most queries only filter on times). */
type Row = { createMs: number; modifyMs: number; fields: () => Record<string, unknown> };

function matches(row: Row, c: Condition): boolean {
  const actual = c.fieldId === 'gmt_modified' ? row.modifyMs : c.fieldId === 'gmt_create' ? row.createMs : row.fields()[c.fieldId];
  if (actual === undefined) return false;
  if (c.filterType === 'EQ') return String(actual) === c.value;
  const a = Number(actual);
  const v = Number(c.value);
  if (!Number.isFinite(v)) throw new CrmParamError(`${c.fieldId}: ${c.filterType} needs a number`);
  return c.filterType === 'GE' ? a >= v : c.filterType === 'GT' ? a > v : c.filterType === 'LE' ? a <= v : a < v;
}

const yuanText = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

function contractFields(c: CrmContract): Record<string, unknown> {
  return {
    [CRM_FIELDS.contractCustomer]: c.customerId,
    [CRM_FIELDS.contractCustomerName]: c.customerName,
    [CRM_FIELDS.contractAmount]: yuanText(c.amountFen),
    [CRM_FIELDS.contractSignDate]: c.signMs,
    [CRM_FIELDS.contractStatus]: c.status,
    [CRM_FIELDS.contractRenewalYears]: c.renewalYears,
  };
}

function followFields(f: CrmFollowRecord): Record<string, unknown> {
  return {
    [CRM_FIELDS.followCustomer]: f.customerId,
    [CRM_FIELDS.followTime]: f.followMs,
    [CRM_FIELDS.followType]: f.type,
    [CRM_FIELDS.followContent]: followUpText(f),
  };
}

interface ObjectRow extends Row {
  instanceId: string;
  creator: string;
  owners: string[];
  participants: string[];
}

/**
 * Query results per generated dataset: paging a large object re-filters nothing. A test that edits generated records
 * in place must ask a query it has not asked before (e.g. a later gmt_modified), or it is answered from here.
 */
const filtered = new WeakMap<CrmData, Map<string, ObjectRow[]>>();

const contractRow = (c: CrmContract): ObjectRow => ({
  instanceId: c.instanceId,
  creator: c.creator,
  owners: c.owner ? [c.owner] : [],
  participants: [],
  createMs: c.createMs,
  modifyMs: c.modifyMs,
  fields: () => contractFields(c),
});

const followRow = (f: CrmFollowRecord): ObjectRow => ({
  instanceId: f.instanceId,
  creator: f.owner,
  owners: [f.owner],
  participants: f.participants,
  createMs: f.createMs,
  modifyMs: f.modifyMs,
  fields: () => followFields(f),
});

/**
 * The records whose rows match, each row made and tested in turn: a window of a large object no longer builds (and,
 * as it outlives young collections, promotes to the old heap) a row for every record first.
 */
function matching<T>(records: readonly T[], toRow: (r: T) => ObjectRow, conditions: Condition[]): ObjectRow[] {
  const out: ObjectRow[] = [];
  for (const record of records) {
    const row = toRow(record);
    if (conditions.every((c) => matches(row, c))) out.push(row);
  }
  return out;
}

/** The rows of a custom object that match the conditions (cached per generated dataset and query). */
function objectRows(corp: SandboxCorp, kind: 'contracts' | 'followRecords', conditions: Condition[]): ObjectRow[] {
  const data = crmDataOf(corp);
  const key = `${kind}:${JSON.stringify(conditions)}`;
  const byQuery = filtered.get(data) ?? new Map<string, ObjectRow[]>();
  filtered.set(data, byQuery);
  const hit = byQuery.get(key);
  if (hit) return hit;
  const out = kind === 'contracts' ? matching(data.contracts, contractRow, conditions) : matching(data.followRecords, followRow, conditions);
  if (byQuery.size > 20) byQuery.clear();
  byQuery.set(key, out);
  return out;
}

function nickOf(corp: SandboxCorp, userid: string): string {
  return corp.getUser(userid)?.name ?? corp.getDeparture(userid)?.name ?? '';
}

/** Run `handler`, answering CRM parameter problems as HTTP 400 param.error. */
function crmHandler(state: SandboxState, handler: (ctx: Context, corp: SandboxCorp, p: Params) => void) {
  return (ctx: Context): void => {
    const corp = v1Caller(ctx, state);
    if (!corp) return;
    try {
      handler(ctx, corp, paramsOf(ctx.request.body));
    } catch (err) {
      if (err instanceof CrmParamError || err instanceof ParamError) return v1Error(ctx, 400, CRM_PARAM_ERROR, err.message);
      throw err;
    }
  };
}

/** Register the CRM endpoints. */
export function registerCrmRoutes(router: RouteTarget, state: SandboxState): void {
  dingtalkRoute(
    router,
    state,
    'post',
    '/v1.0/crm/customerInstances',
    crmHandler(state, (ctx, corp, p) => {
      const objectType = optionalString(p, 'objectType') ?? CRM_CUSTOMER_OBJECT_TYPE;
      if (objectType !== CRM_CUSTOMER_OBJECT_TYPE && objectType !== CRM_PERSONAL_CUSTOMER_OBJECT_TYPE) {
        return v1Error(ctx, 400, INVALID_OBJECT_TYPE, `objectType ${objectType} does not exist`);
      }
      optionalString(p, 'operatorUserId');
      const maxResults = maxResultsOf(p);
      const query = `customers:${objectType}`;
      const offset = offsetOf(p, query);
      const data = crmDataOf(corp);
      const all = objectType === CRM_CUSTOMER_OBJECT_TYPE ? data.customers : data.personalCustomers;
      const page = all.slice(offset, offset + maxResults);
      const next = offset + maxResults < all.length ? tokenFor(offset + maxResults, query) : undefined;
      ctx.body = {
        result: {
          maxResults,
          ...(next ? { nextToken: next } : {}),
          values: page.map((c) => ({
            instanceId: c.instanceId,
            objectType,
            createTime: formatChinaDateTime(c.createMs),
            modifyTime: formatChinaDateTime(c.modifyMs),
            creatorUserId: c.creator,
            creatorNick: nickOf(corp, c.creator),
            data: { [CRM_FIELDS.customerName]: c.name },
            extendData: {},
            permission: { ownerStaffIds: c.owner ? [c.owner] : [], participantStaffIds: [] },
            processInstanceStatus: 'COMPLETED',
            processOutResult: 'agree',
          })),
        },
      };
    }),
  );

  dingtalkRoute(
    router,
    state,
    'post',
    '/v1.0/crm/customObjects/datas/query',
    crmHandler(state, (ctx, corp, p) => {
      const name = optionalString(p, 'name');
      if (name === undefined) throw new CrmParamError('name is mandatory for this action.');
      const kind = name === corp.crmObjects.contracts ? 'contracts' : name === corp.crmObjects.followRecords ? 'followRecords' : undefined;
      if (!kind) return v1Error(ctx, 400, INVALID_OBJECT_TYPE, `no custom object named ${name}`);
      optionalString(p, 'currentOperatorUserId');
      const maxResults = maxResultsOf(p);
      const conditions = parseDsl(optionalString(p, 'queryDsl'));
      const query = `${name}:${JSON.stringify(conditions)}`;
      const offset = offsetOf(p, query);
      const rows = objectRows(corp, kind, conditions);
      const page = rows.slice(offset, offset + maxResults);
      const hasMore = offset + maxResults < rows.length;
      ctx.body = {
        result: {
          hasMore,
          maxResults,
          ...(hasMore ? { nextToken: tokenFor(offset + maxResults, query) } : {}),
          values: page.map((r) => ({
            instanceId: r.instanceId,
            objectType: name,
            creatorUserId: r.creator,
            creatorNick: nickOf(corp, r.creator),
            data: r.fields(),
            extendData: {},
            gmtCreate: formatChinaDateTime(r.createMs),
            gmtModified: formatChinaDateTime(r.modifyMs),
            permission: { ownerUserIds: r.owners, participantUserIds: r.participants },
            procInstStatus: 'COMPLETED',
            procOutResult: 'agree',
          })),
        },
      };
    }),
  );
}
