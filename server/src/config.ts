import { z } from 'zod';
import { editionLabel, editionQuota, yuanToFen, type EditionSettings, type KpiSettings } from '@liucai/shared';
import { DEFAULT_CRM_CONTRACT_OBJECT, DEFAULT_CRM_FOLLOW_RECORD_OBJECT, METERED_QUOTAS } from './dingtalk/wireFacts';
import { SANDBOX_LEAVE_PROCESS_CODE } from './dingtalk/sandbox/leaveCatalogue';
import { NOTIFY_ENV, notifyConfigFrom, notifyProblems, type NotifyConfig } from './modules/notify/notifyConfig';

/** Thrown when the environment is invalid; lists every problem at once. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'expected true or false' }).transform((v) => v === 'true' || v === '1' || v === 'yes');
const port = z.coerce.number({ message: 'expected a port number' }).int().min(0).max(65535);
const url = (protocols: string[]) =>
  z.string().refine(
    (v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    `expected a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`,
  );

/** A CNY amount with at most two decimals ("3000", "9999.5"), as integer fen: money is fen everywhere (rounding never happens). */
const cnyAsFen = z
  .string()
  .regex(/^\d{1,9}(\.\d{1,2})?$/, 'expected an amount in CNY, e.g. 3000 or 9999.50')
  // Through the one shared conversion (the regex has already refused anything it would refuse).
  .transform((v) => {
    const r = yuanToFen(v);
    return r.ok ? r.fen : 0;
  })
  .refine((fen) => fen > 0, 'must be more than 0');
/** A CRM custom object's name (form code), e.g. crm_contract or PROC-EF199CCA-…. */
/** Days of follow records a first CRM sync reads: real DingTalk, and the demo (all the sandbox keeps, FOLLOW_HISTORY_DAYS). */
const CRM_FOLLOW_UP_LOOKBACK_DAYS = 180;
const DEMO_CRM_FOLLOW_UP_LOOKBACK_DAYS = 400;
const crmObjectName = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'expected a CRM object name (form code): letters, digits, _ and - only');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: port.default(3000),
  PUBLIC_URL: url(['http:', 'https:']).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: url(['mysql:', 'mariadb:']).optional(),
  SQLITE_PATH: z.string().min(1).default('./data/liucai.sqlite'),
  REDIS_URL: url(['redis:', 'rediss:']).optional(),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-z0-9:_-]+$/i, 'letters, digits, : _ - only')
    .default('liucai'),
  CORP_NAME: z.string().min(1).max(200).optional(),
  DINGTALK_CORP_ID: z.string().min(1).optional(),
  DINGTALK_APP_KEY: z.string().min(1).optional(),
  DINGTALK_APP_SECRET: z.string().min(1).optional(),
  DINGTALK_AGENT_ID: z.coerce.number({ message: 'expected the numeric AgentId' }).int().positive().optional(),
  DINGTALK_CALLBACK_TOKEN: z.string().min(1).max(128).optional(),
  DINGTALK_CALLBACK_AES_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}$/, 'expected the 43-character EncodingAESKey from the developer console')
    .optional(),
  DINGTALK_EVENT_MODE: z.enum(['stream', 'http', 'both', 'off'], { message: 'expected stream, http, both or off' }).optional(),
  DINGTALK_LEGACY_BASE_URL: url(['http:', 'https:']).default('https://oapi.dingtalk.com'),
  DINGTALK_V1_BASE_URL: url(['http:', 'https:']).default('https://api.dingtalk.com'),
  DINGTALK_LEAVE_PROCESS_CODE: z
    .string()
    .regex(/^PROC-[A-Za-z0-9_-]{1,59}$/, "expected the 请假 form's process code (PROC-…, from the approval admin console)")
    .optional(),
  DINGTALK_CALLS_PER_SECOND: z.coerce.number().positive().max(1000).default(18),
  DINGTALK_TIMEOUT_MS: z.coerce.number().int().positive().default(10000),
  SANDBOX_PORT: port.default(0),
  SANDBOX_EMPLOYEES: z.coerce.number().int().min(20).max(200000).default(300),
  SANDBOX_SEED: z.coerce.number().int().default(7),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60 * 30)
    .default(120),
  COOKIE_SECURE: bool.optional(),
  RATE_LIMIT_LOGIN_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(300),
  RATE_LIMIT_LOGIN_FAILURES_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(20),
  RATE_LIMIT_SYNC_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(10),
  RATE_LIMIT_IMPORT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(30),
  RUN_WORKER_IN_WEB: bool.optional(),
  JOB_LOCK_MS: z.coerce.number().int().min(1000).max(600000).default(30000),
  DINGTALK_EDITION: z
    .enum(['standard', 'professional', 'professional-legacy'], {
      message: 'expected standard (标准版), professional (专业版) or professional-legacy (专业版, older contract)',
    })
    .default('standard'),
  DINGTALK_APP_ENTITLEMENTS: z.coerce.number().int().min(1).max(1000).default(1),
  DINGTALK_ADDON_PACKS: z.coerce.number().int().min(0).max(1000).default(0),
  DINGTALK_MONTHLY_CALL_LIMIT: z.coerce.number().int().min(0).optional(),
  DINGTALK_MONTHLY_EVENT_LIMIT: z.coerce.number().int().min(0).optional(),
  NOTIFY_BUDGET_SHARE: z.coerce.number().int({ message: 'expected a whole percent' }).min(0).max(90).default(20),
  DATA_SYNC_LOOKBACK_DAYS: z.coerce.number().int().min(1).max(366).default(31),
  DEMO_SYNC_LOOKBACK_DAYS: z.coerce.number().int().min(1).max(548).default(182),
  DATA_SYNC_CRON: z.string().min(9).default('0 0 3 * * *'),
  /** How long the audit log is kept, in years (default 6), and when the daily purge runs. */
  AUDIT_RETENTION_YEARS: z.coerce.number({ message: 'expected a whole number of years' }).int().min(1).max(100).default(6),
  AUDIT_PURGE_CRON: z.string().min(9).default('0 30 4 * * *'),
  /** KPI: days into the next month a supervisor may still rate a month, and consecutive months met for promotion. */
  KPI_RATING_WINDOW_DAYS: z.coerce.number({ message: 'expected a whole number of days' }).int().min(0).max(31).default(10),
  KPI_PROMOTION_MONTHS: z.coerce.number({ message: 'expected a whole number of months' }).int().min(1).max(24).default(3),
  ORG_SYNC_CRON: z.string().min(9).default('0 30 2 * * *'),
  ORG_SYNC_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(6),
  CRM_SMALL_DEAL_CNY: cnyAsFen.prefault('3000'),
  CRM_BIG_DEAL_CNY: cnyAsFen.prefault('10000'),
  CRM_CONTRACT_OBJECT: crmObjectName.default(DEFAULT_CRM_CONTRACT_OBJECT),
  CRM_FOLLOW_RECORD_OBJECT: crmObjectName.default(DEFAULT_CRM_FOLLOW_RECORD_OBJECT),
  CRM_OPERATOR_USERID: z.string().min(1).max(64).optional(),
  CRM_FOLLOW_UP_LOOKBACK_DAYS: z.coerce.number().int().min(1).max(3660).optional(),
  CRM_FULL_PASS_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  CRM_FOLLOW_UP_RECHECK_DAYS: z.coerce.number().int().min(1).max(3660).default(30),
  ...NOTIFY_ENV,
  // Fail fast when a dependency is down (see resilience in Config).
  REDIS_TIMEOUT_MS: z.coerce.number().int().min(100).max(60000).default(3000),
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60000).default(5000),
  DATABASE_ACQUIRE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600000).default(10000),
  SCHEDULER_CHECK_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  DINGTALK_CALLBACK_WINDOW_SECONDS: z.coerce.number().int().min(10).max(86400).default(300),
});

/** CRM sync settings: custom object names and the small/big client thresholds (see crmSegments.ts). */
export interface CrmConfig {
  /** A customer whose deals fall below this (fen) is a small client again. Default 3,000 CNY. */
  smallDealFen: number;
  /** A deal at or above this (fen) makes its customer a big client. Default 10,000 CNY. */
  bigDealFen: number;
  /** Name (form code) of the contract custom object. */
  contractObject: string;
  /** Name (form code) of the follow-record custom object. */
  followRecordObject: string;
  /** The operator the CRM queries run as (an admin with CRM data permission); unset: the app's own permission. */
  operatorUserid: string | undefined;
  /** First CRM sync: how far back follow-ups are read. */
  followUpLookbackDays: number;
  /** Days between full CRM passes (all customers and contracts: what they no longer list was deleted). */
  fullPassDays: number;
  /** A later full pass re-reads the follow records of this many days (deletions older than that go unseen). */
  followUpRecheckDays: number;
}

/** The validated configuration of one process. */
export interface Config {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  publicUrl: string | undefined;
  logLevel: string;
  database: { kind: 'mysql'; url: string } | { kind: 'sqlite'; path: string };
  redis: { url: string } | null;
  queuePrefix: string;
  /** Display name of the corp (real DingTalk mode); the sandbox names its own. */
  corpName: string | undefined;
  dingtalk:
    | { mode: 'real'; corpId: string; appKey: string; appSecret: string; agentId: number; legacyBaseUrl: string; v1BaseUrl: string }
    | { mode: 'sandbox'; port: number; employees: number; seed: number };
  /**
   * How DingTalk events come in: Stream mode (a WebSocket we open), HTTP callbacks (DingTalk posts to us), both, or
   * neither. Default: both against the sandbox, http against real DingTalk (the developer console picks one push mode).
   */
  events: { mode: EventMode; stream: boolean; http: boolean };
  /** HTTP callback (event subscription) secrets; the owner key is the AppKey. Null: callbacks are off. */
  dingtalkCallback: { token: string; aesKey: string } | null;
  /**
   * Process code of the 请假 approval form: leave sync reads its approval instances (all states) and
   * bpms_instance_change events for it re-read the instance. Null (real mode, unset): leave sync falls back to
   * getleavestatus (approved leaves only). The sandbox's form by default.
   */
  leaveProcessCode: string | null;
  dingtalkCallsPerSecond: number;
  dingtalkTimeoutMs: number;
  sessionTtlHours: number;
  /** A session unused this long ends (the micro-app signs in again silently with 免登). */
  sessionIdleMinutes: number;
  cookieSecure: boolean;
  /** Requests allowed per minute: sign-in per client address (all, and failed ones), "sync now" and imports per user. */
  rateLimits: { loginPerMinute: number; loginFailuresPerMinute: number; syncPerMinute: number; importPerMinute: number };
  orgSyncCron: string;
  /** Metered DingTalk calls allowed per month (budget.apiCalls, kept for the syncs). */
  monthlyCallLimit: number;
  /** The monthly metered quota (doc 8.1): from the edition, or the raw numbers when set. */
  budget: BudgetConfig;
  /** First attendance/leave sync reaches this many days back. */
  dataSyncLookbackDays: number;
  /**
   * How far back the first start's attendance/leave syncs read: with the sandbox DEMO_SYNC_LOOKBACK_DAYS (the demo's
   * history: six months show the drift before departures), with real DingTalk the same as dataSyncLookbackDays.
   */
  startupLookbackDays: number;
  /** Nightly attendance, leave and departure sync (Asia/Shanghai). */
  dataSyncCron: string;
  /** The audit log's retention (AUDIT_RETENTION_YEARS, default 6) and the daily purge (AUDIT_PURGE_CRON). */
  audit: { retentionYears: number; purgeCron: string };
  /** KPI ratings window (KPI_RATING_WINDOW_DAYS, default 10) and promotion streak (KPI_PROMOTION_MONTHS, default 3). */
  kpi: KpiSettings;
  /** With Redis: also consume jobs in the web process (default: yes outside production). */
  runWorkerInWeb: boolean;
  /** BullMQ lock duration and stalled-job check interval: how soon a dead worker's job is picked up again. */
  jobLockMs: number;
  orgSyncConcurrency: number;
  crm: CrmConfig;
  /** Work notifications: quiet hours, digest time, caps, links (NOTIFY_*). */
  notify: NotifyConfig;
  resilience: ResilienceConfig;
}

/** The monthly metered quota the app plans with. */
export interface BudgetConfig {
  /** DINGTALK_EDITION, DINGTALK_APP_ENTITLEMENTS, DINGTALK_ADDON_PACKS. */
  edition: EditionSettings;
  /** `标准版`, `专业版（2 个应用开发权益）` …, or `自定义额度` when a raw number overrides the edition. */
  label: string;
  /** Metered API calls a month (DINGTALK_MONTHLY_CALL_LIMIT, else the edition's). */
  apiCalls: number;
  /** Metered Webhook&Stream events a month (DINGTALK_MONTHLY_EVENT_LIMIT, else the edition's). */
  events: number;
  /** Share of the calls kept for work notifications, 0..0.9 (NOTIFY_BUDGET_SHARE percent). */
  notifyShare: number;
}

/** How the process behaves when Redis, the database or a caller misbehaves: fail fast, never hang. */
export interface ResilienceConfig {
  /** Requests' Redis commands (enqueue, token cache, readiness) fail after this long, and at once while disconnected. */
  redisTimeoutMs: number;
  /** A new database connection must be established within this long. */
  databaseConnectTimeoutMs: number;
  /** A request waits at most this long for a free pooled database connection. */
  databaseAcquireTimeoutMs: number;
  /** How often each process checks that its job schedulers still exist in Redis (re-registering missing ones). */
  schedulerCheckMs: number;
  /** A DingTalk HTTP callback's timestamp must lie within this many ms of our clock, either way. */
  callbackWindowMs: number;
}

/** DINGTALK_EVENT_MODE. */
export type EventMode = 'stream' | 'http' | 'both' | 'off';

/** True when a base URL points at this machine, where only the sandbox can be. */
function isLoopback(base: string): boolean {
  const host = new URL(base).hostname;
  return host === 'localhost' || host === '[::1]' || host === '::1' || /^127\./.test(host);
}

const DINGTALK_VARS = ['DINGTALK_CORP_ID', 'DINGTALK_APP_KEY', 'DINGTALK_APP_SECRET', 'DINGTALK_AGENT_ID'] as const;

/** Read and validate the environment once; throws ConfigError naming every bad or missing variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const raw: Record<string, string> = {};
  for (const key of Object.keys(EnvSchema.shape)) {
    const v = env[key];
    if (v !== undefined && v !== '') raw[key] = v;
  }
  const parsed = EnvSchema.safeParse(raw);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path.join('.');
      // Never echo a value back: it may be a secret.
      problems.push(`${key}: ${issue.message}`);
    }
  }
  const givenDingTalk = DINGTALK_VARS.filter((k) => raw[k] !== undefined);
  if (givenDingTalk.length > 0 && givenDingTalk.length < DINGTALK_VARS.length) {
    const missing = DINGTALK_VARS.filter((k) => raw[k] === undefined);
    problems.push(`${missing.join(', ')}: required when ${givenDingTalk.join(', ')} is set (set all four DingTalk variables, or none for the sandbox)`);
  }
  if ((raw.DINGTALK_CALLBACK_TOKEN === undefined) !== (raw.DINGTALK_CALLBACK_AES_KEY === undefined)) {
    problems.push('DINGTALK_CALLBACK_TOKEN, DINGTALK_CALLBACK_AES_KEY: set both (event subscription token and EncodingAESKey) or neither');
  }
  const realDingTalk = givenDingTalk.length === DINGTALK_VARS.length;
  if (
    realDingTalk &&
    (raw.DINGTALK_EVENT_MODE === 'http' || raw.DINGTALK_EVENT_MODE === 'both') &&
    (raw.DINGTALK_CALLBACK_TOKEN === undefined || raw.DINGTALK_CALLBACK_AES_KEY === undefined)
  ) {
    problems.push(
      `DINGTALK_CALLBACK_TOKEN, DINGTALK_CALLBACK_AES_KEY: required when DINGTALK_EVENT_MODE=${raw.DINGTALK_EVENT_MODE} (HTTP callbacks need the event subscription's token and EncodingAESKey)`,
    );
  }
  if (parsed.success && parsed.data.CRM_SMALL_DEAL_CNY >= parsed.data.CRM_BIG_DEAL_CNY) {
    problems.push('CRM_SMALL_DEAL_CNY, CRM_BIG_DEAL_CNY: the small-client threshold must be below the big-client one');
  }
  if (parsed.success) problems.push(...notifyProblems(parsed.data));
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  const eventMode: EventMode = e.DINGTALK_EVENT_MODE ?? (!realDingTalk || isLoopback(e.DINGTALK_V1_BASE_URL) ? 'both' : 'http');
  if (e.NODE_ENV === 'production' && givenDingTalk.length === 0) {
    throw new ConfigError([
      'DINGTALK_CORP_ID, DINGTALK_APP_KEY, DINGTALK_APP_SECRET, DINGTALK_AGENT_ID: required when NODE_ENV=production (the sandbox is for development only)',
    ]);
  }
  const edition: EditionSettings = { edition: e.DINGTALK_EDITION, entitlements: e.DINGTALK_APP_ENTITLEMENTS, addOnPacks: e.DINGTALK_ADDON_PACKS };
  const quota = editionQuota(METERED_QUOTAS, edition);
  const overridden = e.DINGTALK_MONTHLY_CALL_LIMIT !== undefined || e.DINGTALK_MONTHLY_EVENT_LIMIT !== undefined;
  const budget: BudgetConfig = {
    edition,
    label: overridden ? `自定义额度（${editionLabel(edition)}）` : editionLabel(edition),
    apiCalls: e.DINGTALK_MONTHLY_CALL_LIMIT ?? quota.apiCalls,
    events: e.DINGTALK_MONTHLY_EVENT_LIMIT ?? quota.events,
    notifyShare: e.NOTIFY_BUDGET_SHARE / 100,
  };
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    publicUrl: e.PUBLIC_URL,
    logLevel: e.LOG_LEVEL,
    database: e.DATABASE_URL ? { kind: 'mysql', url: e.DATABASE_URL } : { kind: 'sqlite', path: e.SQLITE_PATH },
    redis: e.REDIS_URL ? { url: e.REDIS_URL } : null,
    queuePrefix: e.QUEUE_PREFIX,
    corpName: e.CORP_NAME,
    dingtalk:
      e.DINGTALK_CORP_ID && e.DINGTALK_APP_KEY && e.DINGTALK_APP_SECRET && e.DINGTALK_AGENT_ID
        ? {
            mode: 'real',
            corpId: e.DINGTALK_CORP_ID,
            appKey: e.DINGTALK_APP_KEY,
            appSecret: e.DINGTALK_APP_SECRET,
            agentId: e.DINGTALK_AGENT_ID,
            legacyBaseUrl: e.DINGTALK_LEGACY_BASE_URL.replace(/\/$/, ''),
            v1BaseUrl: e.DINGTALK_V1_BASE_URL.replace(/\/$/, ''),
          }
        : { mode: 'sandbox', port: e.SANDBOX_PORT, employees: e.SANDBOX_EMPLOYEES, seed: e.SANDBOX_SEED },
    events: { mode: eventMode, stream: eventMode === 'stream' || eventMode === 'both', http: eventMode === 'http' || eventMode === 'both' },
    dingtalkCallback:
      e.DINGTALK_CALLBACK_TOKEN && e.DINGTALK_CALLBACK_AES_KEY ? { token: e.DINGTALK_CALLBACK_TOKEN, aesKey: e.DINGTALK_CALLBACK_AES_KEY } : null,
    leaveProcessCode: e.DINGTALK_LEAVE_PROCESS_CODE ?? (givenDingTalk.length === 0 ? SANDBOX_LEAVE_PROCESS_CODE : null),
    dingtalkCallsPerSecond: e.DINGTALK_CALLS_PER_SECOND,
    dingtalkTimeoutMs: e.DINGTALK_TIMEOUT_MS,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    rateLimits: {
      loginPerMinute: e.RATE_LIMIT_LOGIN_PER_MINUTE,
      loginFailuresPerMinute: e.RATE_LIMIT_LOGIN_FAILURES_PER_MINUTE,
      syncPerMinute: e.RATE_LIMIT_SYNC_PER_MINUTE,
      importPerMinute: e.RATE_LIMIT_IMPORT_PER_MINUTE,
    },
    cookieSecure: e.COOKIE_SECURE ?? e.NODE_ENV === 'production',
    orgSyncCron: e.ORG_SYNC_CRON,
    monthlyCallLimit: budget.apiCalls,
    budget,
    dataSyncLookbackDays: e.DATA_SYNC_LOOKBACK_DAYS,
    startupLookbackDays: givenDingTalk.length === 0 ? e.DEMO_SYNC_LOOKBACK_DAYS : e.DATA_SYNC_LOOKBACK_DAYS,
    dataSyncCron: e.DATA_SYNC_CRON,
    audit: { retentionYears: e.AUDIT_RETENTION_YEARS, purgeCron: e.AUDIT_PURGE_CRON },
    kpi: { ratingWindowDays: e.KPI_RATING_WINDOW_DAYS, promotionMonths: e.KPI_PROMOTION_MONTHS },
    runWorkerInWeb: e.RUN_WORKER_IN_WEB ?? e.NODE_ENV !== 'production',
    jobLockMs: e.JOB_LOCK_MS,
    orgSyncConcurrency: e.ORG_SYNC_CONCURRENCY,
    crm: {
      smallDealFen: e.CRM_SMALL_DEAL_CNY,
      bigDealFen: e.CRM_BIG_DEAL_CNY,
      contractObject: e.CRM_CONTRACT_OBJECT,
      followRecordObject: e.CRM_FOLLOW_RECORD_OBJECT,
      operatorUserid: e.CRM_OPERATOR_USERID,
      // The demo's first CRM sync reads all the follow-ups the sandbox keeps (a salesperson's year of big clients).
      followUpLookbackDays: e.CRM_FOLLOW_UP_LOOKBACK_DAYS ?? (givenDingTalk.length === 0 ? DEMO_CRM_FOLLOW_UP_LOOKBACK_DAYS : CRM_FOLLOW_UP_LOOKBACK_DAYS),
      fullPassDays: e.CRM_FULL_PASS_DAYS,
      followUpRecheckDays: e.CRM_FOLLOW_UP_RECHECK_DAYS,
    },
    notify: notifyConfigFrom(e),
    resilience: {
      redisTimeoutMs: e.REDIS_TIMEOUT_MS,
      databaseConnectTimeoutMs: e.DATABASE_CONNECT_TIMEOUT_MS,
      databaseAcquireTimeoutMs: e.DATABASE_ACQUIRE_TIMEOUT_MS,
      schedulerCheckMs: e.SCHEDULER_CHECK_SECONDS * 1000,
      callbackWindowMs: e.DINGTALK_CALLBACK_WINDOW_SECONDS * 1000,
    },
  };
}
