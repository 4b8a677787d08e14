import { NOTIFY_KINDS, isNotifyKind } from './kinds';

/** One waiting digest item of a person. */
export interface DigestItem {
  kind: string;
  title: string;
  /** The micro-app page it opens, e.g. `/data`. */
  page: string | null;
}

/** The one message a person's digest becomes. */
export interface ComposedDigest {
  title: string;
  body: string;
  /** The page the message opens: the items' page when they share one, else the message centre. */
  page: string;
}

/** Where a digest of items for different pages sends people: the message centre lists each item. */
export const MESSAGE_CENTRE_PAGE = '/messages';

/**
 * Combine a person's waiting digest items into one message: “今日待办：2 项测评未完成，1 名下属培训进度落后”.
 * Items are counted per kind (in the registry's order, so the same items always give the same text, and people
 * with the same counts get identical messages that one DingTalk call can carry together). A single item is counted
 * too (“今日待办：1 项数据同步失败”): a personal title would cost a call per person.
 */
export function composeDigest(items: readonly DigestItem[]): ComposedDigest {
  if (items.length === 0) throw new Error('composeDigest: no items');
  const pages = new Set(items.map((i) => i.page ?? MESSAGE_CENTRE_PAGE));
  const page = pages.size === 1 ? [...pages][0]! : MESSAGE_CENTRE_PAGE;
  const counts = new Map<string, number>();
  for (const i of items) counts.set(i.kind, (counts.get(i.kind) ?? 0) + 1);
  const order = Object.keys(NOTIFY_KINDS);
  const kinds = [...counts.keys()].sort((a, b) => rank(order, a) - rank(order, b) || a.localeCompare(b));
  const phrases = kinds.map((k) => (isNotifyKind(k) ? NOTIFY_KINDS[k].digestPhrase(counts.get(k)!) : `${counts.get(k)!} 条其他通知`));
  return {
    title: `今日待办：${phrases.join('，')}`,
    body: `共 ${items.length} 条通知，在留才“消息”中逐条查看。`,
    page,
  };
}

function rank(order: string[], kind: string): number {
  const i = order.indexOf(kind);
  return i < 0 ? order.length : i;
}
