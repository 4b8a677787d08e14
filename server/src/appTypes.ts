import type { DataSource } from 'typeorm';
import type { Redis } from 'ioredis';
import type { Role } from '@liucai/shared';
import type { Config } from './config';
import type { Logger } from './logger';
import type { JobQueue } from './jobs/jobTypes';
import type { OrgSource } from './modules/sync/commands/orgFetcher';
import type { DataSyncDeps } from './modules/sync/commands/dataSyncRunner';
import type { CallbackCrypto } from './dingtalk/callbackCrypto';
import type { StreamReceiverStatus } from './modules/sync/events/streamReceiver';
import type { WorkNotificationPort } from './dingtalk/workNotificationApi';

/** The signed-in person a request acts for. */
export interface Actor {
  corpId: string;
  userid: string;
  roles: Role[];
  /** Departments this HR user was granted (each with everything below it). Empty unless `hr`. */
  hrDeptIds: number[];
  /** Which session the request came with (the first 16 hex digits of the session's hash), for the audit log. */
  sessionRef?: string;
  /**
   * The corp's org version, read with the session when the request began (absent for an actor built otherwise):
   * departments are written by the org sync job, never by a request, so it holds for the whole request and the
   * department reads of the request need not read it again (corpDepartments.ts).
   */
  orgVersion?: number;
  /**
   * The corp's data topics' versions (`data_versions`, a topic with no row absent), read with the session, for a
   * request that only reads (GET, HEAD): kept answers are checked against them instead of reading them again
   * (keptReads.ts). Never set for a request that writes: it must see the versions its own writes bumped.
   */
  dataVersions?: Readonly<Record<string, string>>;
}

/** What Koa keeps per request. */
export interface AppState {
  requestId: string;
  log: Logger;
  actor?: Actor;
}

/** The DingTalk side as the app uses it: login, org reads, and call counting. */
export interface DingTalkPort extends OrgSource {
  getUserInfoByCode(code: string): Promise<{ userid: string; name?: string; sys?: boolean; sys_level?: number }>;
  /** Attendance, leave and dismission reads (metered). */
  data: DataSyncDeps['source'];
  /** Work notifications: send, progress, result, recall (metered). */
  messages: WorkNotificationPort;
  /** Cheap reachability probe for /readyz (a token fetch or cached token). */
  ping(): Promise<void>;
  callCount(): number;
}

/** Everything the web process and the worker are built from. */
export interface AppDeps {
  config: Config;
  ds: DataSource;
  redis: Redis | null;
  jobs: JobQueue;
  log: Logger;
  /** The corp this installation serves (DingTalk internal app = one corp). */
  corp: { corpId: string; name: string };
  dingtalk: DingTalkPort;
  /** Verifies and seals DingTalk HTTP callbacks; null when event subscription is not configured. */
  callbackCrypto: CallbackCrypto | null;
  /** The Stream mode receiver (DINGTALK_EVENT_MODE stream or both); absent or null when Stream mode is off. */
  eventStream?: { status(): StreamReceiverStatus } | null;
  /** Set in sandbox mode: where the emulator listens and who the demo users are. */
  sandbox: { url: string; demoUsers: { admin: string; hr: string; supervisor: string; employee: string } } | null;
}
