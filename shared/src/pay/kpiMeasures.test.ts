import { validateKpiScheme } from './kpiValidation';
import { KPI_TEMPLATES } from './kpiTemplates';
import { measureKpiInputs, scoreKpiTeams, type KpiCorpRows, type KpiDealRow } from './kpiMeasures';
import { kpiRatingProblems, ratingWindow } from './kpiRatings';

const compiled = (() => {
  const r = validateKpiScheme(KPI_TEMPLATES.find((t) => t.key === 'bigClientSalesWithTeam')!.definition);
  if (!r.ok) throw new Error('template invalid');
  return r.compiled;
})();

let n = 0;
const deal = (ownerUserid: string, customer: string, signedOn: string, amountFen = 10_000_000, renewalYears = 0): KpiDealRow => ({
  ref: `deal:dingtalk:D${++n}`,
  ownerUserid,
  customer,
  amountFen,
  signedOn,
  renewalYears,
});

const rows: KpiCorpRows = {
  deals: [
    // 本月 (2026-06): two contracts of wang, one of li with wang's old customer C1.
    deal('wang', 'C1', '2026-06-03', 15_000_000, 2),
    deal('wang', 'C2', '2026-06-20', 12_345_600),
    deal('li', 'C1', '2026-06-10'),
    // Earlier in the 12 months: C2 signed twice (repurchase), C3 once.
    deal('wang', 'C2', '2025-09-01'),
    deal('wang', 'C3', '2025-12-01'),
    // Due (signed 13–24 months before): C4 renewed by years, C5 signed again later, C6 lost.
    deal('wang', 'C4', '2024-08-01', 5_000_000, 1),
    deal('wang', 'C5', '2024-09-01'),
    deal('wang', 'C5', '2025-10-01'),
    deal('wang', 'C6', '2024-10-01'),
    // C1 before the month: makes li's June deal a shared resource of wang's.
    deal('wang', 'C1', '2025-01-15'),
  ],
  satisfaction: [
    { ref: 'sat:1', ownerUserid: 'wang', scoreTenths: 92, surveyedOn: '2026-06-05' },
    { ref: 'sat:2', ownerUserid: 'wang', scoreTenths: 87, surveyedOn: '2026-06-25' },
    { ref: 'sat:3', ownerUserid: 'wang', scoreTenths: 50, surveyedOn: '2026-05-25' },
  ],
  collaborations: [
    { ref: 'collab:1', userid: 'wang', occurredOn: '2026-06-02' },
    { ref: 'collab:2', userid: 'wang', occurredOn: '2026-06-30' },
    { ref: 'collab:3', userid: 'wang', occurredOn: '2026-07-01' },
  ],
  ratings: [{ ref: 'rating:9', userid: 'wang', indicatorId: 'teamProject', rating: 4 }],
};

describe('KPI measures', () => {
  const m = measureKpiInputs(compiled, '2026-06', ['wang', 'li', 'nobody'], rows);

  it('measures each indicator from its rows and names them', () => {
    const w = m.get('wang')!;
    expect(w.sales).toMatchObject({ value: '273456.00', sources: [rows.deals[0]!.ref, rows.deals[1]!.ref] });
    // Due customers C1, C4, C5, C6: C1 signed again in June, C4 renewed, C5 signed again; C6 lost → 3 of 4.
    expect(w.retention).toMatchObject({ value: '75.00', note: '到期客户 4 个，续约或再签 3 个' });
    // Customers in the 12 months: C1 (renewal years), C2 (twice), C3 → 2 of 3; C5's 2025-10 deal is a 4th customer.
    expect(w.repurchase!.note).toBe('近 12 个月签约客户 4 个，续约或复购 2 个');
    expect(w.repurchase!.value).toBe('50.00');
    expect(w.satisfaction).toMatchObject({ value: '8.95', sources: ['sat:1', 'sat:2'] });
    expect(w.helping).toMatchObject({ value: '2', sources: ['collab:1', 'collab:2'] });
    expect(w.teamProject).toMatchObject({ value: '80', sources: ['rating:9'] });
    expect(w.resourceSharing).toMatchObject({ value: '1', sources: [rows.deals[2]!.ref] });
  });

  it('has no value where there is nothing to measure', () => {
    const x = m.get('nobody')!;
    expect(x.sales!.value).toBe('0.00');
    expect(x.sales!.sources).toEqual([]);
    expect(x.retention).toEqual({ value: null, sources: [], note: '近 12 个月没有到期的客户' });
    expect(x.teamProject).toEqual({ value: null, sources: [], note: '主管尚未评分' });
  });

  it('reads an indicator with source import from the imported value of the person and month', () => {
    const withImport = { ...compiled, indicators: compiled.indicators.map((i) => (i.id === 'teamProject' ? { ...i, source: 'import' as const } : i)) };
    const imported = measureKpiInputs(withImport, '2026-06', ['wang', 'li'], {
      ...rows,
      imports: [{ ref: 'import:abc', userid: 'wang', indicatorId: 'teamProject', value: '87.5', note: '季度项目评审' }],
    });
    expect(imported.get('wang')!.teamProject).toEqual({ value: '87.5', sources: ['import:abc'], note: '导入数据：季度项目评审' });
    expect(imported.get('li')!.teamProject).toEqual({ value: null, sources: [], note: '本月尚未导入数据' });
  });

  it('links a team that met its target: individual weights × 1.1, renormalised to 100', () => {
    const out = scoreKpiTeams([
      { userid: 'wang', teamKey: 'boss', scheme: compiled, values: m.get('wang')! },
      { userid: 'li', teamKey: 'boss', scheme: compiled, values: m.get('li')! },
      { userid: 'nobody', teamKey: null, scheme: compiled, values: m.get('nobody')! },
    ]);
    const w = out.get('wang')!;
    // wang scores high, li low: the team average decides.
    expect(w.team!.members).toBe(2);
    expect(w.team!.status).toBe(Number(w.team!.average) >= 80 ? 'met' : 'missed');
    expect(w.result.team).toBe(w.team!.status);
    expect(out.get('nobody')).toMatchObject({ team: null, result: { team: null } });
    // The README's worked example: met → 21 × 1.1 × 100 / 107 = 21.59; team 15 × 100 / 107 = 14.02.
    const met = scoreKpiTeams([{ userid: 'a', teamKey: 't', scheme: { ...compiled, passScoreH: 0 }, values: m.get('wang')! }]).get('a')!;
    expect(met.team!.status).toBe('met');
    expect(met.result.indicators.map((i) => i.weight)).toEqual(['21.59', '21.59', '14.39', '14.39', '9.35', '14.02', '4.67']);
    const missed = scoreKpiTeams([{ userid: 'a', teamKey: 't', scheme: { ...compiled, passScoreH: 10_000 }, values: m.get('nobody')! }]).get('a')!;
    expect(missed.team!.status).toBe('missed');
    expect(missed.result.indicators.map((i) => i.weight)).toEqual(['20.67', '20.67', '13.78', '13.78', '10.36', '15.54', '5.18']);
  });
});

describe('KPI ratings', () => {
  it('opens a month on its first day and closes it N days into the next', () => {
    expect(ratingWindow('2026-06', 10)).toEqual({ opens: '2026-06-01', closes: '2026-07-10' });
    expect(ratingWindow('2026-12', 0)).toEqual({ opens: '2026-12-01', closes: '2026-12-31' });
  });
  it('requires a comment for 1 and 5, and a date in the window', () => {
    expect(kpiRatingProblems({ period: '2026-06', indicatorId: 'x', rating: 5 }, '2026-07-01', 10)).toEqual([
      { field: 'comment', message: '评分为 1 分或 5 分时须填写评语，说明依据' },
    ]);
    expect(kpiRatingProblems({ period: '2026-06', indicatorId: 'x', rating: 5, comment: '牵头完成项目' }, '2026-07-10', 10)).toEqual([]);
    expect(kpiRatingProblems({ period: '2026-06', indicatorId: 'x', rating: 3 }, '2026-07-11', 10)).toEqual([
      { field: 'period', message: '2026-06 的评分已于 2026-07-10 截止' },
    ]);
    expect(kpiRatingProblems({ period: '2026-06', indicatorId: 'x', rating: 6 }, '2026-05-31', 10).map((p) => p.field)).toEqual(['rating', 'period']);
  });
});
