import { MAX_SAFE_FEN, fenToYuanText, yuanToFen } from './money';

describe('yuanToFen: text and DingTalk numbers into integer fen, exactly', () => {
  it.each([
    ['150000', 15_000_000],
    ['150,000', 15_000_000],
    ['150000.5', 15_000_050],
    ['¥150,000.00', 15_000_000],
    ['￥150,000.00', 15_000_000],
    ['1,500,000', 150_000_000],
    ['１５０，０００', 15_000_000],
    ['１２．５', 1250],
    [' 150000元 ', 15_000_000],
    ['RMB 99.99', 9999],
    ['CNY1,234.56', 123_456],
    ['0.01', 1],
    ['.5', 50],
    ['0', 0],
    ['1.500', 150],
    ['90071992547409.91', MAX_SAFE_FEN],
    ['90,071,992,547,409.91', MAX_SAFE_FEN],
  ])('%j yuan is %d fen', (text, fen) => {
    expect(yuanToFen(text)).toEqual({ ok: true, fen });
  });

  it('pads the fraction on the right: one decimal is tenths of a yuan, two are fen', () => {
    // A fraction padded on the left ("5" -> "05") would make 1.5 yuan 105 fen.
    expect(yuanToFen('1.5')).toEqual({ ok: true, fen: 150 });
    expect(yuanToFen('1.05')).toEqual({ ok: true, fen: 105 });
    expect(yuanToFen('1.50')).toEqual({ ok: true, fen: 150 });
    expect(yuanToFen(1.5)).toEqual({ ok: true, fen: 150 });
    expect(yuanToFen(1.05)).toEqual({ ok: true, fen: 105 });
    expect(yuanToFen('0.5')).toEqual({ ok: true, fen: 50 });
  });

  it('reads DingTalk numbers by their digits, not through float arithmetic', () => {
    expect(yuanToFen(150000)).toEqual({ ok: true, fen: 15_000_000 });
    expect(yuanToFen(150000.5)).toEqual({ ok: true, fen: 15_000_050 });
    expect(yuanToFen(19.99)).toEqual({ ok: true, fen: 1999 }); // 19.99 * 100 is 1998.9999999999998 as a float
    expect(yuanToFen(0.07)).toEqual({ ok: true, fen: 7 });
    expect(yuanToFen(90071992547409.9)).toEqual({ ok: true, fen: MAX_SAFE_FEN - 1 }); // the largest such double: .91 is not one
    expect(yuanToFen(0.1 + 0.2)).toMatchObject({ ok: false, problem: 'decimals' });
    expect(yuanToFen(1e21)).toMatchObject({ ok: false, problem: 'range' });
    expect(yuanToFen(Number.NaN)).toMatchObject({ ok: false, problem: 'format' });
    expect(yuanToFen(Number.POSITIVE_INFINITY)).toMatchObject({ ok: false, problem: 'format' });
  });

  it('refuses negatives unless the caller allows them', () => {
    expect(yuanToFen('-100')).toMatchObject({ ok: false, problem: 'negative', message: expect.stringContaining('不能为负') });
    expect(yuanToFen(-100)).toMatchObject({ ok: false, problem: 'negative' });
    expect(yuanToFen('-¥1,234.5', { allowNegative: true })).toEqual({ ok: true, fen: -123_450 });
    expect(yuanToFen('¥-1.05', { allowNegative: true })).toEqual({ ok: true, fen: -105 });
    expect(yuanToFen(-0.5, { allowNegative: true })).toEqual({ ok: true, fen: -50 });
    expect(yuanToFen('-0', { allowNegative: true })).toEqual({ ok: true, fen: 0 });
    expect(yuanToFen('-90071992547409.92', { allowNegative: true })).toMatchObject({ ok: false, problem: 'range' });
  });

  it.each([
    ['150000.555', 'decimals', '最多两位小数'],
    ['1.005', 'decimals', '最多两位小数'],
    ['1,50,000', 'separators', '千位分隔符'],
    ['150,00', 'separators', '千位分隔符'],
    ['十五万', 'format', '应为金额'],
    ['', 'format', '应为金额'],
    ['1e5', 'format', '应为金额'],
    ['12.3.4', 'format', '应为金额'],
    ['=1+1', 'format', '应为金额'],
    ['90071992547409.92', 'range', '过大'],
    ['99999999999999999999', 'range', '过大'],
  ])('refuses %j (%s) with a message saying what was expected', (text, problem, part) => {
    const r = yuanToFen(text);
    expect(r).toMatchObject({ ok: false, problem });
    if (!r.ok) {
      expect(r.message).toContain(part);
      expect(r.message).toContain('150,000');
    }
  });

  it('writes fen back as yuan text', () => {
    expect(fenToYuanText(15_000_050)).toBe('150,000.50');
    expect(fenToYuanText(105)).toBe('1.05');
    expect(fenToYuanText(-7)).toBe('-0.07');
    expect(fenToYuanText(MAX_SAFE_FEN)).toBe('90,071,992,547,409.91');
  });
});
