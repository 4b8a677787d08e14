import { nameSearchKeys } from './nameSearchKeys';

describe('nameSearchKeys', () => {
  it('gives pinyin initials and the whole pinyin of a Chinese name', () => {
    expect(nameSearchKeys('张三')).toEqual({ initials: 'zs', pinyin: 'zhang san' });
    expect(nameSearchKeys('欧阳娜娜')).toEqual({ initials: 'oynn', pinyin: 'ou yang na na' });
  });

  it('reads polyphonic surnames as surnames', () => {
    expect(nameSearchKeys('单雄信').initials).toBe('sxx');
    expect(nameSearchKeys('曾小贤').pinyin).toBe('zeng xiao xian');
    expect(nameSearchKeys('解放').pinyin).toBe('xie fang');
  });

  it('sorts by syllable: 李 (li) before 刘 (liu) whatever follows', () => {
    const names = ['刘然', '李欣文', '李华', '刘鹏峰'];
    const sorted = [...names].sort((a, b) => (nameSearchKeys(a).pinyin < nameSearchKeys(b).pinyin ? -1 : 1));
    expect(sorted).toEqual(['李华', '李欣文', '刘鹏峰', '刘然']);
  });

  it('keeps Latin words and digits, drops punctuation, writes ü as v', () => {
    expect(nameSearchKeys('Tom Lee')).toEqual({ initials: 'tl', pinyin: 'tom lee' });
    expect(nameSearchKeys('王·小明')).toEqual({ initials: 'wxm', pinyin: 'wang xiao ming' });
    expect(nameSearchKeys('吕布').pinyin).toBe('lv bu');
    expect(nameSearchKeys('')).toEqual({ initials: '', pinyin: '' });
  });
});
