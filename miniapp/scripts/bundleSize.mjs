#!/usr/bin/env node
/**
 * Critical-path JavaScript budget. Reads dist/.vite/manifest.json, takes the entry chunk plus everything it
 * imports statically (transitively: what the browser must download before the sign-in page can run), sums the
 * gzip sizes, prints a table, writes dist/bundle-size.json and exits 1 when the total exceeds the budget.
 * Lazily loaded page chunks are listed for information but do not count. CSS is reported separately.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 170 * 1024;
const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const manifestPath = join(dist, '.vite', 'manifest.json');

if (!existsSync(manifestPath)) {
  console.error(`bundle-size: ${manifestPath} not found; run \`npm run build -w @liucai/miniapp\` first.`);
  process.exit(2);
}
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));

const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
if (entries.length === 0) {
  console.error('bundle-size: the manifest has no entry chunk');
  process.exit(2);
}

/** Entry keys, then static imports depth-first (each once). */
const critical = [];
const seen = new Set();
const visit = (key) => {
  if (seen.has(key)) return;
  seen.add(key);
  const chunk = manifest[key];
  if (!chunk) throw new Error(`bundle-size: manifest has no chunk ${key}`);
  critical.push(key);
  for (const imp of chunk.imports ?? []) visit(imp);
};
for (const [key] of entries) visit(key);

const sizeOf = (file) => {
  const buf = readFileSync(join(dist, file));
  return { file, raw: buf.length, gzip: gzipSync(buf).length };
};

const js = critical.map((k) => sizeOf(manifest[k].file));
const css = [...new Set(critical.flatMap((k) => manifest[k].css ?? []))].map(sizeOf);
const lazy = Object.entries(manifest)
  .filter(([k, c]) => !seen.has(k) && c.file.endsWith('.js'))
  .map(([, c]) => sizeOf(c.file));

const sum = (rows, f) => rows.reduce((s, r) => s + r[f], 0);
const total = { raw: sum(js, 'raw'), gzip: sum(js, 'gzip') };
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

const table = (title, rows) => {
  if (rows.length === 0) return;
  const width = Math.max(title.length, ...rows.map((r) => r.file.length));
  console.log(`${title.padEnd(width)}  ${'raw'.padStart(10)}  ${'gzip'.padStart(10)}`);
  for (const r of rows) console.log(`${r.file.padEnd(width)}  ${kb(r.raw).padStart(10)}  ${kb(r.gzip).padStart(10)}`);
  return width;
};

const w = table('critical-path JS', js);
console.log(`${'TOTAL'.padEnd(w)}  ${kb(total.raw).padStart(10)}  ${kb(total.gzip).padStart(10)}   (budget ${kb(BUDGET_BYTES)} gzip)`);
console.log('');
table('critical-path CSS (not counted)', css);
console.log('');
table(
  'lazy chunks (not counted)',
  lazy.sort((a, b) => b.gzip - a.gzip),
);

const ok = total.gzip <= BUDGET_BYTES;
writeFileSync(
  join(dist, 'bundle-size.json'),
  `${JSON.stringify({ budgetGzipBytes: BUDGET_BYTES, ok, total, criticalPath: js, criticalCss: css, lazy }, null, 2)}\n`,
);
console.log('');
if (!ok) {
  console.error(`bundle-size: FAIL — critical path ${kb(total.gzip)} gzip exceeds the ${kb(BUDGET_BYTES)} budget`);
  process.exit(1);
}
console.log(`bundle-size: OK — critical path ${kb(total.gzip)} gzip (${((total.gzip / BUDGET_BYTES) * 100).toFixed(0)}% of budget)`);
