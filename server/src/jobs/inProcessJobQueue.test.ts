import { createLogger } from '../logger';
import { InProcessJobQueue } from './inProcessJobQueue';
import type { JobHandlers } from './jobTypes';

describe('InProcessJobQueue schedules', () => {
  it('does not fire a schedule whose next time is more than 24.8 days away (setTimeout would fire it at once)', async () => {
    const fired: string[] = [];
    const handlers = { 'org.scheduledSync': async () => void fired.push('org') } as unknown as JobHandlers;
    const queue = new InProcessJobQueue(handlers, createLogger('silent'));
    // Every 1 January: months away on any day but New Year's Eve and Day.
    await queue.schedule('yearly', '0 0 0 1 1 *', 'org.scheduledSync', { corpId: 'c' });
    await new Promise((r) => setTimeout(r, 50));
    await queue.idle();
    await queue.close();
    expect(fired).toEqual([]);
  });
});
