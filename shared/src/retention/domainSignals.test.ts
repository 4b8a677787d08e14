import { matchScoreSignal, payoutSignal, trainingSignal } from './domainSignals';

const WEEK = '2026-11-23'; // Sunday 2026-11-29: the week's month is 2026-11

describe('signals from other domains', () => {
  it('绩效发放: the latest published month against up to 3 months before it', () => {
    const s = payoutSignal(
      [
        { period: '2026-07', value: 999_999_00 }, // a fourth month back: not in the baseline
        { period: '2026-08', value: 1_200_000 },
        { period: '2026-09', value: 1_200_000 },
        { period: '2026-10', value: 1_200_000 },
        { period: '2026-11', value: 930_000 },
        { period: '2026-12', value: 5 }, // after the week: not read
      ],
      WEEK,
    );
    expect(s).toMatchObject({ key: 'payout', status: 'ok', recent: 930_000, baseline: 1_200_000 });
    expect(s.change).toBeCloseTo(-0.225, 12);
    expect(s.text).toBe('2026-11 绩效发放 9,300.00 元，本人前 3 个月平均 12,000.00 元，少 23%');
  });

  it('says 无数据 when a domain holds nothing for the person, and 之前没有 without a baseline', () => {
    expect(payoutSignal([], WEEK)).toMatchObject({ status: 'none', text: '绩效发放：无数据', recent: null });
    expect(matchScoreSignal([], WEEK)).toMatchObject({ status: 'none', text: '岗位匹配分：无数据' });
    expect(trainingSignal([], WEEK)).toMatchObject({ status: 'none', text: '培训：无数据' });
    expect(payoutSignal([{ period: '2026-12', value: 100 }], WEEK).status).toBe('none');
    expect(matchScoreSignal([{ period: '2026-11', value: 855 }], WEEK)).toMatchObject({
      status: 'insufficient',
      text: '2026-11 岗位匹配分 85.5，之前没有评分',
    });
  });

  it('岗位匹配分: the latest month against the average of the months before', () => {
    const s = matchScoreSignal(
      [
        { period: '2026-09', value: 850 },
        { period: '2026-10', value: 860 },
        { period: '2026-11', value: 785 },
      ],
      WEEK,
    );
    expect(s).toMatchObject({ status: 'ok', recent: 785, baseline: 855 });
    expect(s.text).toBe('2026-11 岗位匹配分 78.5，本人前 2 个月平均 85.5，降 7 分');
  });

  it('培训: completions in the recent 4 weeks against the 12 baseline weeks, with the exam average', () => {
    const s = trainingSignal(
      [
        { completedOn: '2026-08-31', examScore: 90 }, // baseline window starts 2026-08-03
        { completedOn: '2026-09-14', examScore: 80 },
        { completedOn: '2026-10-12', examScore: null },
        { completedOn: '2026-11-02', examScore: 60 }, // recent window starts 2026-11-02
        { completedOn: '2026-11-30', examScore: 100 }, // after the week
        { completedOn: null, examScore: null }, // not completed
      ],
      WEEK,
    );
    expect(s).toMatchObject({ status: 'ok', recent: 1, baseline: 1 });
    expect(s.text).toBe('近 4 周完成培训 1 门，本人过去 12 周平均每 4 周 1 门，考试平均 60 分');
  });
});
