/**
 * Word lists for generated people and places. Surnames carry rough frequency weights so the company
 * looks like a Chinese company (many 王/李/张, few 欧阳) rather than a uniform draw.
 */
import type { Prng } from './prng';

// Surname:weight, roughly by frequency in China.
const SURNAME_TABLE = [
  '王:72 李:72 张:69 刘:54 陈:45 杨:31 黄:23 赵:20 吴:19 周:19 徐:15 孙:14 马:13 朱:13 胡:12 郭:11 何:11 林:10 高:10 罗:10 郑:9 梁:9',
  '谢:7 宋:7 唐:7 许:6 韩:6 冯:6 邓:6 曹:6 彭:5 曾:5 肖:5 田:5 董:5 袁:5 潘:4 于:4 蒋:4 蔡:4 余:4 杜:4 叶:4 程:4 苏:4 魏:4 吕:4 丁:3 任:3',
  '沈:3 姚:3 卢:3 姜:3 崔:3 钟:3 谭:3 陆:3 汪:3 范:3 金:3 石:3 廖:3 贾:2 夏:2 韦:2 付:2 方:2 白:2 邹:2 孟:2 熊:2 秦:2 邱:2 江:2 尹:2 薛:2',
  '闫:2 段:2 雷:2 侯:2 龙:2 史:2 陶:2 黎:2 贺:2 顾:2 毛:2 郝:2 龚:2 邵:2 万:2 钱:2 严:2 覃:1 武:1 戴:1 莫:1 孔:1 向:1 欧阳:1 上官:0.3 司马:0.2',
  '诸葛:0.2',
].join(' ');

const SURNAMES: readonly (readonly [string, number])[] = SURNAME_TABLE.split(' ').map((entry) => {
  const [name = '', weight = '1'] = entry.split(':');
  return [name, Number(weight)] as const;
});

const GIVEN_CHARS = [
  ...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建文辉玲鹏宇浩然欣怡子轩梓涵晨阳佳琪思雨嘉俊博瑞凯婷雪慧丹峰斌飞亮彬晓红春燕海波志鑫宁颖倩琳悦昊天泽翔铭一诺心安若彤雅奕航立新远东松',
];

/** Cities for sales regions and work places. */
export const CITIES: readonly string[] =
  '上海 北京 广州 深圳 杭州 南京 苏州 成都 武汉 西安 重庆 天津 长沙 郑州 青岛 厦门 合肥 济南 宁波 福州 昆明 沈阳 大连 无锡 佛山 东莞 南昌 石家庄'.split(' ');

/** Where the head office sits; every non-sales department works here. */
export const HEAD_OFFICE_CITY = '杭州';

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/** Chinese numeral for 1..99 (一, 十, 十一, 二十三), used in names like 中小客户十二部. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const onesText = ones === 0 ? '' : (DIGITS[ones] ?? '');
  if (tens === 0) return onesText;
  return `${tens === 1 ? '' : (DIGITS[tens] ?? '')}十${onesText}`;
}

/** A plausible Chinese full name: surname plus one or two given-name characters. */
export function randomChineseName(prng: Prng): string {
  const surname = prng.weighted(SURNAMES);
  const given = prng.chance(0.7) ? prng.pick(GIVEN_CHARS) + prng.pick(GIVEN_CHARS) : prng.pick(GIVEN_CHARS);
  return surname + given;
}
