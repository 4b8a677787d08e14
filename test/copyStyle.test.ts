/**
 * One house style for user-facing Chinese: every string literal, template text and JSX text with Chinese in it, in
 * the server, shared and micro-app sources and app.json, uses “…” quotes, never says userid, and spaces Chinese from
 * Latin letters and digits (test/support/copyStyle.ts). The checker's rules are tested on their own first, so an
 * empty scan means something.
 */
import path from 'node:path';
import { copyProblems, scanCopy, textPieces } from './support/copyStyle';

describe('the copy-style checker', () => {
  it('flags each rule and passes text that keeps them', () => {
    expect(copyProblems('点击「立即同步」')).toEqual(['corner-quotes']);
    expect(copyProblems('点击"立即同步"')).toEqual(['ascii-quotes']);
    expect(copyProblems('应为通讯录中的 userid')).toEqual(['userid']);
    expect(copyProblems('应为0 到 100')).toEqual(['cjk-latin-spacing']);
    expect(copyProblems('合同3份')).toEqual(['cjk-latin-spacing']);
    expect(copyProblems('进行中、已完成、已取消 之一')).toEqual(['space-between-chinese']);
    expect(copyProblems('点击“立即同步”，合同 3 份，应为 0 到 100，钉钉 CRM 同步')).toEqual([]);
    // Chinese dates, DingTalk's own names and text without Chinese are left alone.
    expect(copyProblems('2026年11月24日、3月5日')).toEqual([]);
    expect(copyProblems('获取CRM主数据的接口访问权限')).toEqual([]);
    expect(copyProblems('mode must be "dry-run"')).toEqual([]);
  });

  it('finds values glued to Chinese in templates and JSX, unless tagged zh or a date unit', () => {
    const pieces = (src: string) => textPieces('x.tsx', src).filter((p) => p.seam);
    expect(pieces('const a = `应为${hint}`;')).toHaveLength(1);
    expect(pieces('const a = zh`应为${hint}`;')).toHaveLength(0);
    expect(pieces('const a = `${m}月${d}日`;')).toHaveLength(0);
    expect(pieces('const e = <span>剩余{n}次</span>;')).toHaveLength(2);
    expect(pieces("const e = <span>剩余{' '}{n} 次</span>;")).toHaveLength(0);
  });
});

describe('user-facing text in server, shared, micro-app and app.json', () => {
  it('keeps the house style everywhere', () => {
    const violations = scanCopy(path.resolve(__dirname, '..'));
    expect(violations.map((v) => `${v.file}:${v.line} [${v.rule}] ${v.text}`)).toEqual([]);
  });
});
