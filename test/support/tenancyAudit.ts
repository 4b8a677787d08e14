/**
 * A static audit of tenancy: every database query in the server's own code must name the corp. It reads the source
 * with the TypeScript parser and flags, by file and line:
 * - repository and entity-manager calls (find, findOneBy, count, update, delete, …) whose arguments never mention
 *   `corpId` / `corp_id`;
 * - query-builder chains (createQueryBuilder …) whose whole statement never mentions it;
 * - raw SQL (`.query('…')`) whose text never mentions it.
 * A query that is rightly corp-free (a session looked up by its token's hash, a run's child rows by the run's id)
 * carries a `tenancy:` comment on the line above saying why; the audit lists those too, so a reviewer sees them.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const REPO_METHODS = new Set([
  'find',
  'findBy',
  'findOne',
  'findOneBy',
  'findOneOrFail',
  'findOneByOrFail',
  'findAndCount',
  'findAndCountBy',
  'count',
  'countBy',
  'exists',
  'existsBy',
  'sum',
  'average',
  'minimum',
  'maximum',
  'update',
  'delete',
  'softDelete',
  'increment',
  'decrement',
]);
const MENTIONS_CORP = /corpId|corp_id|corp\b/;
const EXEMPT = /\/\/\s*tenancy:\s*\S/;
/** `{ id: run.id }`: a row already loaded (with its corp) addressed again by its own primary key. */
const ROW_BY_PRIMARY_KEY = /^\s*\{\s*id:\s*[A-Za-z_]\w*\.id\s*\}/;
/** Receivers that are repositories or entity managers. */
const LOOKS_LIKE_REPOSITORY = /getRepository\(|Repository\b|\bem\b|\bmanager\b|EntityManager/;

export interface AuditFinding {
  file: string;
  line: number;
  code: string;
}

/** All .ts files under `dir`, without tests, the DingTalk sandbox (an emulator of DingTalk, not our database), benches and migrations. */
function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!['sandbox', 'bench'].includes(entry.name)) out.push(...sourceFiles(p));
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

/** The statement a node belongs to (a query-builder chain is judged as a whole). */
function statementOf(node: ts.Node): ts.Node {
  let n: ts.Node = node;
  while (n.parent && !ts.isSourceFile(n.parent) && !ts.isBlock(n.parent)) n = n.parent;
  return n;
}

/** Lines where each enclosing function starts (a `tenancy:` comment above one covers every query inside it). */
function enclosingFunctionStarts(node: ts.Node, sf: ts.SourceFile): number[] {
  const out: number[] = [];
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n) || ts.isArrowFunction(n) || ts.isFunctionExpression(n)) {
      const stmt = ts.isArrowFunction(n) || ts.isFunctionExpression(n) ? statementOf(n) : n;
      out.push(sf.getLineAndCharacterOfPosition(stmt.getStart(sf)).line);
    }
  }
  return out;
}

/** The comment block right above line `at` (doc comment and line comments), with the line itself. */
function commentAbove(lines: string[], at: number): string {
  let from = at;
  while (from > 0 && /^\s*(\/\/|\/\*|\*)/.test(lines[from - 1] ?? '')) from--;
  return lines.slice(from, at + 1).join('\n');
}

/** Audit one file's text. */
export function auditSource(file: string, text: string): { missing: AuditFinding[]; explained: AuditFinding[] } {
  const missing: AuditFinding[] = [];
  const explained: AuditFinding[] = [];
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const lines = text.split('\n');
  // What each local constant holds: `where: base` counts as naming the corp when `base = { corpId, … }`.
  const initializers = new Map<string, string>();
  const collect = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) initializers.set(node.name.text, node.initializer.getText(sf));
    ts.forEachChild(node, collect);
  };
  collect(sf);
  const expand = (code: string) => code + ' ' + [...code.matchAll(/\b[A-Za-z_]\w*\b/g)].map((m) => initializers.get(m[0]) ?? '').join(' ');
  // `ds.getRepository(X)`, `em`, or a local bound to a repository (`const runs = ds.getRepository(SyncRun)`).
  const isRepository = (receiver: string) => LOOKS_LIKE_REPOSITORY.test(receiver) || /^[\w.]*getRepository\(\w+\)$/.test(initializers.get(receiver) ?? '');
  const seen = new Set<number>();
  const judge = (node: ts.Node, subject: string) => {
    const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
    if (seen.has(line) || MENTIONS_CORP.test(expand(subject)) || ROW_BY_PRIMARY_KEY.test(subject)) return;
    seen.add(line);
    const finding = { file, line: line + 1, code: (lines[line] ?? '').trim().slice(0, 160) };
    const above = [lines.slice(Math.max(0, line - 3), line + 1).join('\n'), ...enclosingFunctionStarts(node, sf).map((l) => commentAbove(lines, l))].join('\n');
    (EXEMPT.test(above) ? explained : missing).push(finding);
  };
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const name = node.expression.name.text;
      const receiver = node.expression.expression.getText(sf);
      const args = node.arguments.map((a) => a.getText(sf)).join(' ');
      if (REPO_METHODS.has(name) && isRepository(receiver)) judge(node, args);
      else if (name === 'createQueryBuilder') {
        const statement = statementOf(node).getText(sf);
        // An insert cannot show another corp's rows; its rows carry their corp_id (NOT NULL in every table).
        if (!/\.insert\(\)/.test(statement)) judge(node, statement);
      } else if (name === 'query' && node.arguments[0] && /\b(FROM|UPDATE|INTO)\b/i.test(node.arguments[0].getText(sf))) judge(node, args);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return { missing, explained };
}

/** Audit the server's sources under `root`. */
export function auditTenancy(root: string): { missing: AuditFinding[]; explained: AuditFinding[] } {
  const missing: AuditFinding[] = [];
  const explained: AuditFinding[] = [];
  for (const file of sourceFiles(root)) {
    const r = auditSource(path.relative(root, file), fs.readFileSync(file, 'utf8'));
    missing.push(...r.missing);
    explained.push(...r.explained);
  }
  return { missing, explained };
}
