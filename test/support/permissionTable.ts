/**
 * Reads the permission matrix from docs/permissions.md: the table between the `permission-matrix` markers, one row
 * per route (`METHOD /path`), one expected status per actor column.
 */
import fs from 'node:fs';
import path from 'node:path';

/** The actor columns, in the table's order. */
export const ACTORS = ['anonymous', 'employee', 'supervisorOfTarget', 'supervisorOther', 'hrInScope', 'hrOutOfScope', 'admin', 'otherCorp'] as const;
export type ActorName = (typeof ACTORS)[number];

/** The table's column headings for the actors, as written in the document. */
const HEADINGS: Record<ActorName, string> = {
  anonymous: 'anonymous',
  employee: 'employee',
  supervisorOfTarget: 'supervisor of target',
  supervisorOther: 'supervisor of someone else',
  hrInScope: 'HR in scope',
  hrOutOfScope: 'HR out of scope',
  admin: 'admin',
  otherCorp: 'other corp',
};

export interface PermissionRow {
  /** `METHOD /path` as the routers name it. */
  route: string;
  method: string;
  path: string;
  what: string;
  expected: Record<ActorName, number>;
}

export const PERMISSIONS_DOC = path.join(__dirname, '..', '..', 'docs', 'permissions.md');

const cells = (line: string) =>
  line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => c.trim());

/** Parse the matrix; throws naming the line on anything malformed (a typo must not silently drop a row). */
export function readPermissionTable(file = PERMISSIONS_DOC): PermissionRow[] {
  const text = fs.readFileSync(file, 'utf8');
  const start = text.indexOf('<!-- permission-matrix:start -->');
  const end = text.indexOf('<!-- permission-matrix:end -->');
  if (start < 0 || end < start) throw new Error(`${file}: permission-matrix markers not found`);
  const lines = text
    .slice(start, end)
    .split('\n')
    .filter((l) => l.trim().startsWith('|'));
  const [header, rule, ...body] = lines;
  if (!header || !rule) throw new Error(`${file}: the matrix has no header`);
  const expectedHeader = ['route', 'what', ...ACTORS.map((a) => HEADINGS[a])];
  if (JSON.stringify(cells(header)) !== JSON.stringify(expectedHeader)) {
    throw new Error(`${file}: the matrix header must be | ${expectedHeader.join(' | ')} |, got ${header}`);
  }
  const rows: PermissionRow[] = [];
  for (const line of body) {
    const c = cells(line);
    const m = /^`([A-Z]+) (\S+)`$/.exec(c[0] ?? '');
    if (!m || c.length !== expectedHeader.length) throw new Error(`${file}: malformed matrix row: ${line}`);
    const expected = {} as Record<ActorName, number>;
    ACTORS.forEach((a, i) => {
      const v = c[i + 2] ?? '';
      if (!/^[1-5]\d\d$/.test(v)) throw new Error(`${file}: ${m[1]} ${m[2]}: "${v}" for ${HEADINGS[a]} is not an HTTP status`);
      expected[a] = Number(v);
    });
    rows.push({ route: `${m[1]} ${m[2]}`, method: m[1]!, path: m[2]!, what: c[1] ?? '', expected });
  }
  const seen = new Set<string>();
  for (const r of rows) {
    if (seen.has(r.route)) throw new Error(`${file}: ${r.route} has two rows`);
    seen.add(r.route);
  }
  return rows;
}
