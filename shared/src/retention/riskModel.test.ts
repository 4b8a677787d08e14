import { bandOf } from './bands';
import { seededRandom } from './evaluation';
import { riskModelCv, scoreRisk, trainRiskModel } from './riskModel';

/** People whose risk rises with leave and falls with communication (log-odds −2 + 1.8·leave − 1.2·comm). */
function company(n: number, seed: number) {
  const rand = seededRandom(seed);
  const rows: number[][] = [];
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    const leave = rand() * 2 - 0.5;
    const comm = rand() * 2 - 1;
    const noise = rand();
    const p = 1 / (1 + Math.exp(-(-2 + 1.8 * leave - 1.2 * comm)));
    rows.push([leave, comm, noise]);
    labels.push(rand() < p ? 1 : 0);
  }
  return { features: ['leaveCount', 'communication', 'noise'], rows, labels };
}

describe('the learned risk model', () => {
  it('says 数据不足 and trains nothing with too few leavers', () => {
    const set = { features: ['x'], rows: Array.from({ length: 50 }, (_, i) => [i]), labels: Array.from({ length: 50 }, (_, i) => (i < 3 ? 1 : 0)) };
    const r = trainRiskModel(set);
    expect(r.status).toBe('insufficient');
    if (r.status === 'insufficient') {
      expect(r.message.startsWith('数据不足')).toBe(true);
      expect(r.message).toContain('离职 3 人');
    }
    expect(trainRiskModel({ features: ['x'], rows: [], labels: [] }).status).toBe('insufficient');
  });

  it('ranks leavers above stayers and gives calibrated probabilities', () => {
    const set = company(3000, 5);
    const trained = trainRiskModel(set);
    if (trained.status !== 'trained') throw new Error('expected a model');
    expect(trained.outOfFoldAuc).toBeGreaterThan(0.7);
    // Calibration in the large and by bins: predicted vs observed leave rates on fresh people of the same company.
    const fresh = company(6000, 99);
    const probs = fresh.rows.map((r) => scoreRisk(trained, r).probability);
    const meanP = probs.reduce((s, p) => s + p, 0) / probs.length;
    const rate = fresh.labels.reduce((s, l) => s + l, 0) / fresh.labels.length;
    expect(Math.abs(meanP - rate)).toBeLessThan(0.02);
    const order = probs.map((_, i) => i).sort((a, b) => probs[a]! - probs[b]!);
    for (const [lo, hi] of [
      [0, 0.2],
      [0.8, 1],
    ] as const) {
      const bin = order.slice(Math.floor(lo * order.length), Math.floor(hi * order.length));
      const predicted = bin.reduce((s, i) => s + probs[i]!, 0) / bin.length;
      const observed = bin.reduce((s, i) => s + fresh.labels[i]!, 0) / bin.length;
      expect(Math.abs(predicted - observed)).toBeLessThan(0.05);
    }
  });

  it('names the top drivers that raise a person’s risk, in words', () => {
    const trained = trainRiskModel(company(2000, 8));
    if (trained.status !== 'trained') throw new Error('expected a model');
    const s = scoreRisk(trained, [1.5, -1, 0.5], (f) => (f === 'leaveCount' ? '近 4 周请假 3 次，是本人过去 12 周平均的 3 倍' : f));
    expect(s.band).toBe(bandOf(s.probability));
    expect(s.band).toBe('高');
    expect(s.drivers[0]).toMatchObject({ feature: 'leaveCount', text: '近 4 周请假 3 次，是本人过去 12 周平均的 3 倍' });
    expect(s.drivers.map((d) => d.feature)).toContain('communication');
    expect(s.drivers.every((d) => d.contribution > 0)).toBe(true);
    const calm = scoreRisk(trained, [-0.5, 1, 0.5]);
    expect(calm.band).toBe('低');
  });

  it('cross-validates the trainer', () => {
    const cv = riskModelCv(company(600, 4), { folds: 5, repeats: 2 });
    expect(cv.foldAucs).toHaveLength(10);
    expect(cv.mean).toBeGreaterThan(0.7);
  });
});

describe('bands', () => {
  it('cuts at 50% and 20%', () => {
    expect(bandOf(0.8)).toBe('高');
    expect(bandOf(0.5)).toBe('高');
    expect(bandOf(0.49)).toBe('中');
    expect(bandOf(0.2)).toBe('中');
    expect(bandOf(0.19)).toBe('低');
  });
});
