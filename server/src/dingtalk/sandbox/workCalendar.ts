/**
 * The attendance calendar in China time (UTC+8, no DST): day numbers (whole days since 1970-01-01 Beijing),
 * Monday-Friday working days, clock times within a day, and DingTalk's "yyyy-MM-dd HH:mm:ss" wire format.
 * Day numbers let the attendance model key its draws by (person, day) without touching Date objects.
 */
import { ONE_DAY_MS } from './corpClock';

const OFFSET_MS = 8 * 3600_000;
const WIRE_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** The China-time day number containing `ms`. */
export function chinaDayNumber(ms: number): number {
  return Math.floor((ms + OFFSET_MS) / ONE_DAY_MS);
}

/** Midnight (Asia/Shanghai) of a day number, ms epoch. */
export function dayStartMs(day: number): number {
  return day * ONE_DAY_MS - OFFSET_MS;
}

/** The instant `hour:minute` Beijing time on a day number. */
export function chinaTimeOn(day: number, hour: number, minute = 0): number {
  return dayStartMs(day) + (hour * 60 + minute) * 60_000;
}

/** True for Monday to Friday (public holidays are not modelled). */
export function isWorkingDay(day: number): boolean {
  // Day 0 (1970-01-01) was a Thursday; 0 = Sunday … 6 = Saturday.
  const weekday = (((day + 4) % 7) + 7) % 7;
  return weekday >= 1 && weekday <= 5;
}

/** The working day `n` working days after `day` (n = 0: `day` itself, which must be a working day). */
export function workingDayAfter(day: number, n: number): number {
  let current = day;
  for (let left = n; left > 0;) {
    current += 1;
    if (isWorkingDay(current)) left -= 1;
  }
  return current;
}

/** Parse "yyyy-MM-dd HH:mm:ss" as Beijing time; undefined when malformed or not a real date. */
export function parseChinaDateTime(text: string): number | undefined {
  const m = WIRE_DATE_TIME.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const utc = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(utc);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return undefined;
  return utc - OFFSET_MS;
}

/** Format an instant as "yyyy-MM-dd HH:mm:ss" Beijing time. */
export function formatChinaDateTime(ms: number): string {
  return new Date(ms + OFFSET_MS).toISOString().replace('T', ' ').slice(0, 19);
}
