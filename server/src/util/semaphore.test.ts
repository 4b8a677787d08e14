import { Semaphore } from './semaphore';

describe('Semaphore', () => {
  it('never lets more than the limit run, and runs everyone', async () => {
    const s = new Semaphore(3);
    let active = 0;
    let peak = 0;
    const done: number[] = [];
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        s.run(async () => {
          active++;
          peak = Math.max(peak, active);
          await new Promise((r) => setTimeout(r, 2 + (i % 4)));
          active--;
          done.push(i);
        }),
      ),
    );
    expect(peak).toBe(3);
    expect(done.sort((a, b) => a - b)).toEqual([...Array(12).keys()]);
  });

  it('frees the slot when the task fails', async () => {
    const s = new Semaphore(1);
    await expect(s.run(() => Promise.reject(new Error('x')))).rejects.toThrow('x');
    await expect(s.run(() => Promise.resolve(7))).resolves.toBe(7);
  });
});
