/**
 * HR's reference value for a portrait metric (e.g. 大客户成交周期: 行业 30 天), company-wide: checked here for the
 * editor and the server alike. A value is a plain non-negative decimal with at most two decimals (a percentage at
 * most 100); null clears the reference. A note (where the figure comes from) has at most 200 characters.
 */
import { zh } from '../zhText';
import { parseScaledDecimal } from '../decimal';
import { talentInputInfo } from './talentMetrics';

export const REFERENCE_NOTE_MAX = 200;

export type ReferenceCheck =
  { ok: true; value: string | null; note: string | null } | { ok: false; problems: { field: 'metric' | 'value' | 'note'; label: string; message: string }[] };

/** Check a reference value for `metric`; the value comes back as normalised decimal text (“30”, “82.5”). */
export function checkMetricReference(metric: string, value: unknown, note: unknown): ReferenceCheck {
  const problems: Extract<ReferenceCheck, { ok: false }>['problems'] = [];
  const info = talentInputInfo(metric);
  if (!info) problems.push({ field: 'metric', label: '指标', message: zh`未知的指标“${metric}”` });
  let text: string | null = null;
  if (value !== null && value !== undefined && value !== '') {
    const raw = typeof value === 'number' && Number.isFinite(value) ? String(value) : typeof value === 'string' ? value.trim() : null;
    const parsed = raw === null ? null : parseScaledDecimal(raw, 2);
    if (!parsed || 'problem' in parsed) problems.push({ field: 'value', label: '参考值', message: '应为不小于 0 的数，最多两位小数（清除参考值请留空）' });
    else if (info?.unit === '%' && parsed.value > 10000) problems.push({ field: 'value', label: '参考值', message: '应为 0 到 100 之间的百分比' });
    else {
      const digits = String(parsed.value).padStart(3, '0');
      text = `${digits.slice(0, -2)}.${digits.slice(-2)}`.replace(/\.?0+$/, '');
    }
  }
  const noteText = typeof note === 'string' ? note.trim() : null;
  if (note !== null && note !== undefined && typeof note !== 'string') problems.push({ field: 'note', label: '说明', message: '应为文字' });
  else if (noteText && noteText.length > REFERENCE_NOTE_MAX) problems.push({ field: 'note', label: '说明', message: zh`最多 ${REFERENCE_NOTE_MAX} 个字` });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: text, note: noteText || null };
}
