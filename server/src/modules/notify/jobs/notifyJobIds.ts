/** Deterministic ids of the notification jobs (time-bucketed: a drain must be able to run again later). */
export const drainJobId = (corpId: string, now: Date) => `notify-drain:${corpId}:${Math.floor(now.getTime() / 2000)}`;
export const tickSchedulerId = (corpId: string) => `notify-tick:${corpId}`;
