import { movedClockEnv } from './laterClock';

/**
 * The environment of a built `main.js` started on embedded defaults, as `npm start` runs it for a new user: none of
 * our variables but its own SQLite file, any free port on 127.0.0.1 and quiet logs; `extra` adds to it.
 */
export function embeddedEnv(sqlite: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, ...movedClockEnv(), HOME: process.env.HOME, LOG_LEVEL: 'warn', SQLITE_PATH: sqlite, PORT: '0', HOST: '127.0.0.1', ...extra };
}
