import { shanghaiInstant, shanghaiTime, shiftDay } from './shanghaiClock';

/** When messages that are not urgent may reach people (Asia/Shanghai). */
export interface QuietHours {
  /** Quiet from this minute of the day … (default 21:00 = 1260). */
  startMinute: number;
  /** … until this minute of the next (or same) day (default 08:30 = 510). Equal to start: no quiet hours. */
  endMinute: number;
  /** Saturdays and Sundays are quiet all day. */
  weekends: boolean;
}

export const DEFAULT_QUIET_HOURS: QuietHours = { startMinute: 21 * 60, endMinute: 8 * 60 + 30, weekends: false };

function inQuietWindow(minute: number, q: QuietHours): boolean {
  if (q.startMinute === q.endMinute) return false;
  // A window across midnight (21:00–08:30) or within one day (12:00–13:30).
  return q.startMinute > q.endMinute ? minute >= q.startMinute || minute < q.endMinute : minute >= q.startMinute && minute < q.endMinute;
}

function isWeekend(weekday: number): boolean {
  return weekday === 0 || weekday === 6;
}

/** True when `ms` falls in quiet hours (or on a quiet weekend). */
export function isQuiet(ms: number, q: QuietHours): boolean {
  const t = shanghaiTime(ms);
  return (q.weekends && isWeekend(t.weekday)) || inQuietWindow(t.minuteOfDay, q);
}

/**
 * The first instant at or after `ms` outside quiet hours: `ms` itself when it is not quiet, otherwise the end of the
 * quiet window (the next weekday's end of quiet hours when weekends are quiet).
 */
export function nextAllowedAt(ms: number, q: QuietHours): number {
  if (!isQuiet(ms, q)) return ms;
  const t = shanghaiTime(ms);
  // Candidate: today's end of quiet hours if still ahead, else tomorrow's.
  let day = t.minuteOfDay < q.endMinute ? t.day : shiftDay(t.day, 1);
  if (q.startMinute === q.endMinute) day = t.day;
  for (let i = 0; i < 8; i++) {
    const candidate = q.startMinute === q.endMinute ? shanghaiInstant(day, 0) : shanghaiInstant(day, q.endMinute);
    if (candidate >= ms && !isQuiet(candidate, q)) return candidate;
    day = shiftDay(day, 1);
  }
  return ms; // unreachable with a valid configuration: every week has a weekday outside quiet hours
}

/**
 * When a digest recorded at `ms` goes out: the next digest time (`digestMinute`, default 09:00) at or after `ms`,
 * moved on to the end of quiet hours if it falls inside them (e.g. a quiet weekend).
 */
export function nextDigestAt(ms: number, digestMinute: number, q: QuietHours): number {
  const t = shanghaiTime(ms);
  let at = shanghaiInstant(t.day, digestMinute);
  if (at < ms) at = shanghaiInstant(shiftDay(t.day, 1), digestMinute);
  return nextAllowedAt(at, q);
}
