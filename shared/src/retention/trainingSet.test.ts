import { signalFeatureRow } from './signalFeatures';
import { emptyWeek, personWeekSignals, type WeekActivity } from './signals';
import { buildTrainingSet, type TrainingSample } from './trainingSet';
import { addDays, weeksEnding } from './weeks';

const REF = '2026-10-26'; // stayers' reference week
const REVIEWED = '2026-11-16';

const week = (weekStart: string, followUps: number): WeekActivity => ({ ...emptyWeek(weekStart), followUps });

/** 24 weeks up to 2026-11-23: 6 follow-ups a week, falling to 1 from 2026-11-02. */
const history = (): WeekActivity[] => weeksEnding('2026-11-23', 24).map((w) => week(w, w >= '2026-11-02' ? 1 : 6));

describe('the training set and 误报 reviews', () => {
  const samples: TrainingSample[] = [
    { userid: 'stay', label: 0, week: REF },
    { userid: 'left', label: 1, week: REF },
    { userid: 'new', label: 0, week: REF },
  ];
  const weeksOf = new Map([
    ['stay', history()],
    ['left', history()],
    ['new', history().slice(-5)], // no baseline: left out
  ]);

  it('without reviews: one row per sample with a baseline', () => {
    const set = buildTrainingSet(samples, weeksOf);
    expect(set.labels).toEqual([0, 1]);
    expect(set.falseAlarmRows).toBe(0);
  });

  it('a 误报 adds the reviewed week and the week either side as label-0 rows of that person', () => {
    const set = buildTrainingSet(samples, weeksOf, [{ userid: 'stay', weekStart: REVIEWED, outcome: '误报', order: 1 }]);
    expect(set.labels).toEqual([0, 1, 0, 0, 0]);
    expect(set.falseAlarmRows).toBe(3);
    expect(set.falseAlarmReviews).toBe(1);
    const expected = [-7, 0, 7].map((d) => signalFeatureRow(personWeekSignals(history(), addDays(REVIEWED, d))));
    expect(set.rows.slice(2)).toEqual(expected);
    // The flagged weeks read the fall in follow-ups: these rows are not copies of the stayer's reference row.
    expect(set.rows[2]).not.toEqual(set.rows[0]);
  });

  it('ignores 误报 superseded by a later 已沟通, on people who left, and on weeks without a baseline; never repeats a row', () => {
    const reviews = [
      { userid: 'stay', weekStart: REVIEWED, outcome: '误报', order: 1 },
      { userid: 'stay', weekStart: REVIEWED, outcome: '已沟通', order: 2 },
      { userid: 'left', weekStart: REVIEWED, outcome: '误报', order: 3 },
      { userid: 'new', weekStart: REVIEWED, outcome: '误报', order: 4 },
    ];
    expect(buildTrainingSet(samples, weeksOf, reviews)).toMatchObject({ labels: [0, 1], falseAlarmRows: 0, falseAlarmReviews: 0 });
    // A review next to the stayer's own reference week adds only the weeks not already in the set.
    const near = buildTrainingSet(samples, weeksOf, [{ userid: 'stay', weekStart: addDays(REF, 7), outcome: '误报', order: 5 }]);
    expect(near.falseAlarmRows).toBe(2);
  });
});
