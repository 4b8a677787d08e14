/**
 * The one gate for job-model definitions: a compiled model (every decimal exact) or every problem at once, in
 * Chinese, naming the dimension and the field. Weights must total exactly 100, added as hundredths: 33.3 + 33.3 +
 * 33.4 is 100; 33.3 × 3 is 99.9 and refused with the sum.
 */
import { zh } from '../zhText';
import { exactDecimal, scaledText } from '../pay/exactDecimal';
import { TALENT_PLACES, type CompiledDimension, type CompiledJobModel, type CompiledRule, type JobModelDefinition } from './jobModelTypes';
import { talentInputInfo } from './talentMetrics';

export interface JobModelProblem {
  path: string;
  message: string;
}
export type JobModelValidation = { ok: true; model: JobModelDefinition; compiled: CompiledJobModel } | { ok: false; problems: JobModelProblem[] };

/** Chinese names of the definition's fields. */
export const JOB_MODEL_FIELD_LABELS: Record<string, string> = {
  dimensions: '维度',
  id: '编号',
  label: '名称',
  input: '数据来源',
  weight: '权重',
  rule: '评分规则',
  target: '目标值',
  floor: '下限',
  bands: '分档',
  min: '档位起点',
  score: '得分',
  description: '说明',
  maxMissingWeight: '允许缺数据的权重',
};

const DIMENSION_KEYS = ['id', 'label', 'input', 'weight', 'rule', 'description'];
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const shown = (v: unknown): string => (typeof v === 'string' ? `“${v.slice(0, 40)}”` : (JSON.stringify(v)?.slice(0, 40) ?? String(v)));
const named = (key: string) => `${JOB_MODEL_FIELD_LABELS[key] ?? key}（${key}）`;

/** Validate and compile a job model; every problem at once. */
export function validateJobModel(input: unknown): JobModelValidation {
  const problems: JobModelProblem[] = [];
  if (!isObject(input))
    return { ok: false, problems: [{ path: '', message: '岗位模型定义应为对象，包含 dimensions（维度列表）与 maxMissingWeight（允许缺数据的权重）' }] };
  for (const key of Object.keys(input))
    if (key !== 'dimensions' && key !== 'maxMissingWeight') problems.push({ path: key, message: `岗位模型定义中有未知字段“${key}”` });

  const maxMissing = exactDecimal(input.maxMissingWeight, TALENT_PLACES.weight);
  if (!maxMissing.ok || maxMissing.scaled > 10_000)
    problems.push({
      path: 'maxMissingWeight',
      message: zh`${named('maxMissingWeight')}应为 0 到 100 之间的数（最多两位小数），现为 ${shown(input.maxMissingWeight)}`,
    });

  const dimensions: CompiledDimension[] = [];
  const raw = input.dimensions;
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > 20) {
    problems.push({ path: 'dimensions', message: zh`${named('dimensions')}应为 1 到 20 个维度的列表` });
  } else {
    const ids = new Map<string, number>();
    raw.forEach((r, i) => {
      const d = compileDimension(r, i, problems);
      if (!d) return;
      const first = ids.get(d.id);
      if (first !== undefined)
        problems.push({ path: `dimensions[${i}].id`, message: zh`第 ${i + 1} 个维度“${d.label}”的${named('id')}与第 ${first + 1} 个维度重复：${shown(d.id)}` });
      ids.set(d.id, i);
      dimensions.push(d);
    });
    if (dimensions.length === raw.length) {
      // Exact: weights are integers of hundredths, so their sum is exact too.
      const sum = dimensions.reduce((s, d) => s + d.weightH, 0);
      if (sum !== 10_000) {
        const terms = dimensions.map((d) => scaledText(d.weightH, 2)).join(' + ');
        problems.push({ path: 'dimensions', message: `各维度权重合计为 ${scaledText(sum, 2)}，应恰好为 100（${terms} = ${scaledText(sum, 2)}）` });
      }
    }
  }
  if (problems.length > 0 || !maxMissing.ok) return { ok: false, problems };
  return { ok: true, model: input as unknown as JobModelDefinition, compiled: { dimensions, maxMissingWeightH: maxMissing.scaled } };
}

function compileDimension(r: unknown, i: number, problems: JobModelProblem[]): CompiledDimension | null {
  if (!isObject(r)) {
    problems.push({ path: `dimensions[${i}]`, message: `第 ${i + 1} 个维度应为对象` });
    return null;
  }
  const where = typeof r.label === 'string' && r.label.trim() ? `第 ${i + 1} 个维度“${r.label.slice(0, 30)}”` : `第 ${i + 1} 个维度`;
  const before = problems.length;
  const add = (field: string, message: string) =>
    problems.push({ path: `dimensions[${i}].${field}`, message: zh`${where}的${named(field.split('.').pop()!)}${message}` });
  for (const key of Object.keys(r))
    if (!DIMENSION_KEYS.includes(key)) problems.push({ path: `dimensions[${i}].${key}`, message: zh`${where}中有未知字段“${key}”` });
  if (typeof r.id !== 'string' || !/^[a-z][A-Za-z0-9_]{0,31}$/.test(r.id))
    add('id', `应为小写字母开头的英文编号（最多 32 位，如 coordination），现为 ${shown(r.id)}`);
  if (typeof r.label !== 'string' || !r.label.trim() || r.label.length > 30) add('label', `应为 1 到 30 个字，现为 ${shown(r.label)}`);
  if (r.description !== undefined && r.description !== null && (typeof r.description !== 'string' || r.description.length > 200))
    add('description', `应为不超过 200 字的文字，现为 ${shown(r.description)}`);
  const info = typeof r.input === 'string' ? talentInputInfo(r.input) : null;
  if (!info)
    add(
      'input',
      zh`是未知的指标${shown(r.input)}：应为画像指标（如 renewalRate 续签率、collaborationsPerMonth 跨部门协作）或测评得分（如 assessment.customerInsight）`,
    );
  const weight = exactDecimal(r.weight, TALENT_PLACES.weight);
  if (!weight.ok || weight.scaled <= 0 || weight.scaled > 10_000) add('weight', `应为大于 0、不超过 100 的数，最多两位小数，现为 ${shown(r.weight)}`);

  const rule = compileRule(
    r.rule,
    (field, message) => add(`rule.${field}`, message),
    (j, field, message) =>
      problems.push({ path: `dimensions[${i}].rule.bands[${j}].${field}`, message: zh`${where}的第 ${j + 1} 档${named(field)}${message}` }),
  );
  if (problems.length > before || !weight.ok || !rule || !info) return null;
  return {
    id: r.id as string,
    label: (r.label as string).trim(),
    input: r.input as CompiledDimension['input'],
    weightH: weight.scaled,
    rule,
    description: typeof r.description === 'string' ? r.description : null,
  };
}

function compileRule(
  s: unknown,
  add: (field: string, message: string) => void,
  band: (j: number, field: 'min' | 'score', message: string) => void,
): CompiledRule | null {
  const value = (v: unknown) => exactDecimal(v, TALENT_PLACES.value, { allowNegative: true });
  if (!isObject(s) || (s.kind !== 'threshold' && s.kind !== 'linear' && s.kind !== 'banded')) {
    add('kind', zh`应为达标制（threshold，需 target）、线性（linear，需 floor 与 target）或分档（banded，需 bands）之一，现为 ${shown(s)}`);
    return null;
  }
  if (s.kind === 'threshold' || s.kind === 'linear') {
    const target = value(s.target);
    if (!target.ok) add('target', `应为数值（最多四位小数），现为 ${shown(s.target)}`);
    if (s.kind === 'threshold') return target.ok ? { kind: 'threshold', target: target.scaled } : null;
    const floor = value(s.floor);
    if (!floor.ok) add('floor', `应为数值（最多四位小数），现为 ${shown(s.floor)}`);
    else if (target.ok && floor.scaled === target.scaled) add('floor', `不能等于目标值 ${shown(s.target)}（线性评分需要一段区间）`);
    else if (target.ok) return { kind: 'linear', floor: floor.scaled, target: target.scaled };
    return null;
  }
  const bands = s.bands;
  if (!Array.isArray(bands) || bands.length === 0 || bands.length > 10) {
    add('bands', '应为 1 到 10 档的列表，按起点从低到高，如 [{ min: 8, score: 80 }, { min: 9, score: 100 }]');
    return null;
  }
  const compiled: { min: number; scoreH: number }[] = [];
  bands.forEach((b: unknown, j) => {
    const bo = isObject(b) ? b : {};
    const min = value(bo.min);
    const sc = exactDecimal(bo.score, TALENT_PLACES.score);
    if (!min.ok) band(j, 'min', `应为数值，现为 ${shown(bo.min)}`);
    else if (compiled.length > 0 && min.scaled <= compiled[compiled.length - 1]!.min) band(j, 'min', '应大于上一档（按从低到高排列）');
    if (!sc.ok || sc.scaled > 10_000) band(j, 'score', `应为 0 到 100 之间的分数，现为 ${shown(bo.score)}`);
    if (min.ok && sc.ok) compiled.push({ min: min.scaled, scoreH: sc.scaled });
  });
  return compiled.length === bands.length ? { kind: 'banded', bands: compiled } : null;
}
