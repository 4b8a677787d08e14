import { fenToYuanText } from '../money';
import { zh } from '../zhText';
import { formatAmount } from './drivers';
import { BASELINE_WEEKS, RECENT_WEEKS } from './signals';
import { addDays, weeksEnding } from './weeks';

/**
 * Signals read from other domains (pay, talent, training), shown with the week's signals; each says 无数据 when the
 * domain holds nothing for the person, so the radar works without them. Features of the model kind v2
 * (`MODEL_FEATURES`; the default kind, README “Retention radar”).
 * Each is kept as numbers (`DomainFact`) and put in words on read (`describeDomainSignal`).
 *
 * - 绩效发放 (payout): the person's published payout total of the latest published month up to the week's month,
 *   against the average of up to 3 published months before it.
 * - 岗位匹配分 (match score): the latest stored month's score (tenths) against the average of up to 3 months before.
 * - 培训 (training): courses completed in the recent 4 weeks against the person's 12 baseline weeks (per 4 weeks),
 *   and the exam average of the recent window when there is one.
 */
export type DomainSignalKey = 'payout' | 'matchScore' | 'training';
export const DOMAIN_SIGNAL_LABELS: Record<DomainSignalKey, string> = { payout: '绩效发放', matchScore: '岗位匹配分', training: '培训' };
/** Baseline months of the monthly signals. */
export const BASELINE_MONTHS = 3;

export interface DomainSignal {
  key: DomainSignalKey;
  label: string;
  /** `none` = 无数据 (the domain holds nothing for the person); `insufficient` = no baseline yet. */
  status: 'ok' | 'insufficient' | 'none';
  recent: number | null;
  baseline: number | null;
  /** Relative change against the baseline; null without one or when the baseline is zero. */
  change: number | null;
  text: string;
}

export interface MonthValue {
  /** yyyy-mm. */
  period: string;
  value: number;
}

const change = (recent: number, baseline: number) => (baseline !== 0 ? (recent - baseline) / Math.abs(baseline) : null);
const pct = (c: number | null) => (c === null ? '' : c > 0 ? zh`，多 ${Math.round(c * 100)}%` : c < 0 ? zh`，少 ${Math.round(-c * 100)}%` : '，持平');

/** The latest month up to the week's month and the average of up to 3 months before it; null without months. */
function monthly(values: readonly MonthValue[], weekStart: string) {
  const upTo = addDays(weekStart, 6).slice(0, 7);
  const months = values.filter((v) => v.period <= upTo).sort((a, b) => (a.period < b.period ? 1 : -1));
  if (months.length === 0) return null;
  const [latest, ...before] = months;
  const base = before.slice(0, BASELINE_MONTHS);
  return { latest: latest!, baseline: base.length ? base.reduce((s, v) => s + v.value, 0) / base.length : null, months: base.length };
}

/**
 * A domain signal as numbers (what a risk stores; the words are built on read by `describeDomainSignal`): status,
 * the recent and baseline values, for a monthly signal the latest month and how many months the baseline averages,
 * for training the recent exam average.
 */
export interface DomainFact {
  key: DomainSignalKey;
  status: 'ok' | 'insufficient' | 'none';
  recent: number | null;
  baseline: number | null;
  /** Monthly signals: the latest month (yyyy-mm). */
  period?: string;
  /** Monthly signals: months in the baseline average. */
  months?: number;
  /** Training: the recent window's exam average, null without one. */
  exam?: number | null;
}

const monthlyFact = (key: 'payout' | 'matchScore', values: readonly MonthValue[], weekStart: string): DomainFact => {
  const m = monthly(values, weekStart);
  if (!m) return { key, status: 'none', recent: null, baseline: null };
  return m.baseline === null
    ? { key, status: 'insufficient', recent: m.latest.value, baseline: null, period: m.latest.period }
    : { key, status: 'ok', recent: m.latest.value, baseline: m.baseline, period: m.latest.period, months: m.months };
};

/** 绩效发放 as numbers: the person's published payout totals per month (fen). */
export const payoutFact = (totals: readonly MonthValue[], weekStart: string): DomainFact => monthlyFact('payout', totals, weekStart);
/** 岗位匹配分 as numbers: the person's stored monthly scores (tenths: 855 = 85.5). */
export const matchScoreFact = (scores: readonly MonthValue[], weekStart: string): DomainFact => monthlyFact('matchScore', scores, weekStart);

export interface TrainingDone {
  /** yyyy-mm-dd, null while not completed. */
  completedOn: string | null;
  examScore: number | null;
}

/** 培训 as numbers: completions in the recent window against the baseline weeks (per 4 weeks), the exam average. */
export function trainingFact(records: readonly TrainingDone[], weekStart: string): DomainFact {
  if (records.length === 0) return { key: 'training', status: 'none', recent: null, baseline: null };
  const recentFrom = weeksEnding(weekStart, RECENT_WEEKS)[0]!;
  const baselineFrom = addDays(recentFrom, -7 * BASELINE_WEEKS);
  const end = addDays(weekStart, 6);
  const done = records.filter((r): r is TrainingDone & { completedOn: string } => !!r.completedOn && r.completedOn <= end);
  const recent = done.filter((r) => r.completedOn >= recentFrom);
  const baseline = done.filter((r) => r.completedOn >= baselineFrom && r.completedOn < recentFrom);
  const exams = recent.map((r) => r.examScore).filter((x): x is number => x !== null);
  return {
    key: 'training',
    status: 'ok',
    recent: recent.length,
    baseline: (baseline.length * RECENT_WEEKS) / BASELINE_WEEKS,
    exam: exams.length ? exams.reduce((s, x) => s + x, 0) / exams.length : null,
  };
}

const MONTHLY_WORDS: Record<
  'payout' | 'matchScore',
  { amount: (v: number) => string; noBaseline: string; moved: (latest: number, baseline: number) => string }
> = {
  payout: {
    amount: (fen) => `${fenToYuanText(Math.round(fen))} 元`,
    noBaseline: '，之前没有已发布的月份',
    moved: (latest, baseline) => pct(change(latest, baseline)),
  },
  matchScore: {
    amount: (tenths) => formatAmount(tenths / 10),
    noBaseline: '，之前没有评分',
    moved: (latest, baseline) => {
      const diff = (latest - baseline) / 10;
      return Math.abs(diff) < 0.05 ? '，持平' : diff > 0 ? zh`，升 ${formatAmount(diff)} 分` : zh`，降 ${formatAmount(-diff)} 分`;
    },
  },
};

/** A domain signal in words, from its numbers: 无数据, no earlier month, or the recent value against the baseline. */
export function describeDomainSignal(f: DomainFact): DomainSignal {
  const { key, status } = f;
  const label = DOMAIN_SIGNAL_LABELS[key];
  const base = { key, label, status, recent: f.recent, baseline: f.baseline, change: null as number | null };
  if (status === 'none') return { ...base, text: `${label}：无数据` };
  if (key === 'training') {
    const exam = f.exam !== null && f.exam !== undefined ? zh`，考试平均 ${formatAmount(f.exam)} 分` : '';
    return {
      ...base,
      change: change(f.recent!, f.baseline!),
      text: zh`近 ${RECENT_WEEKS} 周完成培训 ${f.recent!} 门，本人过去 ${BASELINE_WEEKS} 周平均每 ${RECENT_WEEKS} 周 ${formatAmount(f.baseline!)} 门` + exam,
    };
  }
  const words = MONTHLY_WORDS[key];
  const head = zh`${f.period!} ${label} ${words.amount(f.recent!)}`;
  if (status === 'insufficient') return { ...base, text: head + words.noBaseline };
  return {
    ...base,
    change: change(f.recent!, f.baseline!),
    text: zh`${head}，本人前 ${f.months!} 个月平均 ${words.amount(f.baseline!)}` + words.moved(f.recent!, f.baseline!),
  };
}

/** 绩效发放 from the person's published payout totals per month (fen). */
export const payoutSignal = (totals: readonly MonthValue[], weekStart: string): DomainSignal => describeDomainSignal(payoutFact(totals, weekStart));

/** 岗位匹配分 from the person's stored monthly scores (tenths: 855 = 85.5). */
export const matchScoreSignal = (scores: readonly MonthValue[], weekStart: string): DomainSignal => describeDomainSignal(matchScoreFact(scores, weekStart));

/** 培训 from the person's training records: completions in the recent window against the baseline weeks. */
export const trainingSignal = (records: readonly TrainingDone[], weekStart: string): DomainSignal => describeDomainSignal(trainingFact(records, weekStart));
