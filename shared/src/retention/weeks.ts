/** Calendar weeks as yyyy-mm-dd of their Monday: date arithmetic on day strings, no time zones involved. */

const DAY_MS = 86_400_000;

function dayNumber(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return Math.floor(Date.UTC(y!, m! - 1, d!) / DAY_MS);
}

function dayString(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** `day` plus `n` days (n may be negative). */
export function addDays(day: string, n: number): string {
  return dayString(dayNumber(day) + n);
}

/** Days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/** The Monday of the week holding `day`. */
export function weekStartOf(day: string): string {
  const n = dayNumber(day);
  // 1970-01-01 was a Thursday: (n + 3) % 7 is 0 on Mondays.
  return dayString(n - ((((n + 3) % 7) + 7) % 7));
}

/** True on Saturdays and Sundays. */
export function isWeekend(day: string): boolean {
  const dow = (((dayNumber(day) + 3) % 7) + 7) % 7; // 0 = Monday
  return dow >= 5;
}

/** Mondays of the `count` weeks ending with the week starting `lastWeekStart`, oldest first. */
export function weeksEnding(lastWeekStart: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addDays(lastWeekStart, -7 * (count - 1 - i)));
}
