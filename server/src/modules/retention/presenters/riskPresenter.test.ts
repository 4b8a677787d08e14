/**
 * A risk stores numbers and its words are built on read: for the same inputs the words are exactly those the run
 * stored before (the golden file holds, for 20 seeded people, the explanation main's code at b6a9f6f wrote into
 * retention_risks.explanation: rule reading, drivers, model note, signals, team comparison, 绩效发放/岗位匹配分/培训).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  matchScoreFact,
  payoutFact,
  personWeekSignals,
  riskFacts,
  teamTotals,
  trainingFact,
  type ModelNoteFact,
  type MonthValue,
  type TrainingDone,
  type WeekActivity,
} from '@liucai/shared';
import { RetentionRisk } from '../../../entities';
import { presentRisk, riskWords } from './riskPresenter';

interface GoldenPerson {
  userid: string;
  deptId: number | null;
  weeks: WeekActivity[];
  payouts: MonthValue[];
  scores: MonthValue[];
  training: TrainingDone[];
  driverFeatures: string[];
  note: 'model' | 'baseline' | 'untrained' | 'insufficient';
  leavers: number;
  stayers: number;
}
const golden = JSON.parse(readFileSync(join(__dirname, '../../../../../test/fixtures/retentionExplanationWords.json'), 'utf8')) as {
  weekStart: string;
  people: GoldenPerson[];
  expected: Record<string, unknown>;
};

function storedRisks(): RetentionRisk[] {
  const week = golden.weekStart;
  const members = golden.people.map((p) => ({ userid: p.userid, deptId: p.deptId, signals: personWeekSignals(p.weeks, week) }));
  const teams = teamTotals(members);
  return golden.people.map((p, i) => {
    const note: ModelNoteFact =
      p.note === 'model' ? null : p.note === 'insufficient' ? { kind: 'insufficient', leavers: p.leavers, stayers: p.stayers } : { kind: p.note };
    const facts = riskFacts(
      members[i]!.signals,
      teams.get(p.userid)!,
      [payoutFact(p.payouts, week), matchScoreFact(p.scores, week), trainingFact(p.training, week)],
      p.note === 'model' ? p.driverFeatures.map((feature, k) => ({ feature, value: k / 3, contribution: 1 - k / 10 })) : [],
      note,
    );
    // As read back from the database's JSON column.
    return Object.assign(new RetentionRisk(), {
      userid: p.userid,
      weekStart: week,
      ruleVersion: 'article-rule-v1',
      explanation: JSON.parse(JSON.stringify(facts)),
    });
  });
}

describe('risk explanations: numbers stored, words on read', () => {
  it('reads back as the words stored before, for every person of the golden file', () => {
    const risks = storedRisks();
    expect(risks).toHaveLength(20);
    for (const risk of risks) expect(JSON.parse(JSON.stringify(riskWords(risk)))).toEqual(golden.expected[risk.userid]);
  });

  it('keeps under a sixth of the bytes (about 500 against 3,350 a person here)', () => {
    const risks = storedRisks();
    const bytes = (x: unknown) => Buffer.byteLength(JSON.stringify(x));
    const facts = risks.reduce((s, r) => s + bytes(r.explanation), 0);
    const words = Object.values(golden.expected).reduce<number>((s, e) => s + bytes(e), 0);
    expect(facts * 6).toBeLessThan(words);
  });

  it('shows rows stored with words (earlier runs) as they are', () => {
    const words = golden.expected.p0 as { ruleReason: string; drivers: string[]; modelNote: string | null; signals: Record<string, string> };
    const old = Object.assign(new RetentionRisk(), {
      userid: 'p0',
      weekStart: golden.weekStart,
      ruleVersion: 'article-rule-v1',
      ruleFired: true,
      ruleProbabilityBp: 8000,
      modelProbabilityBp: 6100,
      band: '高',
      modelVersion: 'logistic-l2-platt-v1@2026-11',
      explanation: words,
    });
    expect(riskWords(old)).toBe(words);
    const seen = presentRisk(old, { userid: 'p0', name: '周静', title: null, deptName: null }, false);
    expect(seen.drivers).toEqual([words.ruleReason.replace(/，高风险（80%）$/, ''), ...words.drivers]);
    expect(presentRisk(old, { userid: 'p0', name: '周静', title: null, deptName: null }, true)).toMatchObject({ probabilityBp: 8000, modelNote: null });
  });
});
