/** A positive number from `--name N` on the command line, or the fallback; exits 2 naming the flag when bad. */
export function numberArg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!Number.isFinite(v) || v <= 0) {
    console.error(`--${name}: expected a positive number, got ${process.argv[i + 1] ?? '(nothing)'}`);
    process.exit(2);
  }
  return v;
}
