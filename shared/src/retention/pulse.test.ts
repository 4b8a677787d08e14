import { PULSE_TEMPLATE, aggregatePulse, checkPulseAnswers, disclosableGroups, nextPulseRound, validatePulseQuestions, type PulseGroupNode } from './pulse';
import { pulseAnswersFromRisk } from './pulseDemo';

describe('pulse questions', () => {
  it('accepts the built-in template', () => {
    expect(validatePulseQuestions(PULSE_TEMPLATE.questions)).toEqual([]);
  });

  it('refuses a survey with no questions in plain Chinese', () => {
    expect(validatePulseQuestions([])).toEqual([{ field: 'questions', message: '调查没有题目：请至少保留一道题（可使用内置模板）' }]);
  });

  it('names every problem at once', () => {
    const problems = validatePulseQuestions([
      { id: 'a', measure: 'comment', text: '说点什么' },
      { id: 'a', measure: 'stay', text: '' },
    ]);
    expect(problems.map((p) => p.message)).toEqual(['第 2 题：编号 a 重复', '第 2 题：题干应为 1 到 200 个字']);
    expect(validatePulseQuestions([{ id: 'c', measure: 'comment', text: '只有意见' }])[0]!.message).toContain('至少要有一道量表题');
  });

  it('checks answers: scales required and in range, comments optional and trimmed', () => {
    const q = PULSE_TEMPLATE.questions;
    expect(checkPulseAnswers(q, { enps: 11, stay: 0, workload: 3 }).problems.map((p) => p.message)).toEqual([
      '第 1 题：应为 0 到 10 的整数',
      '第 2 题：应为 1 到 5 的整数',
      '第 4 题：请作答',
    ]);
    const ok = checkPulseAnswers(q, { enps: 9, stay: 4, workload: 3, support: 2, comment: '  多一些陪访 ' });
    expect(ok).toEqual({ answers: { enps: 9, stay: 4, workload: 3, support: 2, comment: '多一些陪访' }, problems: [] });
  });
});

describe('disclosableGroups: at least 5, and no subtraction isolating fewer', () => {
  // 100 销售中心 ← 110 华东组 ← 111 上海小组; 120 华北组
  const tree = (own: Record<number, number>): PulseGroupNode[] => [
    { id: 100, parentId: null, own: own[100] ?? 0 },
    { id: 110, parentId: 100, own: own[110] ?? 0 },
    { id: 111, parentId: 110, own: own[111] ?? 0 },
    { id: 120, parentId: 100, own: own[120] ?? 0 },
  ];

  it('shows nothing below 5 respondents', () => {
    expect([...disclosableGroups(tree({ 100: 2, 110: 2 }), 100).shown]).toEqual([]);
  });

  it('a department of 7 with a sub-team of 5: the sub-team is suppressed (7 − 5 would show 2 people)', () => {
    const { shown, total } = disclosableGroups(tree({ 100: 2, 110: 5 }), 100);
    expect(total.get(100)).toBe(7);
    expect([...shown]).toEqual([100]);
  });

  it('a department of 10 with a sub-team of 5: both shown (the rest is 5)', () => {
    expect([...disclosableGroups(tree({ 100: 5, 110: 5 }), 100).shown].sort()).toEqual([100, 110]);
  });

  it('a sub-team of 4 is never shown; a rest of 0 is fine (the parent equals its sub-teams)', () => {
    expect([...disclosableGroups(tree({ 100: 6, 110: 4 }), 100).shown]).toEqual([100]);
    expect([...disclosableGroups(tree({ 110: 5, 120: 6 }), 100).shown].sort()).toEqual([100, 110, 120]);
  });

  it('drops the smallest sub-team when two would leave a rest of 1 to 4', () => {
    // 100: 3 own + 110 (6) + 120 (5) = 14; 14 − 6 − 5 = 3 → drop 120 (rest 8)
    expect([...disclosableGroups(tree({ 100: 3, 110: 6, 120: 5 }), 100).shown].sort()).toEqual([100, 110]);
  });

  it('applies the rule at every level, and every computable difference is 0 or at least 5', () => {
    // 110 has 7 (2 own + 5 in 111): 111 is suppressed, 110 shown (rest in 100: 5 own + 0 … = 5)
    const nodes = tree({ 100: 5, 110: 2, 111: 5 });
    const { shown, total } = disclosableGroups(nodes, 100);
    expect([...shown].sort()).toEqual([100, 110]);
    // Brute force: for every shown group, its total minus its shown children's totals is 0 or ≥ 5.
    for (const id of shown) {
      const kids = nodes.filter((n) => n.parentId === id && shown.has(n.id));
      const rest = total.get(id)! - kids.reduce((s, k) => s + total.get(k.id)!, 0);
      expect(rest === 0 || rest >= 5).toBe(true);
    }
  });
});

describe('aggregatePulse', () => {
  it('computes eNPS, means, distributions and sorts comments (never in answer order)', () => {
    const r = aggregatePulse(PULSE_TEMPLATE.questions, [
      { enps: 10, stay: 5, workload: 4, support: 4, comment: '乙' },
      { enps: 9, stay: 4, workload: 3, support: 3 },
      { enps: 7, stay: 3, workload: 3, support: 2, comment: '甲' },
      { enps: 3, stay: 2, workload: 2, support: 2 },
      { enps: 0, stay: 1, workload: 1, support: 1 },
    ]);
    expect(r.respondents).toBe(5);
    expect(r.enps).toBe(0); // 2 promoters, 2 detractors
    expect(r.scales.find((s) => s.measure === 'stay')!.mean).toBe(3);
    expect(r.scales.find((s) => s.measure === 'enps')!.distribution).toEqual([1, 0, 0, 1, 0, 0, 0, 1, 0, 1, 1]);
    expect(r.comments).toEqual(['乙', '甲'].sort((a, b) => a.localeCompare(b, 'zh')));
  });
});

describe('nextPulseRound', () => {
  it('monthly keeps the day and the length; biweekly adds 14 days; once has none', () => {
    expect(nextPulseRound('monthly', { opensOn: '2026-01-31', dueOn: '2026-02-07' })).toEqual({ opensOn: '2026-02-28', dueOn: '2026-03-07' });
    expect(nextPulseRound('biweekly', { opensOn: '2026-12-01', dueOn: '2026-12-05' })).toEqual({ opensOn: '2026-12-15', dueOn: '2026-12-19' });
    expect(nextPulseRound('once', { opensOn: '2026-12-01', dueOn: '2026-12-05' })).toBeNull();
  });
});

describe('pulseAnswersFromRisk (the demo)', () => {
  it('people the radar flags 高 answer lower than those at 低, deterministically', () => {
    const mean = (band: '高' | '低') => {
      let sum = 0;
      for (let i = 0; i < 40; i++) sum += pulseAnswersFromRisk(PULSE_TEMPLATE.questions, band, `u${i}`).enps as number;
      return sum / 40;
    };
    expect(mean('高')).toBeLessThan(4);
    expect(mean('低')).toBeGreaterThan(6);
    expect(pulseAnswersFromRisk(PULSE_TEMPLATE.questions, '中', 'x')).toEqual(pulseAnswersFromRisk(PULSE_TEMPLATE.questions, '中', 'x'));
    expect(checkPulseAnswers(PULSE_TEMPLATE.questions, pulseAnswersFromRisk(PULSE_TEMPLATE.questions, null, 'y')).problems).toEqual([]);
  });
});
