/** Display formatting (Chinese UI). Pure functions; times are shown in the device's local time zone. */

const pad = (n: number): string => String(n).padStart(2, '0');

/** A count with thousands separators, `12345` → `12,345` (the zh-CN grouping, fixed so tests and phones agree). */
export function formatCount(n: number): string {
  return n.toLocaleString('zh-CN');
}

/** `2026-03-05T08:09:00Z` → `2026-03-05 16:09` (local); '—' for null/invalid. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A calendar date `2021-07-01` → `2021年7月1日` (no time-zone shift); '—' for null/invalid. */
export function formatDate(ymd: string | null | undefined): string {
  const m = ymd ? /^(\d{4})-(\d{2})-(\d{2})/.exec(ymd) : null;
  if (!m) return '—';
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** Milliseconds → `850 毫秒`, `12.3 秒`, `2 分 5 秒`, `1 小时 3 分`; '—' for null/negative. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1000) return `${Math.round(ms)} 毫秒`;
  if (ms < 60_000) return `${(Math.round(ms / 100) / 10).toFixed(1)} 秒`;
  const totalSec = Math.round(ms / 1000);
  if (totalSec < 3600) return `${Math.floor(totalSec / 60)} 分 ${totalSec % 60} 秒`;
  const totalMin = Math.round(totalSec / 60);
  return `${Math.floor(totalMin / 60)} 小时 ${totalMin % 60} 分`;
}

/** How long ago `iso` was relative to `now`: `刚刚`, `5 分钟前`, `3 小时前`, `2 天前`, else the date-time. */
export function formatRelative(iso: string | null | undefined, now: Date = new Date()): string {
  if (!iso) return '—';
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return '—';
  const sec = Math.floor((now.getTime() - t) / 1000);
  if (sec < 0) return formatDateTime(iso);
  if (sec < 60) return '刚刚';
  if (sec < 3600) return `${Math.floor(sec / 60)} 分钟前`;
  if (sec < 86_400) return `${Math.floor(sec / 3600)} 小时前`;
  if (sec < 7 * 86_400) return `${Math.floor(sec / 86_400)} 天前`;
  return formatDateTime(iso);
}

/** Whole years and months between a `yyyy-mm-dd` hire date and `today` (司龄), e.g. `2 年 3 个月`; null if unknown/future. */
export function tenure(hiredOn: string | null | undefined, today: Date = new Date()): string | null {
  const m = hiredOn ? /^(\d{4})-(\d{2})-(\d{2})/.exec(hiredOn) : null;
  if (!m) return null;
  let months = (today.getFullYear() - Number(m[1])) * 12 + (today.getMonth() + 1 - Number(m[2]));
  if (today.getDate() < Number(m[3])) months -= 1;
  if (months < 0) return null;
  if (months === 0) return '不满 1 个月';
  const y = Math.floor(months / 12);
  const mo = months % 12;
  return [y ? `${y} 年` : '', mo ? `${mo} 个月` : ''].filter(Boolean).join(' ');
}

/** Integer fen → yuan for display, by string arithmetic (never floats): `1500000` → `¥15,000`, `150` → `¥1.50`. */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  const yuan = Math.floor(abs / 100);
  const cents = abs % 100;
  return `${sign}¥${formatCount(yuan)}${cents ? `.${String(cents).padStart(2, '0')}` : ''}`;
}

/** A value kept ×100 as an integer (1.5 days = 150) → `1.5`; `400` → `4`. */
export function formatHundredths(n: number): string {
  const whole = Math.trunc(n / 100);
  const rest = Math.abs(n % 100);
  if (!rest) return String(whole);
  return `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}`;
}

/** `2026-10` → `2026年10月`. */
export function formatMonth(ym: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(ym);
  return m ? `${m[1]}年${Number(m[2])}月` : ym;
}
