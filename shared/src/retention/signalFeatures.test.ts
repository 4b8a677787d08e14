import { matchScoreFact, payoutFact, trainingFact } from './domainSignals';
import { MODEL_FEATURES, featureRow, signalFeatureRow } from './signalFeatures';
import { emptyWeek, personWeekSignals } from './signals';
import { weeksEnding } from './weeks';

const WEEK = '2026-11-23';
const signals = personWeekSignals(
  weeksEnding(WEEK, 16).map((m, i) => ({ ...emptyWeek(m), followUps: i < 12 ? 8 : 2, leaveCount: i < 12 ? 0 : 1 })),
  WEEK,
);

describe('model features by kind', () => {
  it('v1 reads the signals only, exactly as before', () => {
    expect(MODEL_FEATURES['logistic-l2-platt-v1']).toHaveLength(10);
    expect(featureRow(MODEL_FEATURES['logistic-l2-platt-v1'], signals)).toEqual(signalFeatureRow(signals));
  });

  it('v2 adds pay, match score and training: falls are negative, no baseline is 0', () => {
    const features = MODEL_FEATURES['logistic-l2-platt-v2'];
    expect(features.slice(10)).toEqual(['payoutChange', 'matchScoreChange', 'trainingChange']);
    const fell = [
      payoutFact(
        [
          { period: '2026-08', value: 1_200_000 },
          { period: '2026-09', value: 1_200_000 },
          { period: '2026-10', value: 1_200_000 },
          { period: '2026-11', value: 600_000 },
        ],
        WEEK,
      ),
      matchScoreFact(
        [
          { period: '2026-10', value: 800 },
          { period: '2026-11', value: 650 },
        ],
        WEEK,
      ),
      trainingFact(
        ['2026-08-20', '2026-09-10', '2026-10-01'].map((completedOn) => ({ completedOn, examScore: 80 })),
        WEEK,
      ),
    ];
    const row = featureRow(features, signals, fell);
    expect(row.slice(0, 10)).toEqual(signalFeatureRow(signals));
    expect(row[10]).toBeCloseTo(Math.log(6100 / 12100), 12);
    expect(row[11]).toBeCloseTo(-1.5, 12);
    expect(row[12]).toBeCloseTo(Math.log(0.5 / 1.5), 12);
    // 无数据, or a first month without an earlier one: 0, like no change.
    const none = [payoutFact([], WEEK), matchScoreFact([{ period: '2026-11', value: 700 }], WEEK), trainingFact([], WEEK)];
    expect(featureRow(features, signals, none).slice(10)).toEqual([0, 0, 0]);
  });
});
