/**
 * Team and company medians of a month's portrait metrics, computed by the talent.recompute job over everyone it
 * computed a portrait for that month and stored next to the portraits (never in a request).
 *
 * - Groups: the company (`company`), and each team: the person's main department at the recompute (`dept:<id>`;
 *   people without a main department count for the company only).
 * - A group's median of a metric is taken over the people of the group whose value is known (数据不足 values are
 *   left out, never counted as zero). Odd count: the middle value; even count: the mean of the two middle values,
 *   exact, rounded once half away from zero to the inputs' decimals (at least one), trailing zeros dropped.
 * - Fewer than MEDIAN_MIN_PEOPLE people with a value: no median, and 数据不足 says how many had one.
 */
import { zh } from '../zhText';
import { parseScaledDecimal } from '../decimal';
import { ratio, ratioToFixed } from '../pay/rounding';

/** Fewest people with a value a median needs. */
export const MEDIAN_MIN_PEOPLE = 3;
export const COMPANY_GROUP = 'company';
export const teamGroup = (deptId: number | string): string => `dept:${deptId}`;

export interface MetricMedian {
  /** `company` or `dept:<id>`. */
  group: string;
  metric: string;
  /** Exact decimal text, or null when 数据不足. */
  median: string | null;
  /** People of the group with a value (the median's sample). */
  people: number;
  /** People of the group with a portrait row of the metric (known or 数据不足). */
  population: number;
  /** 数据不足：…, or null. */
  missing: string | null;
}

export interface MedianInput {
  /** The person's team group (`dept:<id>`), or null without a main department. */
  team: string | null;
  metrics: readonly { metric: string; value: string | null }[];
}

const PLACES = 4;
const decimalsOf = (text: string) => (text.includes('.') ? text.length - text.indexOf('.') - 1 : 0);
const trim = (text: string) => (text.includes('.') ? text.replace(/\.?0+$/, '') : text);

/** The median of decimal texts (non-empty; values that are not plain non-negative decimals are ignored). */
export function medianOf(values: readonly string[]): string | null {
  const parsed = values
    .map((text) => ({ text, r: parseScaledDecimal(text, PLACES) }))
    .flatMap((p) => ('value' in p.r ? [{ text: p.text, scaled: BigInt(p.r.value) }] : []))
    .sort((a, b) => (a.scaled < b.scaled ? -1 : a.scaled > b.scaled ? 1 : 0));
  if (parsed.length === 0) return null;
  const mid = Math.floor(parsed.length / 2);
  if (parsed.length % 2 === 1) return trim(parsed[mid]!.text);
  const places = Math.max(1, ...parsed.map((p) => decimalsOf(p.text)));
  return trim(ratioToFixed(ratio(parsed[mid - 1]!.scaled + parsed[mid]!.scaled, 2n * 10n ** BigInt(PLACES)), places));
}

const groupLabel = (group: string) => (group === COMPANY_GROUP ? '全公司' : '本部门');

/** Every group's median of every metric present (company first, then teams; metrics in first-seen order). */
export function portraitMedians(people: readonly MedianInput[]): MetricMedian[] {
  const byGroup = new Map<string, Map<string, { values: string[]; population: number }>>();
  const add = (group: string, metric: string, value: string | null) => {
    let metrics = byGroup.get(group);
    if (!metrics) byGroup.set(group, (metrics = new Map()));
    let cell = metrics.get(metric);
    if (!cell) metrics.set(metric, (cell = { values: [], population: 0 }));
    cell.population++;
    if (value !== null) cell.values.push(value);
  };
  for (const p of people)
    for (const m of p.metrics) {
      add(COMPANY_GROUP, m.metric, m.value);
      if (p.team) add(p.team, m.metric, m.value);
    }
  const groups = [...byGroup.keys()].sort((a, b) => (a === COMPANY_GROUP ? -1 : b === COMPANY_GROUP ? 1 : a.localeCompare(b)));
  const out: MetricMedian[] = [];
  for (const group of groups)
    for (const [metric, cell] of byGroup.get(group)!) {
      const enough = cell.values.length >= MEDIAN_MIN_PEOPLE;
      out.push({
        group,
        metric,
        median: enough ? medianOf(cell.values) : null,
        people: cell.values.length,
        population: cell.population,
        missing: enough
          ? null
          : zh`数据不足：${groupLabel(group)}有此指标数据的只有 ${cell.values.length} 人（共 ${cell.population} 人有画像），中位数至少需要 ${MEDIAN_MIN_PEOPLE} 人`,
      });
    }
  return out;
}
