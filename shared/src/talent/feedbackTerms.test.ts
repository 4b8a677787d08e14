import { feedbackCorpus, feedbackMissing, noteWords, topFeedbackTerms } from './feedbackTerms';

describe('noteWords', () => {
  it('segments Chinese with Intl.Segmenter, keeps the dictionary words whole, drops stop words and single characters', () => {
    expect(noteWords('上门拜访，技术和售后同事一同参加。客户反馈售后响应速度慢；客户对合同续签有意向。')).toEqual([
      '技术',
      '售后',
      '售后',
      '响应',
      '速度',
      '合同',
      '续签',
      '意向',
    ]);
    expect(noteWords('电话沟通。客户认为报价偏高，希望给出阶梯折扣。')).toEqual(['报价', '偏高', '阶梯', '折扣']);
    expect(noteWords('OK 123，好的')).toEqual([]);
  });
});

describe('topFeedbackTerms', () => {
  const notes = new Map([
    ['wang', ['客户认为报价偏高，希望给出阶梯折扣。', '报价偏高，竞品更便宜。', '客户要求折扣，报价需要审批。', '交付进度满意。']],
    ['li', ['交付进度满意。', '交付进度正常，客户满意。', '发票开具不及时。']],
    ['zhao', ['报价已确认。', '交付进度满意。']],
  ]);
  const { words, corpus } = feedbackCorpus(notes);

  it('ranks the words a person uses more than the company: tf × ln(N ÷ df), in at least 2 of their notes', () => {
    expect(corpus.notes).toBe(9);
    const wang = topFeedbackTerms(words.get('wang')!, corpus);
    expect(wang.missing).toBeNull();
    expect(wang.notes).toBe(4);
    // 报价: 3 times in wang's notes, in 4 of the 9 company notes → 3 × ln(9/4) = 2.43; 偏高 2 × ln(9/2) = 3.01;
    // 折扣 2 × ln(9/2). 交付 / 进度 / 满意 are in too many company notes (over half), so never keywords.
    expect(wang.terms.map((t) => [t.term, t.count, t.notes, t.score])).toEqual([
      ['偏高', 2, 2, '3.01'],
      ['折扣', 2, 2, '3.01'],
      ['报价', 3, 3, '2.43'],
    ]);
  });

  it('says 数据不足 with fewer than 3 notes', () => {
    expect(topFeedbackTerms(words.get('zhao')!, corpus)).toEqual({ notes: 2, terms: [], missing: '数据不足：近 3 个月有内容的跟进记录 2 条，少于 3 条' });
    expect(feedbackMissing(0)).toBe('数据不足：近 3 个月有内容的跟进记录 0 条，少于 3 条');
  });
});
