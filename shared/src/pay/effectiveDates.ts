/**
 * Effective dates of versioned rules (plan versions, KPI scheme versions) and of assignments: days as
 * `yyyy-mm-dd`, both ends inclusive, `to = null` meaning "until further notice". Ranges of one plan (or of one
 * assignee) never overlap; a new range may only take over from the one open-ended range that started before it,
 * which then ends the day before (a new version from 2026-07-01 ends the current one on 2026-06-30).
 */

/** An effective-dated range: from `from` through `to` (inclusive), or open-ended. */
export interface DayRange {
  from: string;
  to: string | null;
}

/** True for a real calendar day written `yyyy-mm-dd` (2026-02-30 is not). */
export function isDay(s: unknown): s is string {
  if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** The day before `day` (calendar arithmetic in UTC, no time zones involved). */
export function dayBefore(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}

/** True when `day` lies within `r`. */
export const inEffect = (r: DayRange, day: string): boolean => r.from <= day && (r.to === null || day <= r.to);

/** True when two ranges share at least one day. */
export const rangesOverlap = (a: DayRange, b: DayRange): boolean => (a.to === null || b.from <= a.to) && (b.to === null || a.from <= b.to);

/** "2026-01-01 至 2026-06-30", "2026-07-01 起". */
export const rangeText = (r: DayRange): string => (r.to === null ? `${r.from} 起` : `${r.from} 至 ${r.to}`);

/** How a new range fits among existing ones. */
export type RangePlacement<T> = { ok: true; supersede: { item: T; newTo: string } | null } | { ok: false; conflict: T };

/**
 * Place `next` among `existing` ranges: fine when it overlaps none; fine too when the only one it overlaps is
 * open-ended and started earlier (that one is to end the day before `next` starts); otherwise the first range it
 * overlaps is the conflict.
 */
export function placeRange<T extends DayRange>(existing: readonly T[], next: DayRange): RangePlacement<T> {
  const overlapping = existing.filter((e) => rangesOverlap(e, next)).sort((a, b) => (a.from < b.from ? -1 : 1));
  if (overlapping.length === 0) return { ok: true, supersede: null };
  const only = overlapping[0]!;
  if (overlapping.length === 1 && only.to === null && only.from < next.from) return { ok: true, supersede: { item: only, newTo: dayBefore(next.from) } };
  return { ok: false, conflict: only };
}

/** A range's own problems (bad days, end before start), as Chinese messages naming the field. */
export function rangeProblems(from: unknown, to: unknown): { field: 'effectiveFrom' | 'effectiveTo'; message: string }[] {
  const problems: { field: 'effectiveFrom' | 'effectiveTo'; message: string }[] = [];
  if (!isDay(from)) problems.push({ field: 'effectiveFrom', message: '应为日期 yyyy-mm-dd，如 2026-07-01' });
  if (to !== null && to !== undefined && !isDay(to)) problems.push({ field: 'effectiveTo', message: '应为日期 yyyy-mm-dd 或留空（长期有效）' });
  else if (isDay(from) && isDay(to) && to < from) problems.push({ field: 'effectiveTo', message: `不能早于生效日期 ${from}` });
  return problems;
}
