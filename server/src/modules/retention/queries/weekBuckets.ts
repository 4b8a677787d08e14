import { addDays } from '@liucai/shared';
import { shanghaiMidnight } from '../../../util/dates';

/**
 * Weeks (Mondays, Asia/Shanghai) as a SQL CASE over a column, so one GROUP BY folds a whole corp's rows into
 * person-weeks in the database (portable: plain comparisons, no date functions that differ between MariaDB and
 * SQLite). Day columns compare as yyyy-mm-dd strings; datetime columns against each Monday's Shanghai midnight as
 * a UTC `yyyy-mm-dd hh:mm:ss.sss` string (how both drivers store and compare datetimes).
 */
export interface WeekBuckets {
  /** `CASE WHEN … END` giving the Monday of the row's week. */
  sql: string;
  params: Record<string, string>;
  /** Range bounds of the whole span (from the first Monday to the day after the last Sunday). */
  from: string;
  until: string;
}

function utcDatetime(day: string): string {
  return new Date(shanghaiMidnight(day)).toISOString().replace('T', ' ').slice(0, 23);
}

/** Buckets over a `yyyy-mm-dd` column (`kind: 'day'`) or a datetime column (`kind: 'datetime'`). */
export function weekBuckets(column: string, mondays: readonly string[], kind: 'day' | 'datetime', prefix: string): WeekBuckets {
  const bound = (day: string) => (kind === 'day' ? day : utcDatetime(day));
  const params: Record<string, string> = {};
  const whens = [...mondays]
    .reverse()
    .map((monday, i) => {
      params[`${prefix}b${i}`] = bound(monday);
      params[`${prefix}m${i}`] = monday;
      return `WHEN ${column} >= :${prefix}b${i} THEN :${prefix}m${i}`;
    })
    .join(' ');
  const first = mondays[0]!;
  const end = addDays(mondays[mondays.length - 1]!, 7);
  params[`${prefix}from`] = bound(first);
  params[`${prefix}until`] = bound(end);
  return { sql: `CASE ${whens} END`, params, from: `:${prefix}from`, until: `:${prefix}until` };
}
