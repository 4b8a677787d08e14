/**
 * The demo company's pulse answers, from each person's behaviour: the band the retention radar gave them by the end of
 * the round (高 answers low — the drifting salespeople —, 中 in the middle, 低 or none high), with a stable wobble per
 * person and question, so the 转型看板's atmosphere reflects what the radar sees.
 */
import { wobble } from '../talent/demoAnswers';
import type { PulseAnswers, PulseQuestion } from './pulse';

const BASE = { 高: 0.1, 中: 0.45, 低: 0.76 } as const;
const COMMENTS_LOW = ['大客户周期太长，提成压力很大', '转型以后不知道找谁要支持', '客户越来越多，跟进不过来', '希望主管多陪访'];
const COMMENTS_HIGH = ['跨部门配合比以前顺畅', '大客户培训很有用', '团队氛围不错'];

export function pulseAnswersFromRisk(questions: readonly PulseQuestion[], band: '高' | '中' | '低' | null, key: string): PulseAnswers {
  const base = BASE[band ?? '低'];
  const out: PulseAnswers = {};
  for (const q of questions) {
    const s = Math.max(0, Math.min(1, base + wobble(`${key}:${q.id}`) * 0.4));
    if (q.measure === 'enps') out[q.id] = Math.round(s * 10);
    else if (q.measure === 'comment') {
      const w = wobble(`${key}:comment`);
      if (w > 0.2) {
        const list = base < 0.5 ? COMMENTS_LOW : COMMENTS_HIGH;
        out[q.id] = list[Math.floor((w + 0.5) * 1000) % list.length]!;
      }
    } else out[q.id] = 1 + Math.round(s * 4);
  }
  return out;
}

/** Whether a demo person answered a round (about 85% do). */
export const answersPulse = (key: string): boolean => wobble(`${key}:answers`) > -0.35;
