import { BIG_CLIENT_SALES_QUESTIONNAIRE } from './questionBank';
import { checkAnswers, itemScore, scoreQuestionnaire, validateQuestionnaire, type QuestionnaireDefinition } from './questionnaire';

const Q: QuestionnaireDefinition = {
  items: [
    {
      id: 's1',
      kind: 'single',
      text: '单选',
      dimensions: ['customerInsight'],
      options: [
        { id: 'a', text: '甲', correct: true },
        { id: 'b', text: '乙' },
      ],
    },
    {
      id: 'm1',
      kind: 'multiple',
      text: '多选',
      dimensions: ['customerInsight', 'solutionDesign'],
      options: [
        { id: 'a', text: '甲', correct: true },
        { id: 'b', text: '乙', correct: true },
        { id: 'c', text: '丙', correct: true },
        { id: 'd', text: '丁' },
      ],
    },
    { id: 'l1', kind: 'likert', text: '量表', dimensions: ['solutionDesign'] },
    { id: 'l2', kind: 'likert', text: '反向量表', dimensions: ['solutionDesign'], reverse: true },
    {
      id: 'j1',
      kind: 'situational',
      text: '情景',
      dimensions: ['resourceCoordination'],
      weight: 2,
      options: [
        { id: 'a', text: '好', score: 100 },
        { id: 'b', text: '一般', score: 40 },
      ],
    },
    { id: 't1', kind: 'text', text: '简答' },
  ],
};

describe('questionnaire validation', () => {
  it('accepts a questionnaire of every item type and the built-in bank', () => {
    expect(validateQuestionnaire(Q).ok).toBe(true);
    const bank = validateQuestionnaire(BIG_CLIENT_SALES_QUESTIONNAIRE.definition);
    expect(bank.ok ? [] : bank.problems).toEqual([]);
    // The bank covers all four dimensions, and its intro counts its items.
    const dims = new Set(BIG_CLIENT_SALES_QUESTIONNAIRE.definition.items.flatMap((i) => i.dimensions ?? []));
    expect([...dims].sort()).toEqual(['customerInsight', 'longTermMaintenance', 'resourceCoordination', 'solutionDesign']);
    expect(BIG_CLIENT_SALES_QUESTIONNAIRE.definition.intro).toContain(`共 ${BIG_CLIENT_SALES_QUESTIONNAIRE.definition.items.length} 道题`);
  });

  it('refuses a questionnaire with no scored items', () => {
    const r = validateQuestionnaire({ items: [{ id: 't', kind: 'text', text: '说说看' }] });
    expect(r).toEqual({ ok: false, problems: [{ path: 'items', message: '问卷没有计分题：至少要有一道题对应能力维度，测评才有得分' }] });
  });

  it('names the item and what was expected: no options, unknown dimension, duplicate id, unscored situational option', () => {
    const r = validateQuestionnaire({
      items: [
        { id: 'a', kind: 'single', text: '没有选项', dimensions: ['customerInsight'] },
        { id: 'a', kind: 'likert', text: '维度不存在', dimensions: ['charisma'] },
        {
          id: 'c',
          kind: 'situational',
          text: '情景',
          dimensions: ['solutionDesign'],
          options: [
            { id: 'x', text: '一' },
            { id: 'y', text: '二', score: 100 },
          ],
        },
        { id: 'd', kind: 'text', text: '简答', dimensions: ['solutionDesign'] },
        { id: 'e', kind: 'essay', text: '?' },
      ],
    });
    expect(r.ok).toBe(false);
    const messages = r.ok ? [] : r.problems.map((p) => p.message);
    expect(messages).toEqual([
      '第 1 题：单选题应有 2 到 10 个选项，现有 0 个',
      '第 2 题：编号“a”与前面的题目重复',
      expect.stringMatching(/^第 2 题：未知的能力维度“charisma”，可选：customerInsight（客户洞察）/),
      '第 3 题：选项 1 的得分（score）应为 0 到 100 的整数，情景题每个选项都要计分，现为 空',
      '第 4 题：简答题不计分，不能对应能力维度',
      expect.stringMatching(/^第 5 题：题型（kind）应为 single/),
    ]);
  });

  it('wants exactly one correct option in a single-choice item', () => {
    const r = validateQuestionnaire({
      items: [
        {
          id: 'a',
          kind: 'single',
          text: '?',
          dimensions: ['customerInsight'],
          options: [
            { id: 'x', text: '一' },
            { id: 'y', text: '二' },
          ],
        },
      ],
    });
    expect(r.ok ? [] : r.problems.map((p) => p.message)).toEqual(['第 1 题：单选题应恰好有 1 个正确选项（correct: true），现有 0 个']);
  });
});

describe('scoring answers', () => {
  it('scores each item type by its rule', () => {
    const [s1, m1, l1, l2, j1, t1] = Q.items as [never, never, never, never, never, never];
    expect([itemScore(s1, 'a'), itemScore(s1, 'b')]).toEqual([100, 0]);
    // Two of three right and one wrong: (2 − 1) ÷ 3.
    expect(itemScore(m1, ['a', 'b', 'd'])).toBeCloseTo(33.333, 2);
    expect(itemScore(m1, ['a', 'b', 'c', 'd'])).toBeCloseTo(66.667, 2);
    expect(itemScore(m1, ['d'])).toBe(0);
    expect([1, 2, 3, 4, 5].map((v) => itemScore(l1, v))).toEqual([0, 25, 50, 75, 100]);
    expect([1, 5].map((v) => itemScore(l2, v))).toEqual([100, 0]);
    expect(itemScore(j1, 'b')).toBe(40);
    expect(itemScore(t1, '很多')).toBeNull();
  });

  it('gives each dimension the weighted mean of its items, exactly, with one decimal', () => {
    const scores = scoreQuestionnaire(Q, { s1: 'a', m1: ['a', 'b'], l1: 4, l2: 2, j1: 'b', t1: '经历' });
    expect(scores).toEqual([
      // (100 + 66.67) ÷ 2 = 83.33
      { dimension: 'customerInsight', label: '客户洞察', score: '83.3', items: 2, answered: 2 },
      // (66.67 + 75 + 75) ÷ 3 = 72.22
      { dimension: 'solutionDesign', label: '方案设计', score: '72.2', items: 3, answered: 3 },
      { dimension: 'resourceCoordination', label: '资源协调', score: '40.0', items: 1, answered: 1 },
    ]);
  });

  it('weights items: a weight-2 item counts twice', () => {
    const q: QuestionnaireDefinition = {
      items: [
        { id: 'a', kind: 'likert', text: '一', dimensions: ['longTermMaintenance'], weight: 2 },
        { id: 'b', kind: 'likert', text: '二', dimensions: ['longTermMaintenance'] },
      ],
    };
    expect(scoreQuestionnaire(q, { a: 5, b: 1 })[0]!.score).toBe('66.7');
  });

  it('checks answers: unknown items and options, and at submission every required item', () => {
    expect(checkAnswers(Q, { s1: 'z', nope: 1, l1: 6 }, { final: false }).map((p) => p.message)).toEqual([
      '第 1 题：应选择一个选项',
      '没有编号为“nope”的题目',
      '第 3 题：应为 1 到 5 的整数',
    ]);
    expect(checkAnswers(Q, { s1: 'a', l1: 3 }, { final: false })).toEqual([]);
    expect(checkAnswers(Q, { s1: 'a', l1: 3 }, { final: true }).map((p) => p.message)).toEqual(['还有 3 道必答题没有作答：第 2、4、5 题']);
    expect(checkAnswers(Q, { s1: 'a', m1: ['a'], l1: 3, l2: 3, j1: 'a' }, { final: true })).toEqual([]);
  });
});
