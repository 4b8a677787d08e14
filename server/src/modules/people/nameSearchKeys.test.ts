import { nameSearchKeys } from './nameSearchKeys';

describe('nameSearchKeys', () => {
  it('gives pinyin initials and the whole pinyin of a Chinese name', () => {
    expect(nameSearchKeys('张三')).toEqual({ initials: 'zs', pinyin: 'zhangsan' });
    expect(nameSearchKeys('欧阳娜娜')).toEqual({ initials: 'oynn', pinyin: 'ouyangnana' });
  });

  it('reads polyphonic surnames as surnames', () => {
    expect(nameSearchKeys('单雄信').initials).toBe('sxx');
    expect(nameSearchKeys('曾小贤').pinyin).toBe('zengxiaoxian');
    expect(nameSearchKeys('解放').pinyin).toBe('xiefang');
  });

  it('keeps Latin words and digits, drops punctuation, writes ü as v', () => {
    expect(nameSearchKeys('Tom Lee')).toEqual({ initials: 'tl', pinyin: 'tomlee' });
    expect(nameSearchKeys('王·小明')).toEqual({ initials: 'wxm', pinyin: 'wangxiaoming' });
    expect(nameSearchKeys('吕布').pinyin).toBe('lvbu');
    expect(nameSearchKeys('')).toEqual({ initials: '', pinyin: '' });
  });
});
