import { pinyin } from 'pinyin-pro';

/** Column widths of users.name_initials / users.name_pinyin. */
const INITIALS_MAX = 100;
const PINYIN_MAX = 255;

export interface NameSearchKeys {
  /** First letter of each syllable or Latin word, lower case: 张三 → zs, 欧阳娜娜 → oynn, Tom Lee → tl. */
  initials: string;
  /**
   * The whole pinyin without tones, one space between syllables: 张三 → `zhang san` (ü written v, so it stays ASCII).
   * It is also the name's sort key, and the space makes it sort by syllable as a Chinese list does: 李欣文
   * (`li xin wen`) before 刘然 (`liu ran`), where `lixinwen` would come after `liuran`.
   */
  pinyin: string;
}

/**
 * What a directory search matches a name by, beyond the name itself. Surnames read as surnames (单 → shan,
 * 曾 → zeng, 解 → xie) through pinyin-pro's surname mode; Latin words and digits are kept as words;
 * punctuation (王·小明) is dropped.
 */
export function nameSearchKeys(name: string): NameSearchKeys {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', nonZh: 'consecutive', v: true });
  const words = syllables.flatMap((s) => s.toLowerCase().split(/[^a-z0-9]+/)).filter((w) => w.length > 0);
  return {
    initials: words
      .map((w) => w[0])
      .join('')
      .slice(0, INITIALS_MAX),
    pinyin: words.join(' ').slice(0, PINYIN_MAX),
  };
}
