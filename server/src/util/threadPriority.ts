import os from 'node:os';

/**
 * Nices the calling thread (Linux keeps a nice value per thread, and setpriority on "the calling process" changes only
 * the calling thread), so on a small machine the web thread gets the CPU first and requests stay quick while a jobs
 * or sandbox thread works. Elsewhere it may change the whole process or fail; either is harmless.
 */
export function lowerThisThreadsPriority(): void {
  try {
    os.setPriority(0, 10);
  } catch {
    // not permitted here: run at normal priority
  }
}
