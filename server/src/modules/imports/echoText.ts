/**
 * A value as we echo it back (dry-run errors, the error file, stored rejections): at most `max` characters, cut
 * with "…" so nobody mistakes it for the whole value. A 32 KB cell never travels back whole.
 */
export function echoText(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, Math.max(0, max - 1))}…`;
}
