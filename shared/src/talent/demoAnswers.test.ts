import { answersFromBehaviour, behaviourStrength } from './demoAnswers';
import { BIG_CLIENT_SALES_QUESTIONNAIRE } from './questionBank';
import { checkAnswers, scoreQuestionnaire } from './questionnaire';

const Q = BIG_CLIENT_SALES_QUESTIONNAIRE.definition;
const score = (metrics: Record<string, string | null>, who = 'p1') => {
  const answers = answersFromBehaviour(Q, behaviourStrength(new Map(Object.entries(metrics))), who);
  expect(checkAnswers(Q, answers, { final: true })).toEqual([]);
  return Object.fromEntries(scoreQuestionnaire(Q, answers).map((d) => [d.dimension, Number(d.score)]));
};

describe('demo answers from behaviour', () => {
  it('answers every required item, and a veteran of big clients scores above someone who only sold small', () => {
    const veteran = score({ bigClientMonths: '20', bigRevenueShare: '70', collaborationsPerMonth: '7', renewalRate: '88' });
    const small = score({ bigClientMonths: '0', bigRevenueShare: '0', collaborationsPerMonth: '0.3', renewalRate: '55' });
    for (const d of ['customerInsight', 'solutionDesign', 'resourceCoordination', 'longTermMaintenance']) expect(veteran[d]).toBeGreaterThan(small[d]! + 25);
  });

  it('follows each behaviour on its own dimension: more collaboration, better coordination answers', () => {
    const base = { bigClientMonths: '6', bigRevenueShare: '30', renewalRate: '70' };
    expect(score({ ...base, collaborationsPerMonth: '6' }).resourceCoordination).toBeGreaterThan(
      score({ ...base, collaborationsPerMonth: '0.5' }).resourceCoordination! + 20,
    );
  });

  it('is deterministic per person and differs between people with the same record', () => {
    const m = { bigClientMonths: '6', bigRevenueShare: '30', collaborationsPerMonth: '2.5', renewalRate: '70' };
    expect(score(m, 'a')).toEqual(score(m, 'a'));
    const sheets = ['a', 'b', 'c', 'd', 'e'].map((p) => JSON.stringify(answersFromBehaviour(Q, behaviourStrength(new Map(Object.entries(m))), p)));
    expect(new Set(sheets).size).toBeGreaterThan(1);
  });
});
