import { AppError } from './errors';
import { zh } from '@liucai/shared';

/** A service the process cannot work without. */
export type Dependency = 'database' | 'redis';

/** Thrown by our own guards (e.g. the pool's acquire timeout) when a dependency does not answer in time. */
export class DependencyDownError extends Error {
  override readonly name = 'DependencyDownError';
  constructor(
    readonly dependency: Dependency,
    message: string,
  ) {
    super(message);
  }
}

/** Network and server-gone codes of mysql2 (and Node's sockets under it) that mean "the database is not there". */
const DATABASE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'PROTOCOL_ENQUEUE_AFTER_QUIT',
  'ER_SERVER_SHUTDOWN',
  'ER_CON_COUNT_ERROR',
  'ER_CONNECTION_KILLED',
  'CR_SERVER_GONE_ERROR',
  'CR_SERVER_LOST',
  'CR_CONNECTION_ERROR',
  'CR_CONN_HOST_ERROR',
]);
/** MySQL/MariaDB error numbers for the same (1053 shutdown, 1040 too many connections, 1927 killed, 20xx client). */
const DATABASE_ERRNOS = new Set([1053, 1040, 1927, 2002, 2003, 2006, 2013]);
const DATABASE_MESSAGES = [/^Pool is closed\.?$/, /Can't add new command when connection is in closed state/, /^Connection lost/];
/** What ioredis (and BullMQ over it) reject a command with when Redis is unreachable or too slow. */
const REDIS_MESSAGES = [
  /enableOfflineQueue options is false/,
  /^Command timed out$/,
  /^Connection is closed\.?$/,
  /^Reached the max retries per request limit/,
  /^Command aborted due to connection close/,
];

function fieldOf(err: unknown, key: string): unknown {
  return typeof err === 'object' && err !== null ? (err as Record<string, unknown>)[key] : undefined;
}

function isDatabaseDriverError(err: unknown): boolean {
  const code = fieldOf(err, 'code');
  const errno = fieldOf(err, 'errno');
  // A socket code alone could come from any client (DingTalk's HTTP, Redis): mysql2 marks its own as fatal or with a SQL state.
  const fromMysql = fieldOf(err, 'fatal') === true || typeof fieldOf(err, 'sqlState') === 'string';
  if (typeof code === 'string' && DATABASE_CODES.has(code) && (fromMysql || code.startsWith('PROTOCOL_') || code.startsWith('ER_') || code.startsWith('CR_')))
    return true;
  if (typeof errno === 'number' && DATABASE_ERRNOS.has(errno) && fromMysql) return true;
  const message = fieldOf(err, 'message');
  return typeof message === 'string' && DATABASE_MESSAGES.some((re) => re.test(message));
}

/**
 * Which dependency an error says is down, or null for any other error. Looks at the error itself and, for TypeORM's
 * QueryFailedError, the driver error inside it.
 */
export function dependencyDownOf(err: unknown): Dependency | null {
  if (err instanceof DependencyDownError) return err.dependency;
  if (isDatabaseDriverError(err) || isDatabaseDriverError(fieldOf(err, 'driverError'))) return 'database';
  const message = fieldOf(err, 'message');
  if (typeof message === 'string' && REDIS_MESSAGES.some((re) => re.test(message))) return 'redis';
  return null;
}

/** The Chinese name of each dependency, for messages and /readyz. */
export const DEPENDENCY_NAMES: Record<Dependency, string> = { database: '数据库', redis: '任务队列（Redis）' };

/** 503: a dependency is down; the request changed nothing it could not finish and may be retried shortly. */
export function dependencyUnavailable(dependency: Dependency): AppError {
  return new AppError(`${dependency}_unavailable`, zh`${DEPENDENCY_NAMES[dependency]}暂时无法连接，请稍后再试`, 503, { dependency });
}
