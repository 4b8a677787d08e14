import { matchHeaders, normalizeHeader } from './headerMatcher';
import { dealsKind } from './kinds/deals';
import { AppError } from '../../errors';

describe('header matching', () => {
  it('tolerates surrounding spaces, full-width parentheses and a required star', () => {
    expect(normalizeHeader(' 合同金额（元） ')).toBe('合同金额(元)');
    expect(normalizeHeader('合同编号*')).toBe('合同编号');
    const m = matchHeaders(dealsKind, [' 合同编号 ', '客户名称', '负责人', '合同金额（元）', '签约日期*']);
    expect([...m.positions]).toEqual([
      ['contractNo', 0],
      ['customerName', 1],
      ['owner', 2],
      ['amountFen', 3],
      ['signedOn', 4],
    ]);
    expect(m.warnings).toEqual([]);
  });

  it('ignores unknown and repeated columns with a warning', () => {
    const m = matchHeaders(dealsKind, ['合同编号', '客户名称', '负责人', '合同金额(元)', '签约日期', '备注', '合同编号']);
    expect(m.warnings).toEqual(['这些列不认识，已忽略：备注', '这些列重复出现，只用第一列：合同编号']);
  });

  it('rejects the whole file when required headers are missing, naming them and listing the expected ones', () => {
    let err: unknown;
    try {
      matchHeaders(dealsKind, ['合同编号', '客户', '负责人']);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    const e = err as AppError;
    expect(e.status).toBe(400);
    expect(e.message).toContain('缺少必填列：客户名称、合同金额(元)、签约日期');
    expect(e.message).toContain('应有的列：合同编号*、客户名称*、负责人*、合同金额(元)*、签约日期*、续约年限、状态');
  });
});
