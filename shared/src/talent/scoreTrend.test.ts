import { scoreTrend, type TrendScoreInput } from './scoreTrend';
import { quarterOf } from './talentPeriod';

const s = (period: string, score: string | null, jobModelId = 1): TrendScoreInput => ({ period, jobModelId, score, tier: score === null ? null : 'train' });

describe('scoreTrend', () => {
  it('names quarters', () => {
    expect(['2026-01', '2026-03', '2026-04', '2026-09', '2026-12'].map(quarterOf)).toEqual(['2026Q1', '2026Q1', '2026Q2', '2026Q3', '2026Q4']);
  });

  it('takes the newest stored month of each quarter, oldest quarter first, the newest model only', () => {
    const t = scoreTrend([s('2026-10', '70'), s('2026-09', '66'), s('2026-08', '64'), s('2026-06', null), s('2026-05', '50'), s('2026-10', '90', 2)], 6);
    // The newest score is 2026-10 of model 1 (sorted first among equal periods: model 1 is listed first).
    expect(t.points.map((p) => [p.quarter, p.period, p.score])).toEqual([
      ['2026Q2', '2026-06', null],
      ['2026Q3', '2026-09', '66'],
      ['2026Q4', '2026-10', '70'],
    ]);
    expect(t.insufficient).toBeNull();
  });

  it('keeps the last quarters only', () => {
    const t = scoreTrend(
      ['2025-03', '2025-06', '2025-09', '2025-12', '2026-03'].map((p) => s(p, '60')),
      4,
    );
    expect(t.points.map((p) => p.quarter)).toEqual(['2025Q2', '2025Q3', '2025Q4', '2026Q1']);
  });

  it('says 数据不足 with what is missing below two scored quarters', () => {
    expect(scoreTrend([]).insufficient).toBe('数据不足：还没有任何月份的匹配度');
    expect(scoreTrend([s('2026-09', '66'), s('2026-06', null)]).insufficient).toBe('数据不足：只有 1 个季度有匹配度，至少 2 个季度才能看出趋势');
  });
});

describe('scoreTrend with stored quarterly scores', () => {
  it('takes a quarter’s stored score over its months, and the months where no quarter is stored', () => {
    const t = scoreTrend([s('2026-10', '70'), s('2026-09', '66'), s('2026-06', '50')], 6, [s('2026Q3', '62'), s('2026Q2', '55', 2)]);
    expect(t.points.map((p) => [p.quarter, p.period, p.score])).toEqual([
      ['2026Q2', '2026-06', '50'], // the stored 2026Q2 is another job model's
      ['2026Q3', '2026Q3', '62'],
      ['2026Q4', '2026-10', '70'],
    ]);
  });

  it('keeps a 数据不足 quarter as a gap even when its last month had a score', () => {
    const t = scoreTrend([s('2026-09', '66'), s('2026-06', '60'), s('2026-03', '58')], 6, [s('2026Q2', null)]);
    expect(t.points.map((p) => [p.quarter, p.score])).toEqual([
      ['2026Q1', '58'],
      ['2026Q2', null],
      ['2026Q3', '66'],
    ]);
  });
});
