/** yyyy-mm-dd of an instant in Asia/Shanghai (China has no DST: UTC+8 all year). */
export function shanghaiDate(at: Date | number): string {
  const ms = typeof at === 'number' ? at : at.getTime();
  return new Date(ms + 8 * 3600 * 1000).toISOString().slice(0, 10);
}
