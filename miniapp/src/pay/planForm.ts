/**
 * The plan editor's form: a plan definition in people's units (rates in %, amounts in 元, thresholds in 分) and
 * back, exactly (0.8 % → 80 basis points through the shared exact decimal reader, 5,000 元 → 500,000 fen through
 * `yuanToFen`). Typing problems are named in the form's terms; range problems come from the shared
 * `validatePlanDefinition`, the same gate the server uses.
 */
import { zh } from '@liucai/shared';
import {
  COMPONENT_KINDS,
  exactDecimal,
  fenToYuanText,
  scaledText,
  validatePlanDefinition,
  yuanToFen,
  type ComponentKind,
  type IncentivePlanDefinition,
  type PlanComponent,
} from '@liucai/shared';

export interface TierForm {
  from: string;
  rate: string;
}

export interface ComponentForm {
  /** React key (stable while editing). */
  key: string;
  id: string;
  kind: ComponentKind;
  label: string;
  /** % (percentOfContract, renewalPercent per year). */
  rate: string;
  /** 元 (thresholdBonus's bonus, perEvent's amount per event). */
  amount: string;
  /** 分, 0–10 (thresholdBonus). */
  threshold: string;
  /** 技术部 (perEvent). */
  withDepartment: string;
  /** Whole numbers, optional (renewalPercent's years, perEvent's events). */
  max: string;
  /** 元, optional: the component's cap per period. */
  cap: string;
  tiers: TierForm[];
}

export interface PlanForm {
  components: ComponentForm[];
  /** 元, optional. */
  periodCap: string;
  guarantee: boolean;
  rampMonths: string;
  /** % of the baseline. */
  floorPercent: string;
}

let keys = 0;
const nextKey = () => `c${++keys}`;
const percent = (bp: number) => scaledText(bp, 2);
const yuanText = (fen: number) => fenToYuanText(fen).replace(/\.00$/, '');
const opt = (v: number | null | undefined, f: (n: number) => string = String) => (v === null || v === undefined ? '' : f(v));

const blankComponent = (kind: ComponentKind, id: string, label: string): ComponentForm => ({
  key: nextKey(),
  id,
  kind,
  label,
  rate: '',
  amount: '',
  threshold: '',
  withDepartment: '',
  max: '',
  cap: '',
  tiers: [],
});

/** A new component of `kind` with sensible defaults, its id unique among `existing`. */
export function newComponent(kind: ComponentKind, existing: readonly ComponentForm[]): ComponentForm {
  let n = existing.length + 1;
  while (existing.some((c) => c.id === `${kind}${n}`)) n++;
  const c = blankComponent(kind, `${kind}${n}`, COMPONENT_KINDS[kind]);
  if (kind === 'percentOfContract') c.rate = '0.8';
  if (kind === 'thresholdBonus') Object.assign(c, { threshold: '9', amount: '5000' });
  if (kind === 'renewalPercent') c.rate = '0.5';
  if (kind === 'perEvent') Object.assign(c, { amount: '200', withDepartment: '技术部' });
  if (kind === 'tiered') {
    c.tiers = [
      { from: '0', rate: '0.8' },
      { from: '100000', rate: '1.2' },
    ];
  }
  return c;
}

/** The form for a stored definition. */
export function formFromDefinition(def: IncentivePlanDefinition): PlanForm {
  return {
    components: def.components.map((c) => {
      const f = blankComponent(c.kind, c.id, c.label);
      f.cap = opt(c.capFen, yuanText);
      switch (c.kind) {
        case 'percentOfContract':
          f.rate = percent(c.rateBp);
          break;
        case 'thresholdBonus':
          Object.assign(f, { threshold: scaledText(c.thresholdTenths, 1), amount: yuanText(c.amountFen) });
          break;
        case 'renewalPercent':
          Object.assign(f, { rate: percent(c.rateBpPerYear), max: opt(c.maxYears) });
          break;
        case 'perEvent':
          Object.assign(f, { amount: yuanText(c.amountFenPerEvent), withDepartment: c.withDepartment ?? '', max: opt(c.maxEvents) });
          break;
        case 'tiered':
          f.tiers = c.tiers.map((t) => ({ from: yuanText(t.fromFen), rate: percent(t.rateBp) }));
          break;
      }
      return f;
    }),
    periodCap: opt(def.periodCapFen, yuanText),
    guarantee: !!def.guarantee,
    rampMonths: def.guarantee ? String(def.guarantee.rampMonths) : '3',
    floorPercent: def.guarantee ? percent(def.guarantee.floorBp) : '100',
  };
}

export type FormResult = { ok: true; definition: IncentivePlanDefinition } | { ok: false; problems: string[] };

/** The definition the form describes, or every problem (typing first, then the shared validation). */
export function definitionFromForm(form: PlanForm): FormResult {
  const problems: string[] = [];
  const read = <T>(what: string, text: string, parse: (t: string) => T | null, expected: string, optional = false): T | null => {
    if (optional && text.trim() === '') return null;
    const v = text.trim() === '' ? null : parse(text.trim());
    if (v === null) problems.push(zh`${what}${text.trim() === '' ? '必填' : '填写有误'}：应为${expected}`);
    return v;
  };
  const pct = (t: string) => {
    const r = exactDecimal(t.replace(/%$/, ''), 2);
    return r.ok ? r.scaled : null;
  };
  const fen = (t: string) => {
    const r = yuanToFen(t);
    return r.ok ? r.fen : null;
  };
  const tenths = (t: string) => {
    const r = exactDecimal(t, 1);
    return r.ok ? r.scaled : null;
  };
  const int = (t: string) => (/^\d+$/.test(t) ? Number(t) : null);

  const components = form.components.map((c, i): PlanComponent => {
    const w = `第 ${i + 1} 个组件“${c.label || COMPONENT_KINDS[c.kind]}”的`;
    const capFen = read(zh`${w}本期上限`, c.cap, fen, '金额（元），可留空', true);
    const base = { id: c.id, label: c.label.trim(), ...(capFen !== null ? { capFen } : {}) };
    const PCT = '百分数（最多两位小数），如 0.8';
    switch (c.kind) {
      case 'percentOfContract':
        return { ...base, kind: c.kind, rateBp: read(zh`${w}比例`, c.rate, pct, PCT) ?? 0 };
      case 'thresholdBonus':
        return {
          ...base,
          kind: c.kind,
          metric: 'satisfaction',
          thresholdTenths: read(zh`${w}满意度门槛`, c.threshold, tenths, '0 到 10 分（最多一位小数），如 9') ?? 0,
          amountFen: read(zh`${w}奖金`, c.amount, fen, '金额（元），如 5000') ?? 0,
        };
      case 'renewalPercent': {
        const maxYears = read(zh`${w}最多计算年数`, c.max, int, '正整数，可留空', true);
        return { ...base, kind: c.kind, rateBpPerYear: read(zh`${w}每年比例`, c.rate, pct, PCT) ?? 0, ...(maxYears !== null ? { maxYears } : {}) };
      }
      case 'perEvent': {
        const maxEvents = read(zh`${w}每期最多次数`, c.max, int, '正整数，可留空', true);
        return {
          ...base,
          kind: c.kind,
          event: 'coordination',
          withDepartment: c.withDepartment.trim() || null,
          amountFenPerEvent: read(zh`${w}每次金额`, c.amount, fen, '金额（元），如 200') ?? 0,
          ...(maxEvents !== null ? { maxEvents } : {}),
        };
      }
      case 'tiered':
        return {
          ...base,
          kind: c.kind,
          tiers: c.tiers.map((t, j) => ({
            fromFen: read(zh`${w}第 ${j + 1} 档起点`, t.from, fen, '金额（元），第一档为 0') ?? 0,
            rateBp: read(zh`${w}第 ${j + 1} 档比例`, t.rate, pct, PCT) ?? 0,
          })),
        };
    }
  });
  const periodCapFen = read('每期总上限', form.periodCap, fen, '金额（元），可留空', true);
  const definition: IncentivePlanDefinition = {
    components,
    ...(periodCapFen !== null ? { periodCapFen } : {}),
    guarantee: form.guarantee
      ? { rampMonths: read('保底月数', form.rampMonths, int, '1 到 24 的整数') ?? 0, floorBp: read('保底比例', form.floorPercent, pct, '百分数，如 100') ?? 0 }
      : null,
  };
  if (problems.length > 0) return { ok: false, problems };
  const checked = validatePlanDefinition(definition);
  return checked.ok ? { ok: true, definition: checked.plan } : { ok: false, problems: checked.problems.map((p) => p.message) };
}
