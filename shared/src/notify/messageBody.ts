/**
 * The `msg` of asyncsend_v2 (doc §6.1): an action card whose single button opens the micro-app page, or plain text
 * with the link appended when there is no page to open. DingTalk's (older) doc caps `msg` at 2,048 bytes, so the
 * body is shortened to fit, never the link.
 */
export const MSG_MAX_BYTES = 2048;

export type WorkMessage =
  | { msgtype: 'action_card'; action_card: { title: string; markdown: string; single_title: string; single_url: string } }
  | { msgtype: 'text'; text: { content: string } };

/** What a message says: title, body, and the link it opens (null: none). */
export interface MessageContent {
  title: string;
  body: string;
  link: string | null;
}

function utf8Bytes(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** Bytes of a msg as it goes on the wire (JSON). */
export function messageBytes(msg: WorkMessage): number {
  return utf8Bytes(JSON.stringify(msg));
}

function build(c: MessageContent, body: string): WorkMessage {
  if (c.link) {
    return { msgtype: 'action_card', action_card: { title: c.title, markdown: `### ${c.title}\n\n${body}`, single_title: '查看详情', single_url: c.link } };
  }
  return { msgtype: 'text', text: { content: `${c.title}\n${body}` } };
}

/** The msg for `content`, its body cut (with “…”) until the whole msg fits MSG_MAX_BYTES. */
export function buildWorkMessage(content: MessageContent): WorkMessage {
  let msg = build(content, content.body);
  if (messageBytes(msg) <= MSG_MAX_BYTES) return msg;
  const chars = [...content.body];
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (messageBytes(build(content, `${chars.slice(0, mid).join('')}…`)) <= MSG_MAX_BYTES) lo = mid;
    else hi = mid - 1;
  }
  msg = build(content, `${chars.slice(0, lo).join('')}…`);
  return msg;
}

/** Title, text and link of a msg as a person sees it (the sandbox inbox and tests read messages this way). */
export function readWorkMessage(msg: unknown): { msgtype: string; title: string; text: string; link: string | null } {
  const m = (typeof msg === 'object' && msg !== null ? msg : {}) as Record<string, unknown>;
  const msgtype = typeof m.msgtype === 'string' ? m.msgtype : '';
  const part = (m[msgtype] ?? {}) as Record<string, unknown>;
  const str = (k: string) => (typeof part[k] === 'string' ? (part[k] as string) : '');
  switch (msgtype) {
    case 'text':
      return { msgtype, title: str('content').split('\n')[0] ?? '', text: str('content'), link: null };
    case 'markdown':
      return { msgtype, title: str('title'), text: str('text'), link: null };
    case 'action_card':
      return { msgtype, title: str('title'), text: str('markdown'), link: str('single_url') || null };
    case 'link':
      return { msgtype, title: str('title'), text: str('text'), link: str('messageUrl') || null };
    case 'oa': {
      const body = (part.body ?? {}) as Record<string, unknown>;
      const title = typeof body.title === 'string' ? body.title : '';
      return { msgtype, title, text: typeof body.content === 'string' ? body.content : '', link: str('message_url') || null };
    }
    default:
      return { msgtype, title: msgtype, text: '', link: null };
  }
}
