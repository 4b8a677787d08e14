import fs from 'node:fs';
import os from 'node:os';

/** The nice value of background threads: the web thread (0) gets the CPU first when both want it. */
export const BACKGROUND_NICE = 10;

/**
 * Nices the calling thread (Linux keeps a nice value per thread, and setpriority on "the calling process" changes only
 * the calling thread), so on a small machine the web thread gets the CPU first and requests stay quick while a jobs
 * or sandbox thread works. Elsewhere it may change the whole process or fail; either is harmless.
 */
export function lowerThisThreadsPriority(): void {
  try {
    os.setPriority(0, BACKGROUND_NICE);
  } catch {
    // not permitted here: run at normal priority
  }
}

/**
 * Nices every other thread of this process (Linux; elsewhere nothing): called by the web process's main thread once it
 * has started, it leaves only itself at normal priority. Measured while the syncs ran at 10,000 people, the threads
 * that took the CPU from requests were not only the jobs' and the sandbox's threads (which nice themselves) but V8's
 * helper threads, shared by every thread's heap: a major collection of a sync's or the sandbox's large heap ran on
 * four of them at once, and on 2 cores the web thread got 40 % of one. Returns how many threads it niced.
 */
export function lowerOtherThreadsPriority(): number {
  let self: number;
  let tids: number[];
  try {
    self = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
    tids = fs.readdirSync('/proc/self/task').map(Number);
  } catch {
    return 0; // not Linux
  }
  let niced = 0;
  for (const tid of tids) {
    if (tid === self) continue;
    try {
      if (os.getPriority(tid) < BACKGROUND_NICE) {
        os.setPriority(tid, BACKGROUND_NICE);
        niced++;
      }
    } catch {
      // the thread ended meanwhile, or not permitted: leave it
    }
  }
  return niced;
}
