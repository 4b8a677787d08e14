import { validateQuestionnaire, type QuestionnaireDefinition } from '@liucai/shared';
import { blankOption, changeKind, newItem } from './questionDraft';

const messages = (d: unknown) => {
  const v = validateQuestionnaire(d);
  return v.ok ? [] : v.problems.map((p) => p.message);
};

describe('the question form’s edits', () => {
  const def: QuestionnaireDefinition = {
    items: [
      { id: 'q1', kind: 'likert', text: '我了解客户的预算流程', dimensions: ['customerInsight'] },
      { id: 'q3', kind: 'text', text: '补充说明' },
    ],
  };

  it('gives a new item an id not used in the draft, a scored kind a dimension and option kinds two options', () => {
    const single = newItem(def, 'single');
    expect(single.id).toBe('q2');
    expect(single.options?.map((o) => o.id)).toEqual(['a', 'b']);
    expect(single.dimensions).toEqual(['customerInsight']);
    expect(newItem({ items: [...def.items, single] }, 'text')).toEqual({ id: 'q4', kind: 'text', text: '' });
    expect(blankOption('situational', ['a', 'b', 'd']).id).toBe('c');
  });

  it('leaves a blank single-choice item with the problems the server would name, and none once filled in', () => {
    const blank = newItem(def, 'single');
    const problems = messages({ items: [blank] });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('第 1 题：题干'),
        expect.stringContaining('选项 1 的内容'),
        expect.stringContaining('恰好有 1 个正确选项'),
      ]),
    );
    const filled = {
      ...blank,
      text: '客户说预算只有一半，你会？',
      options: [
        { id: 'a', text: '先弄清预算构成', correct: true },
        { id: 'b', text: '直接降价', correct: false },
      ],
    };
    expect(messages({ items: [filled] })).toEqual([]);
  });

  it('switches kinds keeping what applies: the right answer becomes the 100-point option and back', () => {
    const single = {
      id: 'q1',
      kind: 'single' as const,
      text: '情景',
      dimensions: ['solutionDesign' as const],
      weight: 2,
      options: [
        { id: 'a', text: '甲', correct: false },
        { id: 'b', text: '乙', correct: true },
      ],
    };
    const situational = changeKind(single, 'situational');
    expect(situational.options).toEqual([
      { id: 'a', text: '甲', score: 0 },
      { id: 'b', text: '乙', score: 100 },
    ]);
    expect(situational.weight).toBe(2);
    expect(messages({ items: [situational] })).toEqual([]);
    expect(
      changeKind(situational, 'single')
        .options?.filter((o) => o.correct)
        .map((o) => o.id),
    ).toEqual(['b']);
    const likert = changeKind(situational, 'likert');
    expect(likert.options).toBeUndefined();
    expect(messages({ items: [likert] })).toEqual([]);
    const text = changeKind({ ...likert, reverse: true }, 'text');
    expect(text).toEqual({ id: 'q1', kind: 'text', text: '情景' });
    expect(messages({ items: [text, { ...single, id: 'q2' }] })).toEqual([]);
  });

  it('keeps a single-choice item to one right answer when coming from multiple choice', () => {
    const multiple = {
      id: 'q1',
      kind: 'multiple' as const,
      text: '多选',
      dimensions: ['longTermMaintenance' as const],
      options: [
        { id: 'a', text: '甲', correct: true },
        { id: 'b', text: '乙', correct: true },
      ],
    };
    expect(changeKind(multiple, 'single').options?.map((o) => o.correct)).toEqual([true, false]);
  });
});
