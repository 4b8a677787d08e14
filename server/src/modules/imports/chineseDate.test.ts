import { parseChineseDate } from './chineseDate';

describe('parseChineseDate', () => {
  it.each([
    '2026-11-24',
    '2026/11/24',
    '2026.11.24',
    '2026年11月24日',
    '2026年11月24号',
    '2026-11-24 10:00',
    '2026/11/24 10:00:30',
    '2026-11-24T10:00',
    '20261124',
    '２０２６－１１－２４',
  ])('reads %s as 2026-11-24', (text) => {
    expect(parseChineseDate(text)).toEqual({ ok: true, date: '2026-11-24' });
  });

  it('pads single-digit months and days', () => {
    expect(parseChineseDate('2026/1/5')).toEqual({ ok: true, date: '2026-01-05' });
    expect(parseChineseDate('2026年1月5日')).toEqual({ ok: true, date: '2026-01-05' });
  });

  it('reads Excel date cells (UTC wall clock) and serial day numbers', () => {
    expect(parseChineseDate(new Date(Date.UTC(2026, 10, 24)))).toEqual({ ok: true, date: '2026-11-24' });
    expect(parseChineseDate(46350)).toEqual({ ok: true, date: '2026-11-24' });
    expect(parseChineseDate(46350.75)).toEqual({ ok: true, date: '2026-11-24' });
    expect(parseChineseDate(20261124)).toEqual({ ok: true, date: '2026-11-24' });
  });

  it('refuses impossible dates, naming them', () => {
    expect(parseChineseDate('2026-02-30')).toEqual({ ok: false, message: '日期不存在：2026-02-30' });
    expect(parseChineseDate('2026-13-01').ok).toBe(false);
    expect(parseChineseDate('2025-02-29').ok).toBe(false);
    expect(parseChineseDate('2024-02-29')).toEqual({ ok: true, date: '2024-02-29' });
  });

  it.each(['24/11/2026', '明天', '2026-11', '', '1800-01-01'])('refuses %j saying which forms are accepted', (text) => {
    const r = parseChineseDate(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('2026年11月24日');
  });
});
