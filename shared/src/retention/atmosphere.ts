/**
 * Team atmosphere (团队氛围) for one team and month: 积极 / 中性 / 消极 from the team's disclosed pulse results (eNPS,
 * intent to stay, workload, support) and its collaboration pattern (cross-department collaborations plus helping
 * colleagues, per person and week, against the team's own previous 12 weeks), with the reasons in words and the
 * suggested actions. Pure: the server feeds it stored rows.
 */
import { zh } from '../zhText';

export type AtmosphereLevel = '积极' | '中性' | '消极';
export const ATMOSPHERE_LEVELS: readonly AtmosphereLevel[] = ['积极', '中性', '消极'];

export interface AtmospherePulse {
  respondents: number;
  enps: number | null;
  stay: number | null;
  workload: number | null;
  support: number | null;
}

export interface AtmosphereCollaboration {
  people: number;
  /** Collaborations + helping per person and week: the month's weeks, and the 12 weeks before them. */
  recentPerWeek: number;
  baselinePerWeek: number;
}

export interface AtmosphereInput {
  /** Only a group the disclosure rule shows (at least 5 respondents, no isolating subtraction); null: none. */
  pulse: AtmospherePulse | null;
  collaboration: AtmosphereCollaboration | null;
}

export interface Atmosphere {
  /** Null: 数据不足 (no disclosed pulse result this month). */
  level: AtmosphereLevel | null;
  /** +1 per good indicator, −1 per bad one. */
  score: number;
  reasons: string[];
  actions: string[];
}

/** Thresholds (documented in README): eNPS ±20; 1–5 means ≥ 4 good, < 3 bad; collaboration −30% / +20%. */
export const ATMOSPHERE_RULES = { enpsGood: 20, enpsBad: -20, enpsAlarm: -40, meanGood: 4, meanBad: 3, collabDown: -0.3, collabUp: 0.2 } as const;

const fmt1 = (x: number) => (Math.round(x * 10) / 10).toFixed(1);
const signed = (x: number) => (x > 0 ? `+${x}` : String(x));

const ACTIONS = {
  enps: '主管与团队成员逐一沟通，了解不愿推荐团队的原因，并在两周内反馈改进措施',
  stay: 'HR 与主管对照留才雷达梳理有离职风险的成员，安排一对一面谈',
  workload: '复核团队的客户分配与工作量，必要时调整目标或补充人手',
  support: '补充大客户销售培训与陪访，明确转型期间的支持人和求助渠道',
  collab: '安排跨部门联合拜访或大客户复盘会，恢复团队之间的协作与互助',
  keep: '保持当前做法，请主管在月会上分享团队的经验',
  watch: '持续关注：下一轮脉搏调查后再比较',
  data: '发起脉搏调查（每月一次），作答满 5 人后即可判断团队氛围',
} as const;

/** The month's atmosphere of one team. */
export function teamAtmosphere(input: AtmosphereInput): Atmosphere {
  const R = ATMOSPHERE_RULES;
  const reasons: string[] = [];
  const actions: string[] = [];
  let score = 0;
  let bad = 0;
  let alarm = false;
  const p = input.pulse;
  if (p) {
    if (p.enps !== null) {
      const s = p.enps >= R.enpsGood ? 1 : p.enps <= R.enpsBad ? -1 : 0;
      score += s;
      if (s < 0) {
        bad += 1;
        actions.push(ACTIONS.enps);
      }
      if (p.enps <= R.enpsAlarm) alarm = true;
      reasons.push(zh`eNPS ${signed(p.enps)}（${p.respondents} 人作答${s > 0 ? '，较好' : s < 0 ? '，偏低' : ''}）`);
    }
    const means: [keyof typeof ACTIONS, string, number | null][] = [
      ['stay', '留任意愿', p.stay],
      ['workload', '工作量认可', p.workload],
      ['support', '转型支持', p.support],
    ];
    for (const [key, label, mean] of means) {
      if (mean === null) continue;
      const s = mean >= R.meanGood ? 1 : mean < R.meanBad ? -1 : 0;
      // Intent to stay weighs like eNPS; workload and support explain, and count only when bad.
      if (key === 'stay' || s < 0) score += s;
      if (s < 0) {
        bad += 1;
        actions.push(ACTIONS[key]);
      }
      reasons.push(zh`${label}均分 ${fmt1(mean)} / 5${s > 0 ? '，较高' : s < 0 ? '，偏低' : ''}`);
    }
  }
  const c = input.collaboration;
  if (c && c.people > 0) {
    if (c.baselinePerWeek > 0) {
      const change = c.recentPerWeek / c.baselinePerWeek - 1;
      const pct = Math.round(Math.abs(change) * 100);
      const s = change <= R.collabDown ? -1 : change >= R.collabUp ? 1 : 0;
      score += s;
      if (s < 0) {
        bad += 1;
        actions.push(ACTIONS.collab);
      }
      const dir = pct === 0 ? '持平' : change < 0 ? zh`少 ${pct}%` : zh`多 ${pct}%`;
      reasons.push(zh`跨部门协作与帮助同事：本月人均每周 ${fmt1(c.recentPerWeek)} 次，比此前 12 周（${fmt1(c.baselinePerWeek)} 次）${dir}`);
    } else if (c.recentPerWeek > 0) reasons.push(zh`跨部门协作与帮助同事：本月人均每周 ${fmt1(c.recentPerWeek)} 次（此前 12 周没有记录）`);
    else reasons.push('跨部门协作与帮助同事：本月和此前 12 周都没有记录');
  }
  if (!p) {
    reasons.unshift('本月没有可显示的脉搏调查结果（未调查，或作答不足 5 人）：数据不足');
    return { level: null, score, reasons, actions: [ACTIONS.data] };
  }
  const level: AtmosphereLevel = alarm || score <= -2 ? '消极' : score >= 2 && bad === 0 ? '积极' : '中性';
  if (level === '积极') actions.push(ACTIONS.keep);
  else if (actions.length === 0) actions.push(ACTIONS.watch);
  return { level, score, reasons, actions };
}

/** True when the month's level is a turn to 消极 (the month before was not 消极, or had no level). */
export function turnedNegative(previous: AtmosphereLevel | null | undefined, current: AtmosphereLevel | null): boolean {
  return current === '消极' && previous !== '消极';
}
