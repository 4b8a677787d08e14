/**
 * Calendar arithmetic in China time (UTC+8, no DST). DingTalk dates such as hired_date are midnight
 * Beijing time, and "a month later" must not drift with the host's time zone.
 */
const OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

/** Midnight (Asia/Shanghai) of the day containing `ms`. */
export function startOfChinaDay(ms: number): number {
  return Math.floor((ms + OFFSET_MS) / DAY_MS) * DAY_MS - OFFSET_MS;
}

/** The same wall-clock instant `months` calendar months later (day clamped to the month's end). */
export function addChinaMonths(ms: number, months: number): number {
  const local = new Date(ms + OFFSET_MS);
  const day = local.getUTCDate();
  const target = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + months, 1, local.getUTCHours(), local.getUTCMinutes()));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.getTime() - OFFSET_MS;
}

/** Number of days from `fromMs` to `toMs`, rounded down. */
export function daysBetween(fromMs: number, toMs: number): number {
  return Math.floor((toMs - fromMs) / DAY_MS);
}

/** Milliseconds in a day. */
export const ONE_DAY_MS = DAY_MS;
