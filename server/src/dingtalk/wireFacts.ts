/**
 * Facts about DingTalk's wire behaviour that both the client and the sandbox rely on. Several are marked
 * UNCONFIRMED in ../shared/docs/dingtalk-api.md; they live here, and only here, so that a correction is one edit.
 */

/** Token lifetime DingTalk announces (`expires_in` / `expireIn`), seconds. */
export const TOKEN_TTL_SECONDS = 7200;
/** Refresh a cached token this many seconds before DingTalk would expire it (doc: 200-300 s). */
export const TOKEN_REFRESH_MARGIN_SECONDS = 300;
/** jsapi ticket lifetime, seconds. UNCONFIRMED (doc 2.3): assumed like the token. */
export const JSAPI_TICKET_TTL_SECONDS = 7200;
/** Auth codes from requestAuthCode live 5 minutes and may be used once (doc 2.2). */
export const AUTH_CODE_TTL_SECONDS = 300;

/** Largest `size` for /topapi/v2/user/list. UNCONFIRMED (doc 3.3): 100, as for the sibling listsimple. */
export const USER_LIST_MAX_SIZE = 100;
/** Default per-API call rate we allow ourselves; DingTalk standard edition allows 20 QPS per app per API. */
export const DEFAULT_CALLS_PER_SECOND = 18;

/** Legacy (oapi) errcodes. */
export const LegacyErr = {
  ok: 0,
  systemBusy: -1,
  authOrBan: 88,
  invalidToken: 40014,
  /** WeCom's "token expired" code, handled like 40014 defensively. UNCONFIRMED for DingTalk. */
  tokenExpired: 42001,
  invalidAuthCode: 40078,
  /** Bad appkey/appsecret on /gettoken. UNCONFIRMED (doc 1.3). */
  invalidAppCredentials: 40089,
  deptNotFound: 60003,
  notFound: 60121,
  invalidParam: 400002,
  globalThrottled: 90002,
  corpApiPerMinute: 90005,
  appKeyApiPerMinute: 90006,
  corpAppApiPerSecond: 90018,
  /** The organisation's monthly API quota is used up (doc 8.1); lasts until the month ends or the edition grows. */
  monthlyQuota: 90020,
} as const;

/** Legacy errcodes worth retrying with backoff (throttling and "busy"). */
export const RETRYABLE_LEGACY_CODES: ReadonlySet<number> = new Set([
  LegacyErr.systemBusy,
  LegacyErr.globalThrottled,
  LegacyErr.corpApiPerMinute,
  LegacyErr.appKeyApiPerMinute,
  LegacyErr.corpAppApiPerSecond,
]);
/** Legacy errcodes that mean "drop the cached token and try once more". */
export const INVALID_TOKEN_LEGACY_CODES: ReadonlySet<number> = new Set([LegacyErr.invalidToken, LegacyErr.tokenExpired]);

/** v1.0 (api.dingtalk.com) error codes; errors come as HTTP 4xx with `{ code, message, requestid }`. */
export const V1Err = {
  /** Real DingTalk answers this with HTTP 400, not 401 (doc 1.3). */
  invalidToken: 'InvalidAuthentication',
  invalidTokenStatus: 400,
  /** v1.0 QPS exceeded: HTTP 403; the code name is UNCONFIRMED (doc 8). */
  qpsLimit: 'Forbidden.AccessDenied.QpsLimitForAppkeyAndApi',
  qpsLimitStatus: 403,
  /** CRM documents throttling as HTTP 400 `request.too.frequent`. */
  tooFrequent: 'request.too.frequent',
  /** Bad appKey/appSecret on POST /v1.0/oauth2/accessToken. UNCONFIRMED (doc 1.3). */
  invalidClient: 'invalidClientIdOrSecret',
  systemError: 'systemError',
} as const;

/** v1.0 codes worth retrying (besides any HTTP 5xx and HTTP 403 QPS answers). */
export const RETRYABLE_V1_CODES: ReadonlySet<string> = new Set([V1Err.qpsLimit, V1Err.tooFrequent, V1Err.systemError]);

/**
 * errcode 88 `sub_code`s that mean a missing permission or app misconfiguration, so retrying cannot help (doc 1.3, 8).
 * 60011 "没有调用该接口的权限" is documented; 60020 "访问ip不在白名单之中" is UNCONFIRMED under 88. Any other 88
 * (doc 8: also brief "too fast" bans) is retried. Added for the client's retry policy.
 */
export const LEGACY_88_PERMISSION_SUB_CODES: ReadonlySet<string> = new Set(['60011', '60020']);
/**
 * v1.0 monthly API quota exhausted (doc 8): comes as HTTP 403 like QPS throttling but lasts until next month, so it
 * is not retried. Added for the client's retry policy.
 */
export const V1_MONTHLY_QUOTA_CODE = 'Forbidden.AccessDenied.ApiCountLimitForOrg';

/**
 * /attendance/list and /attendance/listRecord: at most 50 people per call (doc 4.1). People who have left may be
 * among them and are answered with their records up to the last working day (as are getleavestatus and the approval
 * instances): UNCONFIRMED, doc 4 says nothing either way. The sandbox answers so, and the syncs ask for people who
 * left within the window (modules/sync/queries/peopleWithHistory.ts).
 */
export const ATTENDANCE_MAX_USERS = 50;
/** /attendance/list and /attendance/listRecord: workDateFrom..workDateTo at most 7 days apart (doc 4.1). */
export const ATTENDANCE_MAX_DAYS = 7;
/** /attendance/list: `limit` at most 50 rows per page (doc 4.1). */
export const ATTENDANCE_PAGE_MAX = 50;
/** /topapi/attendance/getleavestatus: at most 100 people per call (doc 4.3). */
export const LEAVE_STATUS_MAX_USERS = 100;
/** /topapi/attendance/getleavestatus: start_time..end_time at most 180 days (doc 4.3). */
export const LEAVE_STATUS_MAX_DAYS = 180;
/** /topapi/attendance/getleavestatus: `size` at most 100 leaves per page (doc 4.3). */
export const LEAVE_STATUS_PAGE_MAX = 100;
/**
 * hrm querydimission page size and listdimission userid_list: at most 50 (doc 11.1, 11.2). The querydimission
 * limit is UNCONFIRMED: assumed like its documented sibling queryonjob.
 */
export const DISMISSION_MAX_USERS = 50;

/** Stream mode (doc 7.1): path of the gateway call that hands out a WebSocket endpoint and ticket. */
export const STREAM_OPEN_PATH = '/v1.0/gateway/connections/open';
/** A Stream ticket is valid for 90 s and can be used once (doc 7.1). */
export const STREAM_TICKET_TTL_SECONDS = 90;
/** Unacknowledged or LATER events are pushed again after about 60 s (doc 7.1, "≈60 s"). */
export const STREAM_REDELIVERY_MS = 60_000;
/** After a SYSTEM `disconnect` frame the server closes the socket 10 s later (doc 7.1). */
export const STREAM_DISCONNECT_GRACE_MS = 10_000;
/** Bad clientId/clientSecret on the gateway call. UNCONFIRMED (doc 7.1 names no error): answered like a bad v1.0 client. */
export const STREAM_OPEN_BAD_CREDENTIALS = { status: 401, code: V1Err.invalidClient } as const;
/** `headers.topic` of an EVENT frame. UNCONFIRMED: `*`, the only event topic one can subscribe to (doc 7.1.6). */
export const STREAM_EVENT_TOPIC = '*';
/** The WebSocket close code a rejected ticket gets, and an HTTP status for the refused upgrade. UNCONFIRMED. */
export const STREAM_TICKET_REJECTED_STATUS = 401;
/**
 * Whether a redelivered event keeps its messageId. UNCONFIRMED: the sandbox gives each push a new messageId
 * and keeps the eventId, so the receiver must deduplicate on eventId (doc 7.1.4 says exactly that).
 */
export const STREAM_REDELIVERY_NEW_MESSAGE_ID = true;
/**
 * Stream `data` of contact events: `{"timeStamp": "…", "userId": […]}` (doc 7.1, 7.2); department events carry
 * `deptId: […]`. The department field name is UNCONFIRMED.
 */
export const STREAM_DEPT_FIELD = 'deptId';
/** Events pushed while no client is connected wait for the next connection. UNCONFIRMED (doc 7.1 is silent). */
export const STREAM_HOLDS_EVENTS_WHILE_OFFLINE = true;
/** v1.0 CRM list APIs: `maxResults` at most 100 (doc 5, documented for customerInstances and personalCustomers). */
export const CRM_MAX_RESULTS = 100;
/** CRM's error code for a bad or out-of-range parameter, answered with HTTP 400 (doc 5). */
export const CRM_PARAM_ERROR = 'param.error';
/** `objectType` of enterprise customers on POST /v1.0/crm/customerInstances (doc 5). */
export const CRM_CUSTOMER_OBJECT_TYPE = 'crm_customer';
/**
 * `objectType` of personal customers on the same endpoint (doc 5). That a personal customer's name sits under the
 * same `customer_name` field id as an enterprise customer's is UNCONFIRMED (the sandbox serves it so).
 */
export const CRM_PERSONAL_CUSTOMER_OBJECT_TYPE = 'crm_customer_personal';
/**
 * Field ids inside CRM `data` maps. They are per-corp form settings in DingTalk (doc 5: "free-form maps keyed by
 * form field ids"); `customer_name` is documented, the contract and follow-record ids are UNCONFIRMED conventions
 * the sandbox serves. A corp whose forms differ changes them here, in one place.
 */
export const CRM_FIELDS = {
  customerName: 'customer_name',
  contractCustomer: 'contract_customer_id',
  contractCustomerName: 'contract_customer_name',
  contractAmount: 'contract_amount',
  contractSignDate: 'contract_sign_date',
  contractStatus: 'contract_status',
  contractRenewalYears: 'contract_renewal_years',
  followCustomer: 'follow_customer_id',
  followTime: 'follow_time',
  followType: 'follow_type',
  followContent: 'follow_content',
} as const;
/**
 * Follow records are read as a custom object (POST /v1.0/crm/customObjects/datas/query, 100 a page over the whole
 * corp), not per customer with POST /v1.0/crm/targetFollowRecords/query: that one needs at least one call per
 * customer (50,000 customers at 10,000 people = 50,000+ calls a pass, five months of the standard edition's
 * metered quota), the object query needs rows/100 and can be limited to rows changed since the last pass. That the
 * follow-record object is queryable by name like any custom object, and under this default name, is UNCONFIRMED
 * (doc 5 names it as the example); CRM_FOLLOW_RECORD_OBJECT overrides the name.
 */
export const DEFAULT_CRM_FOLLOW_RECORD_OBJECT = 'crm_follow_record';
/** Default name of the contract custom object. Real corps name their own (a form code such as PROC-…): configure it. */
export const DEFAULT_CRM_CONTRACT_OBJECT = 'crm_contract';
/**
 * queryDsl of POST /v1.0/crm/customObjects/datas/query: `{"queryGroupList":[{"logicType":"AND","queryObjectList":
 * [{fieldId, filterType, value}]}]}`. The format is the legacy one, assumed for v1.0 (UNCONFIRMED, doc 5), as are
 * the system field `gmt_modified` and filterType `GE` the sync uses to read only rows changed since its last pass.
 */
export const CRM_DSL_MODIFIED_FIELD = 'gmt_modified';
export const CRM_DSL_GE = 'GE';
/** POST /v1.0/workflow/processes/instanceIds/query: `maxResults` at most 20. UNCONFIRMED (doc 4.4): commonly documented. */
export const WORKFLOW_LIST_MAX_RESULTS = 20;
/** POST /v1.0/workflow/processes/instanceIds/query: startTime..endTime at most 120 days. UNCONFIRMED (doc 4.4). */
export const WORKFLOW_LIST_MAX_DAYS = 120;
/**
 * Approval instance `status` values (doc 4.4: NEW/RUNNING/COMPLETED/TERMINATED/CANCELED) and `result` values
 * (agree/refuse). The exact lists are UNCONFIRMED; COMPLETED/TERMINATED and agree/refuse are seen in TOP docs.
 */
export const WORKFLOW_STATUSES = ['NEW', 'RUNNING', 'COMPLETED', 'TERMINATED', 'CANCELED'] as const;
export type WorkflowStatus = (typeof WORKFLOW_STATUSES)[number];
/**
 * The leave form's holiday component (componentType DDHolidayField). `value` is a JSON array
 * [start "yyyy-MM-dd HH:mm", end, duration, unit "day"|"halfDay"|"hour", leave name, "请假类型"] and `extValue` a
 * JSON object carrying the leave code among other details. UNCONFIRMED: the shape is from secondary sources.
 */
export const LEAVE_FORM_COMPONENT = 'DDHolidayField';

/** asyncsend_v2: at most 5,000 userids per call for an internal app (doc 6.1). */
export const MESSAGE_MAX_USERIDS = 5000;
/** Work notifications: at most 5,000 recipients a minute (doc 6.1; more are dropped silently). */
export const MESSAGE_RECIPIENTS_PER_MINUTE = 5000;
/** Work notifications: at most 500 messages per person per day from an internal app (doc 6.1; more dropped silently). */
export const MESSAGE_PER_PERSON_DAILY = 500;
/** getsendprogress / getsendresult answer only for tasks of the last 24 hours (doc 6.2, 6.3). */
export const MESSAGE_TASK_QUERY_HOURS = 24;
/** getsendresult times out ("Call timeout") for tasks with more than 100 recipients (doc 6.3). */
export const MESSAGE_RESULT_MAX_RECIPIENTS = 100;
/** recall works on messages of the last 24 hours. UNCONFIRMED (doc 6.4 names no window): assumed like the queries. */
export const MESSAGE_RECALL_HOURS = 24;
/** getsendresult forbidden_list codes (doc 6.3). */
export const FlowControl = {
  appPerMinute: 143103,
  corpPerMinute: 143104,
  perPersonDaily: 143105,
  duplicate: 143106,
} as const;
/**
 * Who may frame the micro-app (CSP frame-ancestors). UNCONFIRMED: DingTalk's docs do not say. Mobile DingTalk opens
 * H5 micro-apps as the top page of its webview, where frame-ancestors has no effect. DingTalk PC may host them in a
 * frame: the official dingtalk-jsapi's PC bridge (lib/packages/frame-talk-client-pc) talks to `window.top` when
 * framed and accepts only a host origin ending in `.dingtalk.com` or `7ding.ai`. So those hosts, and ourselves.
 */
export const DINGTALK_FRAME_ANCESTORS = ["'self'", '*.dingtalk.com', '7ding.ai', '*.7ding.ai'] as const;
/*
 * The monthly metered quota (doc 8.1). Since 2025-11-19 a 标准版 organisation shares 5,000 API calls and 3,000
 * Webhook&Stream events a month across all its internal apps; each 专业版 应用开发 entitlement gives 200,000 API and
 * 50,000 events; an add-on pack 5,000,000 API and 500,000 events. Older 专业版 contracts keep 500,000 API calls.
 */
export const METERED_QUOTAS = {
  standard: { apiCalls: 5_000, events: 3_000 },
  professionalEntitlement: { apiCalls: 200_000, events: 50_000 },
  addOnPack: { apiCalls: 5_000_000, events: 500_000 },
  /** The older contracts' event quota is UNCONFIRMED (doc 8.1 names only the 500,000 API calls): assumed 50,000. */
  professionalLegacy: { apiCalls: 500_000, events: 50_000 },
} as const;
/*
 * Whether 专业版 also keeps the 标准版 base on top of its entitlements is UNCONFIRMED (doc 8.1: each entitlement
 * "adds"): we count the entitlements only, which can under-state the quota but never over-state it.
 */

/**
 * APIs DingTalk does not meter (doc 8.1 exempt list): tokens and jsapi tickets, 免登 getuserinfo, all 通讯录 user
 * and department APIs, and the 智能人事 roster and 离职信息 APIs. That `querydimission` (the list of departed
 * people's ids, next to 离职信息) and the v1.0 hrm and contact modules are exempt too is UNCONFIRMED, as is the Stream
 * gateway's connection call. Everything else (attendance, workflow, CRM, work notifications) is metered.
 */
const EXEMPT_API_PREFIXES = [
  '/gettoken',
  '/get_jsapi_ticket',
  '/v1.0/oauth2/',
  '/topapi/v2/user/',
  '/topapi/v2/department/',
  '/topapi/user/',
  '/topapi/department/',
  '/topapi/role/',
  '/user/',
  '/department/',
  '/v1.0/contact/',
  '/topapi/smartwork/hrm/employee/',
  '/v1.0/hrm/',
  STREAM_OPEN_PATH,
];

/** Whether a call to `api` (a path such as `/attendance/list`) counts against the monthly quota. */
export function isMeteredApi(api: string): boolean {
  return !EXEMPT_API_PREFIXES.some((prefix) => api.startsWith(prefix));
}

/**
 * Events that do not count against the Webhook&Stream quota: 通讯录 events (doc 8.1 lists user_add_org,
 * user_modify_org, user_leave_org and org_dept_*; user_active_org, another 通讯录 event, is UNCONFIRMED) and the
 * HTTP URL check.
 */
const EXEMPT_EVENT_TYPES: ReadonlySet<string> = new Set([
  'user_add_org',
  'user_modify_org',
  'user_leave_org',
  'user_active_org',
  'org_dept_create',
  'org_dept_modify',
  'org_dept_remove',
  'check_url',
]);

/** Whether an event of `eventType` counts against the monthly Webhook&Stream quota. */
export function isMeteredEvent(eventType: string): boolean {
  return !EXEMPT_EVENT_TYPES.has(eventType);
}
/** A redelivered event (same eventId) counted again by DingTalk: UNCONFIRMED; we count each event once. */
export const REDELIVERY_COUNTED = false;
/** bpms_instance_change events per approval instance: one at the start and one at the end (doc 7.2; UNCONFIRMED count). */
export const APPROVAL_EVENTS_PER_INSTANCE = 2;

/** The v1.0 answer to a call over the monthly quota (doc 8.1): HTTP 403 with this code. */
export const V1_MONTHLY_QUOTA_STATUS = 403;
/**
 * DingTalk's over-quota message (doc 8.1, legacy errmsg example). The v1.0 message is UNCONFIRMED: the sandbox
 * sends the same text. The figures in it are the whole organisation's, so they are read when present.
 */
export const monthlyQuotaMessage = (used: number, quota: number) => `您的企业本月api调用量已超过限制,调用量:${used}次,额度:${quota}次`;
export const MONTHLY_QUOTA_FIGURES = /调用量[:：]\s*(\d+)\s*次[,，]\s*额度[:：]\s*(\d+)\s*次/;
