/**
 * Client-feedback keywords from follow-up notes (跟进内容): the words a person's notes of the 3 months ending with the
 * month use more than the company's notes of the same months do. Pure, computed by the talent.recompute job.
 *
 * - Words: `Intl.Segmenter('zh', { granularity: 'word' })` (ICU's dictionary segmentation, built into Node and the
 *   browsers), word-like segments of at least two characters with a Chinese character in them, without the stop
 *   words below (function words and what every sales note says: 客户, 跟进, 沟通 …); a few sales words ICU splits
 *   (售后, 续签, 运维 …, FEEDBACK_DICTIONARY) are taken whole first.
 * - Each note is a document. A word's score for a person is tf × idf: how many times the person's notes use it, times
 *   ln(N ÷ df) over the company's N notes of which df use it; a word the person used in fewer than
 *   FEEDBACK_MIN_TERM_NOTES notes, or that is in more than half of the company's notes, is left out.
 * - Fewer than FEEDBACK_MIN_NOTES notes: 数据不足 (no keywords).
 */
import { compareZh, zh } from '../zhText';

export const FEEDBACK_MIN_NOTES = 3;
export const FEEDBACK_MIN_TERM_NOTES = 2;
export const FEEDBACK_TOP = 8;

/** Function words and words every follow-up note uses. */
export const FEEDBACK_STOP_WORDS: ReadonlySet<string> = new Set([
  '我们',
  '他们',
  '你们',
  '客户',
  '对方',
  '跟进',
  '沟通',
  '回访',
  '进行',
  '已经',
  '需要',
  '希望',
  '表示',
  '认为',
  '提出',
  '提到',
  '比较',
  '一下',
  '一起',
  '这个',
  '那个',
  '没有',
  '可以',
  '就是',
  '还是',
  '因为',
  '所以',
  '但是',
  '如果',
  '以及',
  '关于',
  '对于',
  '目前',
  '现在',
  '今天',
  '明天',
  '下周',
  '本周',
  '月底',
  '然后',
  '同事',
  '参加',
  '一同',
  '继续',
  '下次',
  '准备',
  '安排',
  '发给',
  '给出',
  '上门',
  '电话',
  '微信',
  '邮件',
  '会议',
  '拜访',
  '线上',
  '现场',
  '保持',
  '每两周',
  '要求',
  '询问',
  '反馈',
  '有意向',
  '使用',
  '整理',
  '提交',
  '修改',
  '约定',
  '先看',
  '重新',
  '介绍',
  '时间',
  '好的',
]);

/**
 * Sales words ICU's dictionary splits (售|后, 续|签, 运|维): taken whole before the rest of a note is segmented.
 */
export const FEEDBACK_DICTIONARY: readonly string[] = ['售后', '续签', '续约', '运维', '稳定性', '决策人', '发票', '报价', '折扣', '分期付款', '定制化'];
const DICTIONARY_RE = new RegExp([...FEEDBACK_DICTIONARY].sort((a, b) => b.length - a.length).join('|'), 'g');
/** Each dictionary word stands in the text as a Latin placeholder ICU keeps whole: one segmentation a note. */
const TOKEN_OF = new Map(FEEDBACK_DICTIONARY.map((w, i) => [w, `qzdict${String.fromCharCode(97 + i)}`]));
const WORD_OF = new Map([...TOKEN_OF].map(([w, t]) => [t, w]));

const segmenter = (): Intl.Segmenter => new Intl.Segmenter('zh', { granularity: 'word' });
const CJK = /[\u3400-\u9fff]/;

/** The words of one note that may be keywords (in order, repeated as often as they occur). */
export function noteWords(text: string, seg: Intl.Segmenter = segmenter()): string[] {
  const out: string[] = [];
  for (const s of seg.segment(text.replace(DICTIONARY_RE, (w) => ` ${TOKEN_OF.get(w)!} `))) {
    const w = s.segment.trim();
    const dictionary = WORD_OF.get(w);
    if (dictionary !== undefined) {
      if (!FEEDBACK_STOP_WORDS.has(dictionary)) out.push(dictionary);
      continue;
    }
    if (!s.isWordLike || w.length < 2 || !CJK.test(w) || FEEDBACK_STOP_WORDS.has(w)) continue;
    out.push(w);
  }
  return out;
}

export interface FeedbackTerm {
  term: string;
  /** Times the person's notes use it. */
  count: number;
  /** The person's notes that use it. */
  notes: number;
  /** tf × idf, two decimals. */
  score: string;
}

export interface FeedbackKeywords {
  /** The person's notes in the window (the sample). */
  notes: number;
  terms: FeedbackTerm[];
  /** 数据不足：…, or null. */
  missing: string | null;
}

/** The company's notes as a corpus: how many notes use each word. */
export interface FeedbackCorpus {
  notes: number;
  documentFrequency: ReadonlyMap<string, number>;
}

/** Each person's notes as words, and the company corpus, from the notes by person (one segmenter for all). */
export function feedbackCorpus(notesByPerson: ReadonlyMap<string, readonly string[]>): { words: Map<string, string[][]>; corpus: FeedbackCorpus } {
  const seg = segmenter();
  const words = new Map<string, string[][]>();
  const df = new Map<string, number>();
  let notes = 0;
  for (const [userid, texts] of notesByPerson) {
    const docs = texts.map((t) => noteWords(t, seg));
    words.set(userid, docs);
    for (const d of docs) {
      notes++;
      for (const w of new Set(d)) df.set(w, (df.get(w) ?? 0) + 1);
    }
  }
  return { words, corpus: { notes, documentFrequency: df } };
}

/** Missing text when a person has too few notes, else null. */
export const feedbackMissing = (notes: number): string | null =>
  notes >= FEEDBACK_MIN_NOTES ? null : zh`数据不足：近 3 个月有内容的跟进记录 ${notes} 条，少于 ${FEEDBACK_MIN_NOTES} 条`;

/** A person's top keywords against the corpus (`docs`: the person's notes as words). */
export function topFeedbackTerms(docs: readonly (readonly string[])[], corpus: FeedbackCorpus, limit = FEEDBACK_TOP): FeedbackKeywords {
  const missing = feedbackMissing(docs.length);
  if (missing) return { notes: docs.length, terms: [], missing };
  const count = new Map<string, number>();
  const inNotes = new Map<string, number>();
  for (const d of docs) {
    for (const w of d) count.set(w, (count.get(w) ?? 0) + 1);
    for (const w of new Set(d)) inNotes.set(w, (inNotes.get(w) ?? 0) + 1);
  }
  const terms: (FeedbackTerm & { exact: number })[] = [];
  for (const [term, n] of count) {
    const notes = inNotes.get(term)!;
    const df = corpus.documentFrequency.get(term) ?? notes;
    if (notes < FEEDBACK_MIN_TERM_NOTES || df * 2 > corpus.notes) continue;
    const exact = n * Math.log(corpus.notes / df);
    terms.push({ term, count: n, notes, score: exact.toFixed(2), exact });
  }
  terms.sort((a, b) => b.exact - a.exact || b.count - a.count || compareZh(a.term, b.term));
  return { notes: docs.length, terms: terms.slice(0, limit).map(({ exact: _exact, ...t }) => t), missing: null };
}
