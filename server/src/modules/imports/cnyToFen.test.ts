import { parseCnyToFen } from './cnyToFen';

describe('parseCnyToFen', () => {
  it.each([
    ['150000', 15_000_000],
    ['150,000', 15_000_000],
    ['150000.5', 15_000_050],
    ['¥150,000.00', 15_000_000],
    ['￥150,000.00', 15_000_000],
    ['1,500,000', 150_000_000],
    ['１５０，０００', 15_000_000],
    [' 150000元 ', 15_000_000],
    ['RMB 99.99', 9999],
    ['0.01', 1],
    ['.5', 50],
    ['0', 0],
    ['90071992547409.91', 9_007_199_254_740_991],
  ])('%s yuan is %d fen, exactly', (text, fen) => {
    expect(parseCnyToFen(text)).toEqual({ ok: true, fen });
  });

  it.each([
    ['150000.555', '最多两位小数'],
    ['1,50,000', '千位分隔符'],
    ['-100', '不能为负'],
    ['十五万', '应为金额'],
    ['', '应为金额'],
    ['1e5', '应为金额'],
    ['12.3.4', '应为金额'],
    ['90071992547409.92', '过大'],
  ])('refuses %j with a message saying what was expected', (text, part) => {
    const r = parseCnyToFen(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain(part);
      expect(r.message).toContain('150,000');
    }
  });
});
