import { InProcessJobQueue } from '../../../jobs/inProcessJobQueue';
import type { JobHandlers } from '../../../jobs/jobTypes';
import { createLogger } from '../../../logger';
import type { ImportRun } from '../../../entities';
import { enqueueImportFollowUps } from './importFollowUps';

describe('jobs after an import', () => {
  const ran: string[] = [];
  const record = (name: string) => async (payload: unknown) => void ran.push(`${name} ${JSON.stringify(payload)}`);
  const handlers = new Proxy({} as JobHandlers, { get: (_t, name: string) => record(name) });
  const run = (over: Partial<ImportRun>) => ({ id: 7, corpId: 'c1', kind: 'deals', created: 0, updated: 0, ...over }) as ImportRun;
  const now = new Date('2026-12-05T02:00:00Z');

  beforeEach(() => ran.splice(0));

  it('queues the portraits and KPI of the last complete month after contracts, satisfaction, collaborations or training changed', async () => {
    const q = new InProcessJobQueue(handlers, createLogger('silent'));
    expect(await enqueueImportFollowUps(q, run({ created: 3 }), now)).toEqual(['talent.recompute', 'kpi.score']);
    expect(await enqueueImportFollowUps(q, run({ id: 8, kind: 'training', updated: 1 }), now)).toEqual(['talent.recompute', 'kpi.score']);
    await q.idle();
    expect(ran.sort()).toEqual([
      'kpi.score {"corpId":"c1","period":"2026-11"}',
      'kpi.score {"corpId":"c1","period":"2026-11"}',
      'talent.recompute {"corpId":"c1","period":"2026-11"}',
      'talent.recompute {"corpId":"c1","period":"2026-11"}',
    ]);
    await q.close();
  });

  it('queues the KPI of every month a KPI 指标值 import wrote, once each', async () => {
    const q = new InProcessJobQueue(handlers, createLogger('silent'));
    expect(await enqueueImportFollowUps(q, run({ kind: 'kpiValues', created: 3 }), now, ['2026-10', '2026-09', '2026-10'])).toEqual(['kpi.score', 'kpi.score']);
    await q.idle();
    expect(ran.sort()).toEqual(['kpi.score {"corpId":"c1","period":"2026-09"}', 'kpi.score {"corpId":"c1","period":"2026-10"}']);
    await q.close();
  });

  it('queues the radar after past departures, and nothing when the import changed nothing', async () => {
    const q = new InProcessJobQueue(handlers, createLogger('silent'));
    expect(await enqueueImportFollowUps(q, run({ kind: 'departures', created: 2 }), now)).toEqual(['retention.compute']);
    expect(await enqueueImportFollowUps(q, run({ id: 9 }), now)).toEqual([]);
    await q.idle();
    expect(ran).toEqual(['retention.compute {"corpId":"c1"}']);
    await q.close();
  });
});
