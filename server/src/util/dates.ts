/** yyyy-mm-dd of an instant in Asia/Shanghai (China has no DST: UTC+8 all year). */
export function shanghaiDate(at: Date | number): string {
  const ms = typeof at === 'number' ? at : at.getTime();
  return new Date(ms + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

/** Midnight of a yyyy-mm-dd day in Asia/Shanghai, as epoch ms. */
export function shanghaiMidnight(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) - 8 * 3600 * 1000;
}

/** The yyyy-mm-dd `n` days after `day` (n may be negative). */
export function addDays(day: string, n: number): string {
  return shanghaiDate(shanghaiMidnight(day) + n * 24 * 3600 * 1000);
}

/** The last day of a window that starts on `from`, spans at most `maxDays` days and never goes past `last`. */
export function windowEnd(from: string, maxDays: number, last: string): string {
  const full = addDays(from, maxDays - 1);
  return daysBetween(full, last) < 0 ? last : full;
}

/** Whole days from `a` to `b` (b - a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((shanghaiMidnight(b) - shanghaiMidnight(a)) / (24 * 3600 * 1000));
}
