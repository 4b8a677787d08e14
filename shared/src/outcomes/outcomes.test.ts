import { monthsBetween, newHireVerdict, outcomeFactsOf, type OutcomeFact, type OutcomePersonInput } from './facts';
import { formatOutcomeRatio, outcomePeople, outcomeTable } from './dashboard';

const person = (over: Partial<OutcomePersonInput> & { userid: string }): OutcomePersonInput => ({
  deptId: 1,
  hiredOn: '2020-01-01',
  lastDay: null,
  deals: [],
  training: [],
  tiers: new Map(),
  bands: new Map(),
  ...over,
});

const everyone = () => true;

describe('person-month facts', () => {
  const months = monthsBetween('2026-01', '2026-06');

  it('places a leaver: employed at the start of the month they leave, not at its end, no rows after', () => {
    const rows = outcomeFactsOf(person({ userid: 'a', lastDay: '2026-03-15' }), months);
    expect(rows.map((r) => r.month)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(rows[2]).toMatchObject({ employedStart: true, employedEnd: false, left: true });
    expect(rows[1]).toMatchObject({ employedStart: true, employedEnd: true, left: false });
  });

  it('a hire is not in the start headcount of the hire month (even hired on the 1st), and is from the next month', () => {
    const rows = outcomeFactsOf(person({ userid: 'h', hiredOn: '2026-04-01' }), months);
    expect(rows.map((r) => [r.month, r.hired, r.employedStart])).toEqual([
      ['2026-04', true, false],
      ['2026-05', false, true],
      ['2026-06', false, true],
    ]);
  });

  it('adds revenue of deals signed in the month and the big-client part; training done by the month end', () => {
    const rows = outcomeFactsOf(
      person({
        userid: 'd',
        deals: [
          { signedOn: '2026-02-03', amountFen: 100_00, segment: 'small' },
          { signedOn: '2026-02-28', amountFen: 300_00, segment: 'big' },
          { signedOn: '2026-03-01', amountFen: 999_00, segment: 'big' },
        ],
        training: [{ completedOn: '2026-02-10' }, { completedOn: '2026-05-01' }, { completedOn: null }],
      }),
      months,
    );
    expect(rows[1]).toMatchObject({ revenueFen: 400_00, bigRevenueFen: 300_00, trainingTotal: 3, trainingDone: 1 });
    expect(rows[4]).toMatchObject({ trainingDone: 2 });
  });

  it("takes the band of the month's last risk week", () => {
    const bands = new Map([
      ['2026-03-02', '低' as const],
      ['2026-03-30', '高' as const],
      ['2026-04-06', null],
    ]);
    const rows = outcomeFactsOf(person({ userid: 'r', bands }), months);
    expect(rows[2]!.band).toBe('高');
    expect(rows[3]!.band).toBeNull();
    expect(rows[0]!.band).toBeNull();
  });

  it('judges a new hire on the 3 full months after the hire month', () => {
    const tiers = new Map([
      ['2026-02', 'train' as const],
      ['2026-04', 'move' as const],
    ]);
    expect(newHireVerdict('2026-01', tiers, '2026-06')).toBe('met'); // 04 is within 02..04
    expect(newHireVerdict('2025-12', tiers, '2026-06')).toBe('missed'); // 01..03: only 'train'
    expect(newHireVerdict('2025-06', tiers, '2026-06')).toBe('unknown'); // no score in 07..09
    expect(newHireVerdict('2026-05', new Map(), '2026-06')).toBe('pending'); // 06..08 not over yet
  });
});

describe('the dashboard numbers', () => {
  const months = monthsBetween('2025-07', '2026-06');
  // 20 people at the start; 5 leave over the year (one a month from 2026-02); 2 hires.
  const people: OutcomePersonInput[] = [];
  for (let i = 0; i < 20; i++) {
    const lastDay = i < 5 ? `2026-0${2 + i}-10` : null;
    people.push(person({ userid: `p${i}`, deptId: i % 2 ? 2 : 1, lastDay, tiers: new Map(months.map((m) => [m, i % 3 === 0 ? 'move' : 'train'])) }));
  }
  people.push(person({ userid: 'new1', hiredOn: '2026-01-05', tiers: new Map([['2026-03', 'move']]) }));
  people.push(person({ userid: 'new2', hiredOn: '2026-01-20', tiers: new Map([['2026-02', 'reassign']]) }));
  const facts: OutcomeFact[] = people.flatMap((p) => outcomeFactsOf(p, months));

  it('turnover per month: leavers of the month over the headcount on its first day; retention is the rest', () => {
    const feb = outcomeTable(facts, months, 'all', everyone).cells.all!['2026-02']!;
    expect(feb.headcount).toBe(22); // 20 + both January hires
    expect(feb.turnover).toEqual({ num: 1, den: 22, value: 1 / 22 });
    expect(feb.retention).toEqual({ num: 21, den: 22, value: 21 / 22 });
  });

  it("annualised: 12 × the year's leavers over the summed start headcounts: the articles' 25%", () => {
    const jun = outcomeTable(facts, months, 'all', everyone).cells.all!['2026-06']!;
    // 7 months of 20, then 22, 21, 20, 19, 18 = 240 person-months; 5 leavers.
    expect(jun.annualTurnover).toEqual({ num: 60, den: 240, value: 0.25, months: 12 });
    expect(formatOutcomeRatio(jun.annualTurnover)).toBe('25%');
    expect(jun.retention12).toEqual({ num: 15, den: 20, value: 0.75 });
  });

  it('says 数据不足 where there is nothing to divide by', () => {
    const t = outcomeTable(facts, months, 'all', everyone);
    expect(t.cells.all!['2026-05']!.retention12.value).toBeNull(); // the start month 2025-06 is not stored
    expect(t.cells.all!['2026-02']!.bigShare.value).toBeNull(); // no revenue
    expect(t.cells.all!['2026-02']!.newHireTargets.value).toBeNull(); // nobody hired in February
    expect(formatOutcomeRatio(t.cells.all!['2026-02']!.bigShare)).toBe('数据不足');
  });

  it('new hires of a month: met ÷ (met + missed), the unknown apart', () => {
    const jan = outcomeTable(facts, months, 'all', everyone).cells.all!['2026-01']!;
    expect(jan.newHireTargets).toEqual({ num: 1, den: 2, value: 0.5, unknown: 0, pending: 0 });
    expect(outcomePeople(facts, 'newHireTargets', '2026-01', 'all', everyone)).toEqual([
      { userid: 'new1', counted: true, value: 'met' },
      { userid: 'new2', counted: false, value: 'missed' },
    ]);
  });

  it('tiers of the people employed at the month end; by department the groups add up to all', () => {
    const t = outcomeTable(facts, months, 'dept', everyone);
    expect(t.groups).toEqual(['all', 'dept:1', 'dept:2']);
    expect(t.cells.all!['2026-06']!.tiers).toEqual({ move: 5, train: 10, reassign: 0, none: 2 });
    const parts = t.groups.slice(1).map((g) => t.cells[g]!['2026-03']!.headcount);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(t.cells.all!['2026-03']!.headcount);
  });

  it('the people behind a number add up to it', () => {
    const t = outcomeTable(facts, months, 'dept', everyone);
    const behind = outcomePeople(facts, 'turnover', '2026-04', 'dept:1', everyone);
    const cell = t.cells['dept:1']!['2026-04']!;
    expect(behind.filter((x) => x.counted).length).toBe(cell.turnover.num);
    expect(behind.filter((x) => x.counted).map((x) => x.userid)).toEqual(['p2']);
    expect(
      outcomePeople(facts, 'annualTurnover', '2026-06', 'all', everyone)
        .filter((x) => x.counted)
        .map((x) => x.userid),
    ).toEqual(['p0', 'p1', 'p2', 'p3', 'p4']);
    expect(outcomePeople(facts, 'turnover', '2026-04', 'dept:9', everyone)).toEqual([]);
  });
});

describe('big clients and risk', () => {
  const months = ['2026-05'];
  const facts = [
    person({ userid: 'a', deals: [{ signedOn: '2026-05-02', amountFen: 700_00, segment: 'small' }], bands: new Map([['2026-05-25', '高']]) }),
    person({ userid: 'b', deals: [{ signedOn: '2026-05-09', amountFen: 300_00, segment: 'big' }], bands: new Map([['2026-05-25', '低']]) }),
    person({ userid: 'me', bands: new Map([['2026-05-25', '高']]) }),
  ].flatMap((p) => outcomeFactsOf(p, months));
  const notMe = (u: string) => u !== 'me';

  it("big-client share of revenue: the articles' 10% → 30% reads as 30% here", () => {
    const cell = outcomeTable(facts, months, 'all', notMe).cells.all!['2026-05']!;
    expect(cell.bigShare).toEqual({ num: 300_00, den: 1000_00, value: 0.3 });
    expect(outcomePeople(facts, 'bigShare', '2026-05', 'all', notMe)).toEqual([
      { userid: 'a', counted: false, value: '0/70000' },
      { userid: 'b', counted: true, value: '30000/30000' },
    ]);
  });

  it('risk counts and lists only the people whose risk the viewer may see', () => {
    const cell = outcomeTable(facts, months, 'all', notMe).cells.all!['2026-05']!;
    expect(cell.risk).toEqual({ 高: 1, 中: 0, 低: 1, none: 0 });
    expect(outcomePeople(facts, 'risk', '2026-05', 'all', notMe, '高').map((x) => x.userid)).toEqual(['a']);
  });
});
