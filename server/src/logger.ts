import pino from 'pino';

/** Paths pino must never print: secrets, tokens, cookies and auth codes wherever they appear. */
export const REDACT_PATHS = [
  'appsecret',
  '*.appSecret',
  '*.appsecret',
  'access_token',
  '*.access_token',
  'accessToken',
  '*.accessToken',
  'authCode',
  '*.authCode',
  'appSecret',
  'clientSecret',
  '*.clientSecret',
  '*.config.clientSecret',
  'password',
  '*.password',
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-acs-dingtalk-access-token"]',
  'res.headers["set-cookie"]',
  '*.databaseUrl',
  '*.redisUrl',
];

/** Build a pino logger; `level` from config, `silent` in tests unless LOG_LEVEL is set. */
export function createLogger(level: string = process.env.LOG_LEVEL ?? (process.env.JEST_WORKER_ID ? 'silent' : 'info')) {
  return pino({ level, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: { app: 'liucai' } });
}

/** The process-wide logger. */
export const logger = createLogger();
export type Logger = typeof logger;
