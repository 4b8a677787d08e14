import { IMPORT_KINDS, IMPORT_LIMITS } from '@liucai/shared';
import { checkImportFile, commitPercent, formatBytes, IMPORT_KIND_LABELS, IMPORT_KIND_OPTIONS, IMPORT_LIMIT_TEXT, importCountsText } from './importDisplay';

describe('import display', () => {
  it('names every kind in Chinese, in the API order', () => {
    expect(IMPORT_KIND_OPTIONS.map((o) => o.value)).toEqual([...IMPORT_KINDS]);
    expect(IMPORT_KIND_LABELS.deals).toBe('合同/成交');
    expect(IMPORT_KIND_OPTIONS.every((o) => /[\u4e00-\u9fff]/.test(o.label))).toBe(true);
  });

  it('accepts .xlsx and .csv with the content type to send', () => {
    expect(checkImportFile({ name: '历史合同.CSV', size: 10 })).toEqual({ ok: true, contentType: 'text/csv' });
    expect(checkImportFile({ name: 'a.b.xlsx', size: 10 })).toEqual({
      ok: true,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
  });

  it('refuses other types, empty and oversized files with a specific message', () => {
    expect(checkImportFile({ name: 'old.xls', size: 10 })).toEqual({ ok: false, message: expect.stringContaining('另存为 .xlsx') });
    expect(checkImportFile({ name: 'notes.txt', size: 10 })).toEqual({ ok: false, message: expect.stringContaining('不支持的文件类型 .txt') });
    expect(checkImportFile({ name: 'README', size: 10 })).toEqual({ ok: false, message: expect.stringContaining('请选择 Excel（.xlsx）或 CSV（.csv）文件') });
    expect(checkImportFile({ name: 'a.csv', size: 0 })).toEqual({ ok: false, message: expect.stringContaining('文件是空的') });
    const big = checkImportFile({ name: 'a.csv', size: IMPORT_LIMITS.maxBytes + 1 });
    expect(big).toEqual({ ok: false, message: '文件 50 MB，超过 50 MB 上限：请拆成几个文件分别导入' });
    expect(checkImportFile({ name: 'a.csv', size: IMPORT_LIMITS.maxBytes }).ok).toBe(true);
  });

  it('formats sizes, limits and counts', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(60 * 1024 * 1024)).toBe('60 MB');
    expect(IMPORT_LIMIT_TEXT).toBe('50 MB、500,000 行');
    expect(importCountsText({ created: 1200, updated: 0, unchanged: 3, rejected: 1 })).toBe('新增 1,200 · 更新 0 · 未变 3 · 拒绝 1');
  });

  it('shows a commit as rows done of the rows the dry run counted, 100 only once finished', () => {
    expect(commitPercent(null, 100)).toBe(0);
    expect(commitPercent({ status: 'running', rowsDone: 50, percent: 10 }, 200)).toBe(25);
    expect(commitPercent({ status: 'running', rowsDone: 200, percent: 99 }, 200)).toBe(99);
    expect(commitPercent({ status: 'running', rowsDone: 50, percent: 10 }, null)).toBe(10);
    expect(commitPercent({ status: 'succeeded', rowsDone: 200, percent: 100 }, 200)).toBe(100);
  });
});
