import { BIG_CLIENT_PLAN, LEGACY_SALES_PLAN } from '@liucai/shared';
import { EMPTY_FIELDS, EXAMPLE_FIELDS, differenceText, simulate } from './simulator';

describe('试算 in the browser', () => {
  it('computes the articles’ example under both plans with the shared code', () => {
    const r = simulate(EXAMPLE_FIELDS, BIG_CLIENT_PLAN, LEGACY_SALES_PLAN);
    if (r.kind !== 'result') throw new Error(r.kind);
    expect(r.current.totalFen).toBe(930_000);
    expect(r.previous?.totalFen).toBe(150_000);
    expect(r.differenceFen).toBe(780_000);
    expect(differenceText(r.differenceFen!)).toBe('比原方案多 7,800.00 元');
  });

  it('shows nothing for empty fields and the problems for bad ones', () => {
    expect(simulate(EMPTY_FIELDS, BIG_CLIENT_PLAN, null)).toEqual({ kind: 'empty' });
    const bad = simulate({ ...EMPTY_FIELDS, contractValueCny: '-1', satisfaction: '12' }, BIG_CLIENT_PLAN, null);
    expect(bad.kind === 'invalid' && bad.problems.map((p) => p.field)).toEqual(['contractValueCny', 'satisfaction']);
    const noPrevious = simulate({ ...EMPTY_FIELDS, contractValueCny: '1000' }, BIG_CLIENT_PLAN, null);
    expect(noPrevious).toMatchObject({ kind: 'result', previous: null, differenceFen: null });
    expect(differenceText(-100)).toBe('比原方案少 1.00 元');
    expect(differenceText(0)).toBe('与原方案相同');
  });
});
