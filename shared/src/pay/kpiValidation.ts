/**
 * The one gate for KPI scheme definitions: either a compiled scheme (every decimal exact) or every problem, in
 * Chinese, naming the indicator and the field. Weights must total exactly 100, added as hundredths: 33.3 + 33.3 +
 * 33.4 is 100, 33.3 × 3 is 99.9 and refused with the sum.
 */
import { zh } from '../zhText';
import { exactDecimal, scaledText } from './exactDecimal';
import {
  KPI_GROUPS,
  KPI_PLACES,
  KPI_SCORING_KINDS,
  KPI_SOURCES,
  type CompiledKpiIndicator,
  type CompiledKpiScheme,
  type KpiSchemeDefinition,
} from './kpiTypes';

export interface KpiProblem {
  path: string;
  message: string;
}
export type KpiValidation = { ok: true; scheme: KpiSchemeDefinition; compiled: CompiledKpiScheme } | { ok: false; problems: KpiProblem[] };

/** Chinese names of the scheme's fields. */
export const KPI_FIELD_LABELS: Record<string, string> = {
  indicators: '指标',
  id: '编号',
  label: '名称',
  group: '类别',
  weight: '权重',
  source: '数据来源',
  measure: '口径',
  unit: '单位',
  target: '目标值',
  scoring: '评分规则',
  floor: '下限',
  bands: '分档',
  min: '档位起点',
  score: '得分',
  passScore: '达标分',
  teamLinkage: '团队联动',
  metAdjustBp: '团队达标时个人业绩权重调整',
  missedAdjustBp: '团队未达标时个人业绩权重调整',
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const shown = (v: unknown): string => (typeof v === 'string' ? `“${v.slice(0, 40)}”` : (JSON.stringify(v)?.slice(0, 40) ?? String(v)));
const named = (key: string) => `${KPI_FIELD_LABELS[key] ?? key} ${key} `;
const INDICATOR_KEYS = ['id', 'label', 'group', 'weight', 'source', 'measure', 'unit', 'target', 'scoring'];

/** Validate and compile a KPI scheme; every problem at once. */
export function validateKpiScheme(input: unknown): KpiValidation {
  const problems: KpiProblem[] = [];
  if (!isObject(input)) return { ok: false, problems: [{ path: '', message: 'KPI 方案定义应为对象，包含 indicators（指标列表）与 passScore（达标分）' }] };
  for (const key of Object.keys(input))
    if (!['indicators', 'passScore', 'teamLinkage'].includes(key)) problems.push({ path: key, message: `KPI 方案定义中有未知字段“${key}”` });

  const score = (v: unknown): number | string => {
    const r = exactDecimal(v, KPI_PLACES.score);
    if (!r.ok) return r.problem === 'decimals' ? '最多两位小数' : '应为 0 到 100 之间的分数';
    return r.scaled > 10_000 ? '应为 0 到 100 之间的分数' : r.scaled;
  };
  const pass = score(input.passScore);
  if (typeof pass === 'string') problems.push({ path: 'passScore', message: `${named('passScore')}${pass}，现为 ${shown(input.passScore)}` });

  let teamLinkage: CompiledKpiScheme['teamLinkage'] = null;
  if (input.teamLinkage !== undefined && input.teamLinkage !== null) {
    const t = input.teamLinkage;
    if (!isObject(t)) problems.push({ path: 'teamLinkage', message: zh`${named('teamLinkage')}应为对象 { metAdjustBp, missedAdjustBp } 或 null` });
    else {
      for (const key of Object.keys(t))
        if (key !== 'metAdjustBp' && key !== 'missedAdjustBp') problems.push({ path: `teamLinkage.${key}`, message: `团队联动中有未知字段“${key}”` });
      for (const key of ['metAdjustBp', 'missedAdjustBp'] as const) {
        const v = t[key];
        if (typeof v !== 'number' || !Number.isInteger(v) || v <= -10_000 || v > 10_000) {
          problems.push({
            path: `teamLinkage.${key}`,
            message: zh`${named(key)}应为 −9,999 到 10,000 之间的整数基点（1,000 = +10%，−500 = −5%），现为 ${shown(v)}`,
          });
        }
      }
      if (problems.every((p) => !p.path.startsWith('teamLinkage')))
        teamLinkage = { metAdjustBp: t.metAdjustBp as number, missedAdjustBp: t.missedAdjustBp as number };
    }
  }

  const indicators: CompiledKpiIndicator[] = [];
  const raw = input.indicators;
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > 30) {
    problems.push({ path: 'indicators', message: zh`${named('indicators')}应为 1 到 30 个指标的列表` });
  } else {
    const ids = new Map<string, number>();
    raw.forEach((r, i) => {
      const compiled = compileIndicator(r, i, problems);
      if (!compiled) return;
      const first = ids.get(compiled.id);
      if (first !== undefined)
        problems.push({
          path: `indicators[${i}].id`,
          message: zh`第 ${i + 1} 个指标“${compiled.label}”的${named('id')}与第 ${first + 1} 个指标重复：${shown(compiled.id)}`,
        });
      ids.set(compiled.id, i);
      indicators.push(compiled);
    });
    if (indicators.length === raw.length) {
      // Exact: weights are integers of hundredths, so the sum is exact too.
      const sum = indicators.reduce((s, x) => s + x.weightH, 0);
      if (sum !== 10_000) {
        const terms = indicators.map((x) => scaledText(x.weightH, 2)).join(' + ');
        problems.push({ path: 'indicators', message: `各指标权重合计为 ${scaledText(sum, 2)}，应恰好为 100（${terms} = ${scaledText(sum, 2)}）` });
      }
    }
  }
  if (problems.length > 0 || typeof pass === 'string') return { ok: false, problems };
  return { ok: true, scheme: input as unknown as KpiSchemeDefinition, compiled: { indicators, passScoreH: pass, teamLinkage } };
}

function compileIndicator(r: unknown, i: number, problems: KpiProblem[]): CompiledKpiIndicator | null {
  if (!isObject(r)) {
    problems.push({ path: `indicators[${i}]`, message: `第 ${i + 1} 个指标应为对象` });
    return null;
  }
  const where = typeof r.label === 'string' && r.label.trim() ? `第 ${i + 1} 个指标“${r.label.slice(0, 30)}”` : `第 ${i + 1} 个指标`;
  const before = problems.length;
  const add = (field: string, message: string) =>
    problems.push({ path: `indicators[${i}].${field}`, message: zh`${where}的${named(field.split('.').pop()!)}${message}` });
  for (const key of Object.keys(r))
    if (!INDICATOR_KEYS.includes(key)) problems.push({ path: `indicators[${i}].${key}`, message: zh`${where}中有未知字段“${key}”` });
  if (typeof r.id !== 'string' || !/^[a-z][A-Za-z0-9_]{0,31}$/.test(r.id)) add('id', `应为小写字母开头的英文编号（最多 32 位，如 sales），现为 ${shown(r.id)}`);
  if (typeof r.label !== 'string' || !r.label.trim() || r.label.length > 30) add('label', `应为 1 到 30 个字，现为 ${shown(r.label)}`);
  if (typeof r.group !== 'string' || !(r.group in KPI_GROUPS)) add('group', `应为 individual（个人业绩）或 team（团队协作），现为 ${shown(r.group)}`);
  if (typeof r.source !== 'string' || !(r.source in KPI_SOURCES)) {
    add(
      'source',
      zh`应为 ${Object.entries(KPI_SOURCES)
        .map(([k, v]) => `${k}（${v}）`)
        .join('、')}之一，现为 ${shown(r.source)}`,
    );
  }
  if (typeof r.measure !== 'string' || !r.measure.trim() || r.measure.length > 100) add('measure', `应为 1 到 100 个字的口径说明，现为 ${shown(r.measure)}`);
  if (typeof r.unit !== 'string' || !r.unit.trim() || r.unit.length > 10) add('unit', `应为 1 到 10 个字的单位（元、%、次、分），现为 ${shown(r.unit)}`);

  const weight = exactDecimal(r.weight, KPI_PLACES.weight);
  if (!weight.ok || weight.scaled <= 0 || weight.scaled > 10_000) {
    add('weight', `应为大于 0、不超过 100 的数，最多两位小数，现为 ${shown(r.weight)}`);
  }
  const target = exactDecimal(r.target, KPI_PLACES.value, { allowNegative: true });
  if (!target.ok) add('target', `应为数值（最多四位小数），现为 ${shown(r.target)}`);

  let scoring: CompiledKpiIndicator['scoring'] | null = null;
  const s = r.scoring;
  if (!isObject(s) || typeof s.kind !== 'string' || !(s.kind in KPI_SCORING_KINDS)) {
    add('scoring', zh`应为达标制（threshold）、线性（linear，需 floor）或分档（banded，需 bands）之一，现为 ${shown(s)}`);
  } else if (s.kind === 'threshold') {
    scoring = { kind: 'threshold' };
  } else if (s.kind === 'linear') {
    const floor = exactDecimal(s.floor, KPI_PLACES.value, { allowNegative: true });
    if (!floor.ok) add('scoring.floor', `应为数值（最多四位小数），现为 ${shown(s.floor)}`);
    else if (target.ok && floor.scaled === target.scaled) add('scoring.floor', `不能等于目标值 ${shown(r.target)}（线性评分需要一段区间）`);
    else scoring = { kind: 'linear', floor: floor.scaled };
  } else {
    const bands = s.bands;
    if (!Array.isArray(bands) || bands.length === 0 || bands.length > 10)
      add('scoring.bands', '应为 1 到 10 档的列表，如 [{ min: 8, score: 80 }, { min: 9, score: 100 }]');
    else {
      const compiled: { min: number; scoreH: number }[] = [];
      bands.forEach((b: unknown, j) => {
        const bo = isObject(b) ? b : {};
        const min = exactDecimal(bo.min, KPI_PLACES.value, { allowNegative: true });
        const sc = exactDecimal(bo.score, KPI_PLACES.score);
        const band = (field: 'min' | 'score', message: string) =>
          problems.push({ path: `indicators[${i}].scoring.bands[${j}].${field}`, message: zh`${where}的第 ${j + 1} 档${named(field)}${message}` });
        if (!min.ok) band('min', `应为数值，现为 ${shown(bo.min)}`);
        else if (compiled.length > 0 && min.scaled <= compiled[compiled.length - 1]!.min) band('min', '应大于上一档（按从低到高排列）');
        if (!sc.ok || sc.scaled > 10_000) band('score', `应为 0 到 100 之间的分数，现为 ${shown(bo.score)}`);
        if (min.ok && sc.ok) compiled.push({ min: min.scaled, scoreH: sc.scaled });
      });
      if (compiled.length === bands.length) scoring = { kind: 'banded', bands: compiled };
    }
  }
  if (problems.length > before || !weight.ok || !target.ok || !scoring) return null;
  return {
    id: r.id as string,
    label: r.label as string,
    group: r.group as CompiledKpiIndicator['group'],
    source: r.source as CompiledKpiIndicator['source'],
    measure: r.measure as string,
    unit: r.unit as string,
    weightH: weight.scaled,
    target: target.scaled,
    scoring,
  };
}
