import { compareZh, joinZh, needsSpace, zh } from './zhText';
import { GLOSSARY, quantity, termOf } from './glossary';

describe('zh', () => {
  it('puts a space where a value meets Chinese, only between Chinese and Latin letters or digits', () => {
    const hint = '0 到 100 的整数';
    expect(zh`应为${hint}`).toBe('应为 0 到 100 的整数');
    expect(zh`应为${'日期'}`).toBe('应为日期');
    expect(zh`${'进行中、已完成、已取消'}之一`).toBe('进行中、已完成、已取消之一');
    expect(zh`${'org、crm'}之一`).toBe('org、crm 之一');
    expect(zh`合同 ${3} 份`).toBe('合同 3 份');
    expect(zh`第${12}行`).toBe('第 12 行');
    expect(zh`（${'A'}）`).toBe('（A）');
  });

  it('joins pieces and tells which characters need a space', () => {
    expect(joinZh('钉钉', 'CRM')).toBe('钉钉 CRM');
    expect(joinZh('钉钉 ', 'CRM')).toBe('钉钉 CRM');
    expect(needsSpace('a', '中')).toBe(true);
    expect(needsSpace('中', '，')).toBe(false);
  });
});

describe('glossary', () => {
  it('gives each concept one term, a unit and what one of it is', () => {
    expect(termOf('attendanceRecord')).toBe('考勤记录');
    expect(termOf('clockRecord')).toBe('打卡记录');
    expect(termOf('dingtalkAccount')).toBe('钉钉账号');
    expect(quantity('contract', 1234)).toBe('合同 1,234 份');
    const terms = Object.values(GLOSSARY).map((t) => t.term);
    expect(new Set(terms).size).toBe(terms.length);
    for (const t of Object.values(GLOSSARY)) expect(t.means.length).toBeGreaterThan(5);
  });
});

describe('compareZh', () => {
  it('orders as localeCompare with the zh locale does: by pinyin, Latin and digits as ICU puts them', () => {
    const names = ['销售中心 / 一组', '财务部', '阿里', '北京分公司', '华东组', 'B 组', '2 组', '一组', '一组', '张三', '赵六', ''];
    const byLocale = [...names].sort((a, b) => a.localeCompare(b, 'zh'));
    expect([...names].sort(compareZh)).toEqual(byLocale);
    expect(byLocale.indexOf('阿里')).toBeLessThan(byLocale.indexOf('北京分公司'));
    expect(compareZh('一组', '一组')).toBe(0);
  });
});
