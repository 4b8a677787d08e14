/** Asia/Shanghai wall-clock arithmetic without Node or DOM APIs (China has no DST: UTC+8 all year). */
const OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

/** A Shanghai wall-clock reading of an instant. */
export interface ShanghaiTime {
  /** yyyy-mm-dd */
  day: string;
  /** Minutes since midnight, 0..1439. */
  minuteOfDay: number;
  /** 0 Sunday … 6 Saturday. */
  weekday: number;
}

/** Read an instant on the Shanghai wall clock. */
export function shanghaiTime(ms: number): ShanghaiTime {
  const local = new Date(ms + OFFSET_MS);
  return {
    day: local.toISOString().slice(0, 10),
    minuteOfDay: local.getUTCHours() * 60 + local.getUTCMinutes(),
    weekday: local.getUTCDay(),
  };
}

/** The instant of `minuteOfDay` on Shanghai day `day` (yyyy-mm-dd). */
export function shanghaiInstant(day: string, minuteOfDay: number): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) - OFFSET_MS + minuteOfDay * 60_000;
}

/** The Shanghai day `n` days after `day`. */
export function shiftDay(day: string, n: number): string {
  return shanghaiTime(shanghaiInstant(day, 0) + n * DAY_MS).day;
}

/** "HH:MM" → minutes since midnight; null when malformed. */
export function parseClock(text: string): number | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** Minutes since midnight → "HH:MM". */
export function formatClock(minuteOfDay: number): string {
  return `${String(Math.floor(minuteOfDay / 60)).padStart(2, '0')}:${String(minuteOfDay % 60).padStart(2, '0')}`;
}
