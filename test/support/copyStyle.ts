/**
 * The house style of user-facing Chinese text, as a checker: every string literal, template text and JSX text that
 * contains Chinese, in the server, shared and micro-app sources (and app.json's texts), is checked for
 *  - corner quotes 「」『』 (we quote with “…”),
 *  - ASCII double quotes inside Chinese text,
 *  - the word userid (users see 钉钉账号 or 员工),
 *  - Chinese directly next to Latin letters or digits without a space (“合同 3 份”, “应为 0 到 100”),
 *  - a space between two Chinese characters (“已取消 之一”) or before Chinese punctuation,
 *  - in a template literal, Chinese right next to a `${…}` value, unless the template is tagged `zh` (which puts the
 *    space in when the value starts or ends with a Latin letter or digit) or the Chinese is a date unit (`${m}月`).
 * Dates written the Chinese way (2026年3月5日, 3月5日) are allowed, and so are DingTalk's own names quoted verbatim
 * (a permission is searched for by its exact name). The DingTalk sandbox is left out: it imitates DingTalk's own
 * wording. Tests are left out: they hold bad input on purpose.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export interface CopyViolation {
  file: string;
  line: number;
  rule: 'corner-quotes' | 'ascii-quotes' | 'userid' | 'cjk-latin-spacing' | 'space-between-chinese' | 'value-seam';
  text: string;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
/** Chinese next to a Latin letter or digit, either way round. */
const CJK_THEN_LATIN = /[\u3400-\u9fff\uf900-\ufaff][A-Za-z0-9]/g;
const LATIN_THEN_CJK = /[A-Za-z0-9][\u3400-\u9fff\uf900-\ufaff]/g;
/** Chinese dates: 2026年3月5日, 2026年11月, 3月5日, 5日. */
const CHINESE_DATE = /\d{1,4}年(\d{1,2}月(\d{1,2}日)?)?|\d{1,2}月(\d{1,2}日)?|\d{1,2}日/g;
/** DingTalk's own names, quoted exactly as its console shows them. */
const DINGTALK_NAMES = ['获取CRM主数据的接口访问权限'];
/** A date unit may sit right next to a value: `${m}月${d}日`. */
const DATE_UNITS = new Set(['年', '月', '日']);

/** Check one piece of user-facing text; returns the rules it breaks. */
export function copyProblems(text: string): CopyViolation['rule'][] {
  if (!CJK.test(text)) return [];
  const out: CopyViolation['rule'][] = [];
  if (/[「」『』]/.test(text)) out.push('corner-quotes');
  if (text.includes('"')) out.push('ascii-quotes');
  if (/userid/i.test(text)) out.push('userid');
  let plain = text.replace(CHINESE_DATE, '〇');
  for (const name of DINGTALK_NAMES) plain = plain.split(name).join('〇');
  if (CJK_THEN_LATIN.test(plain) || LATIN_THEN_CJK.test(plain)) out.push('cjk-latin-spacing');
  CJK_THEN_LATIN.lastIndex = 0;
  LATIN_THEN_CJK.lastIndex = 0;
  if (/[\u3400-\u9fff\uf900-\ufaff] +[\u3400-\u9fff\uf900-\ufaff，。：；！？、）]/.test(plain)) out.push('space-between-chinese');
  return out;
}

/**
 * The seams of a template piece that meet a `${…}` value: Chinese at the end of a piece before a value, or at the
 * start of a piece after one. A date unit there is fine.
 */
function seamProblem(piece: string, valueBefore: boolean, valueAfter: boolean): boolean {
  const first = piece[0];
  const last = piece.at(-1);
  const chinese = (c: string | undefined) => c !== undefined && CJK.test(c) && !DATE_UNITS.has(c);
  return (valueBefore && chinese(first)) || (valueAfter && chinese(last));
}

/** The user-facing text pieces of a TypeScript/TSX source: string literals, template text, JSX text. */
export function textPieces(fileName: string, source: string): { line: number; text: string; seam?: boolean }[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: { line: number; text: string; seam?: boolean }[] = [];
  const zhTagged = (node: ts.Node): boolean => {
    let n: ts.Node = node;
    while (!ts.isTemplateExpression(n) && n.parent) n = n.parent;
    return !!n.parent && ts.isTaggedTemplateExpression(n.parent) && n.parent.tag.getText(sf) === 'zh';
  };
  const visit = (node: ts.Node): void => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      node.kind === ts.SyntaxKind.TemplateHead ||
      node.kind === ts.SyntaxKind.TemplateMiddle ||
      node.kind === ts.SyntaxKind.TemplateTail
    ) {
      // Module specifiers and regular expressions are not text; a literal in an import is skipped.
      if (!(ts.isImportDeclaration(node.parent) || ts.isExportDeclaration(node.parent))) {
        const text = (node as ts.LiteralLikeNode).text;
        const valueBefore = node.kind === ts.SyntaxKind.TemplateMiddle || node.kind === ts.SyntaxKind.TemplateTail;
        const valueAfter = node.kind === ts.SyntaxKind.TemplateHead || node.kind === ts.SyntaxKind.TemplateMiddle;
        const seam = (valueBefore || valueAfter) && !zhTagged(node) && seamProblem(text, valueBefore, valueAfter);
        out.push({ line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1, text, seam });
      }
    } else if (ts.isJsxText(node)) {
      const text = node.text.replace(/\s+/g, ' ').trim();
      if (text) {
        // Text glued to a {value} on the same line: `剩余{n}次` renders “剩余12次”.
        const siblings = ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent) ? [...node.parent.children] : [];
        const at = siblings.indexOf(node);
        // {' '} is a space, not a value.
        const isValue = (n: ts.Node | undefined) =>
          n !== undefined && ts.isJsxExpression(n) && !(n.expression && ts.isStringLiteral(n.expression) && /^\s+$/.test(n.expression.text));
        const valueBefore = at > 0 && isValue(siblings[at - 1]) && !/^\s/.test(node.text);
        const valueAfter = at >= 0 && isValue(siblings[at + 1]) && !/\s$/.test(node.text);
        out.push({ line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1, text, seam: seamProblem(node.text, valueBefore, valueAfter) });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** Every string in a JSON document (app.json's titles, descriptions and reasons). */
export function jsonStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) jsonStrings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) jsonStrings(v, out);
  return out;
}

const SKIP_DIRS = new Set(['node_modules', 'dist', 'sandbox', 'bench']);
/** DingTalk's wire facts (its own error texts), not our words. */
const SKIP_FILES = new Set(['wireFacts.ts']);

/** The production sources under `dir` (TypeScript and TSX, no tests, no sandbox). */
export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) out.push(...sourceFiles(full));
    } else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') && !SKIP_FILES.has(entry.name)) out.push(full);
  }
  return out;
}

/** Scan the repository's user-facing text; `root` is the repository root. */
export function scanCopy(root: string): CopyViolation[] {
  const violations: CopyViolation[] = [];
  const dirs = ['server/src', 'shared/src', 'miniapp/src'].map((d) => path.join(root, d));
  for (const file of dirs.flatMap(sourceFiles)) {
    for (const piece of textPieces(file, fs.readFileSync(file, 'utf8'))) {
      for (const rule of copyProblems(piece.text)) violations.push({ file: path.relative(root, file), line: piece.line, rule, text: piece.text });
      if (piece.seam) violations.push({ file: path.relative(root, file), line: piece.line, rule: 'value-seam', text: piece.text });
    }
  }
  const appJson = JSON.parse(fs.readFileSync(path.join(root, 'app.json'), 'utf8')) as unknown;
  for (const text of jsonStrings(appJson)) {
    for (const rule of copyProblems(text)) violations.push({ file: 'app.json', line: 0, rule, text });
  }
  return violations;
}
