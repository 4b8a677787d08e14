/**
 * The one gate for incentive plan definitions: anything (a JSON body, a form) goes in, either a typed plan or every
 * problem comes out, each in Chinese naming the component (its position and name) and the field (its Chinese name
 * and JSON key) and saying what was expected.
 */
import { zh } from '../zhText';
import { MAX_SAFE_FEN } from '../money';
import { bpPercent, yuan } from './format';
import { COMPONENT_KINDS, PAY_EVENTS, THRESHOLD_METRICS, type ComponentKind, type IncentivePlanDefinition, type PlanComponent, type Tier } from './planTypes';

/** One problem: `path` locates it in the JSON (`components[1].rateBp`), `message` says it in Chinese. */
export interface PlanProblem {
  path: string;
  message: string;
}
export type PlanValidation = { ok: true; plan: IncentivePlanDefinition } | { ok: false; problems: PlanProblem[] };

/** Chinese names of the definition's fields, for messages and forms. */
export const PLAN_FIELD_LABELS: Record<string, string> = {
  id: '编号',
  label: '名称',
  kind: '类型',
  capFen: '本期上限',
  rateBp: '比例',
  metric: '考核指标',
  thresholdTenths: '门槛',
  amountFen: '奖金金额',
  rateBpPerYear: '每年比例',
  maxYears: '最多计算年数',
  event: '计次事件',
  withDepartment: '协作部门',
  amountFenPerEvent: '每次金额',
  maxEvents: '最多计算次数',
  tiers: '阶梯',
  fromFen: '起点',
  periodCapFen: '每期总上限',
  guarantee: '转型保底',
  rampMonths: '保底月数',
  floorBp: '保底比例',
  components: '组件',
};

const MAX_COMPONENTS = 20;
const MAX_TIERS = 10;
const MAX_BP = 10_000;
const FIELDS: Record<ComponentKind, readonly string[]> = {
  percentOfContract: ['rateBp'],
  thresholdBonus: ['metric', 'thresholdTenths', 'amountFen'],
  renewalPercent: ['rateBpPerYear', 'maxYears'],
  perEvent: ['event', 'withDepartment', 'amountFenPerEvent', 'maxEvents'],
  tiered: ['tiers'],
};
const COMMON = ['id', 'kind', 'label', 'capFen'];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const n = (v: number) => v.toLocaleString('en-US');
const shown = (v: unknown): string => (typeof v === 'string' ? `“${v.slice(0, 40)}”` : (JSON.stringify(v)?.slice(0, 40) ?? String(v)));
const named = (key: string) => `${PLAN_FIELD_LABELS[key] ?? key} ${key} `;

/** Problem text for an integer field, or null when fine. */
function integerProblem(v: unknown, min: number, max: number, what: (x: number) => string = n): string | null {
  if (typeof v !== 'number' || !Number.isInteger(v)) return `应为整数，现为 ${shown(v)}`;
  if (v < 0 && min >= 0) return `不能为负数，现为 ${what(v)}`;
  // No space after a full-width parenthesis: “0 基点（0%）到 10,000 基点（100%）之间”.
  if (v < min || v > max) return `应在 ${what(min)} 到 ${what(max)} 之间，现为 ${what(v)}`.replace(/） /g, '）');
  return null;
}
const bpText = (bp: number) => `${n(bp)} 基点（${bpPercent(bp)}）`;
const fenText = (fen: number) => `${n(fen)} 分（${yuan(fen)}）`;

/** Validate a plan definition; every problem at once. */
export function validatePlanDefinition(input: unknown): PlanValidation {
  const problems: PlanProblem[] = [];
  if (!isObject(input)) return { ok: false, problems: [{ path: '', message: '方案定义应为对象，包含 components（组件列表）' }] };
  for (const key of Object.keys(input)) {
    if (!['components', 'periodCapFen', 'guarantee'].includes(key)) problems.push({ path: key, message: `方案定义中有未知字段“${key}”` });
  }
  const rawComponents = input.components;
  if (!Array.isArray(rawComponents) || rawComponents.length === 0) {
    problems.push({ path: 'components', message: zh`${named('components')}应为非空列表，至少一个组件` });
  } else if (rawComponents.length > MAX_COMPONENTS) {
    problems.push({ path: 'components', message: zh`${named('components')}最多 ${MAX_COMPONENTS} 个，现有 ${rawComponents.length} 个` });
  } else {
    const ids = new Map<string, number>();
    const labels = new Map<string, number>();
    rawComponents.forEach((raw, i) => {
      validateComponent(raw, i, problems);
      if (!isObject(raw)) return;
      for (const [key, seen] of [
        ['id', ids],
        ['label', labels],
      ] as const) {
        const v = raw[key];
        if (typeof v !== 'string') continue;
        const first = seen.get(v);
        if (first !== undefined)
          problems.push({ path: `components[${i}].${key}`, message: zh`${where(raw, i)}的${named(key)}与第 ${first + 1} 个组件重复：${shown(v)}` });
        else seen.set(v, i);
      }
    });
  }
  if (input.periodCapFen !== undefined && input.periodCapFen !== null) {
    const p = integerProblem(input.periodCapFen, 1, MAX_SAFE_FEN, fenText);
    if (p) problems.push({ path: 'periodCapFen', message: `${named('periodCapFen')}${p}` });
  }
  if (input.guarantee !== undefined && input.guarantee !== null) {
    const g = input.guarantee;
    if (!isObject(g)) problems.push({ path: 'guarantee', message: zh`${named('guarantee')}应为对象 { rampMonths, floorBp } 或 null` });
    else {
      for (const key of Object.keys(g))
        if (!['rampMonths', 'floorBp'].includes(key)) problems.push({ path: `guarantee.${key}`, message: `转型保底中有未知字段“${key}”` });
      const months = integerProblem(g.rampMonths, 1, 24);
      if (months) problems.push({ path: 'guarantee.rampMonths', message: zh`转型保底的${named('rampMonths')}${months}` });
      const floor = integerProblem(g.floorBp, 1, MAX_BP, bpText);
      if (floor) problems.push({ path: 'guarantee.floorBp', message: zh`转型保底的${named('floorBp')}${floor}` });
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, plan: input as unknown as IncentivePlanDefinition };
}

/** "第 2 个组件“满意度奖金”". */
function where(raw: Record<string, unknown>, i: number): string {
  return typeof raw.label === 'string' && raw.label.trim() ? `第 ${i + 1} 个组件“${raw.label.slice(0, 30)}”` : `第 ${i + 1} 个组件`;
}

function validateComponent(raw: unknown, i: number, problems: PlanProblem[]): void {
  const at = (field: string) => `components[${i}].${field}`;
  if (!isObject(raw)) {
    problems.push({ path: `components[${i}]`, message: `第 ${i + 1} 个组件应为对象` });
    return;
  }
  const w = where(raw, i);
  const add = (field: string, problem: string) => problems.push({ path: at(field), message: zh`${w}的${named(field)}${problem}` });
  if (typeof raw.id !== 'string' || !/^[a-z][A-Za-z0-9_]{0,31}$/.test(raw.id))
    add('id', `应为小写字母开头的英文编号（最多 32 位，如 contract），现为 ${shown(raw.id)}`);
  if (typeof raw.label !== 'string' || !raw.label.trim() || raw.label.length > 30) add('label', `应为 1 到 30 个字，现为 ${shown(raw.label)}`);
  const kind = raw.kind;
  if (typeof kind !== 'string' || !(kind in COMPONENT_KINDS)) {
    const known = Object.entries(COMPONENT_KINDS)
      .map(([k, v]) => `${k}（${v}）`)
      .join('、');
    add('kind', zh`未知：${shown(kind)}；应为 ${known}之一`);
    return;
  }
  const k = kind as ComponentKind;
  for (const key of Object.keys(raw)) {
    if (!COMMON.includes(key) && !FIELDS[k].includes(key)) problems.push({ path: at(key), message: `${w}（${COMPONENT_KINDS[k]}）中有未知字段“${key}”` });
  }
  if (raw.capFen !== undefined && raw.capFen !== null) {
    const p = integerProblem(raw.capFen, 1, MAX_SAFE_FEN, fenText);
    if (p) add('capFen', p);
  }
  const check = (field: string, min: number, max: number, what?: (x: number) => string, optional = false) => {
    if (optional && (raw[field] === undefined || raw[field] === null)) return;
    const p = integerProblem(raw[field], min, max, what);
    if (p) add(field, p);
  };
  const c = raw as Partial<PlanComponent> & Record<string, unknown>;
  switch (k) {
    case 'percentOfContract':
      check('rateBp', 0, MAX_BP, bpText);
      break;
    case 'thresholdBonus':
      if (typeof c.metric !== 'string' || !(c.metric in THRESHOLD_METRICS)) add('metric', `应为 satisfaction（客户满意度），现为 ${shown(c.metric)}`);
      check('thresholdTenths', 0, 100, (x) => `${n(x)}（${x / 10} 分）`);
      check('amountFen', 0, MAX_SAFE_FEN, fenText);
      break;
    case 'renewalPercent':
      check('rateBpPerYear', 0, MAX_BP, bpText);
      check('maxYears', 1, 50, n, true);
      break;
    case 'perEvent':
      if (typeof c.event !== 'string' || !(c.event in PAY_EVENTS)) add('event', `应为 coordination（跨部门协作），现为 ${shown(c.event)}`);
      if (
        c.withDepartment !== undefined &&
        c.withDepartment !== null &&
        (typeof c.withDepartment !== 'string' || !c.withDepartment.trim() || c.withDepartment.length > 50)
      ) {
        add('withDepartment', `应为部门名称（1 到 50 个字）或 null，现为 ${shown(c.withDepartment)}`);
      }
      check('amountFenPerEvent', 0, MAX_SAFE_FEN, fenText);
      check('maxEvents', 1, 10_000, n, true);
      break;
    case 'tiered':
      validateTiers(c.tiers, (field, p) => problems.push({ path: at(field), message: zh`${w}的${p}` }));
      break;
  }
}

function validateTiers(tiers: unknown, add: (field: string, problem: string) => void): void {
  if (!Array.isArray(tiers) || tiers.length === 0 || tiers.length > MAX_TIERS) {
    add('tiers', zh`${named('tiers')}应为 1 到 ${MAX_TIERS} 档的列表，如 [{ fromFen: 0, rateBp: 80 }, { fromFen: 10000000, rateBp: 120 }]`);
    return;
  }
  let previous: number | null = null;
  tiers.forEach((t: unknown, j) => {
    const label = `第 ${j + 1} 档`;
    if (!isObject(t)) {
      add(`tiers[${j}]`, zh`${label}应为对象 { fromFen, rateBp }`);
      return;
    }
    for (const key of Object.keys(t)) if (key !== 'fromFen' && key !== 'rateBp') add(`tiers[${j}].${key}`, zh`${label}中有未知字段“${key}”`);
    const from = integerProblem(t.fromFen, 0, MAX_SAFE_FEN, fenText);
    if (from) add(`tiers[${j}].fromFen`, zh`${label}的${named('fromFen')}${from}`);
    else {
      const tier = t as unknown as Tier;
      if (j === 0 && tier.fromFen !== 0)
        add(`tiers[${j}].fromFen`, zh`${label}的${named('fromFen')}应为 0（从本期第一笔签约额算起），现为 ${fenText(tier.fromFen)}`);
      if (previous !== null && tier.fromFen <= previous)
        add(`tiers[${j}].fromFen`, zh`${label}的${named('fromFen')}应大于上一档的 ${fenText(previous)}，现为 ${fenText(tier.fromFen)}`);
      previous = tier.fromFen;
    }
    const rate = integerProblem(t.rateBp, 0, MAX_BP, bpText);
    if (rate) add(`tiers[${j}].rateBp`, zh`${label}的${named('rateBp')}${rate}`);
  });
}
