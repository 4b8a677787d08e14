import { createHash } from 'node:crypto';
import { appPageUrl, buildWorkMessage, composeDigest, messageLink, type WorkMessage } from '@liucai/shared';
import type { Notification } from '../../../entities';
import type { NotifyConfig } from '../notifyConfig';

/** Where links point: the corp, the public base URL and the link form. */
export interface LinkTarget {
  corpId: string;
  baseUrl: string;
  linkForm: NotifyConfig['linkForm'];
}

/** The exact message one unit goes out as, and its content hash. */
export interface OutgoingMessage {
  msg: WorkMessage;
  json: string;
  hash: string;
}

function link(t: LinkTarget, page: string | null, query: string | null): string | null {
  if (page === null) return null;
  const q = query ? Object.fromEntries(new URLSearchParams(query)) : {};
  return messageLink(appPageUrl(t.baseUrl, t.corpId, page, q), t.linkForm);
}

function outgoing(msg: WorkMessage): OutgoingMessage {
  const json = JSON.stringify(msg);
  return { msg, json, hash: createHash('sha256').update(json).digest('hex') };
}

/** The message of one `now` notification. */
export function messageOfNotification(t: LinkTarget, n: Pick<Notification, 'title' | 'body' | 'page' | 'pageQuery'>): OutgoingMessage {
  return outgoing(buildWorkMessage({ title: n.title, body: n.body, link: link(t, n.page, n.pageQuery) }));
}

/**
 * The one message of a person's waiting digest items: counts per kind, never names, so everyone with the same
 * counts gets the very same message and one call carries them all (the message centre lists each item).
 */
export function messageOfDigest(t: LinkTarget, items: readonly Pick<Notification, 'kind' | 'title' | 'body' | 'page' | 'pageQuery'>[]): OutgoingMessage {
  const d = composeDigest(items.map((i) => ({ kind: i.kind, title: i.title, page: i.page })));
  return outgoing(buildWorkMessage({ title: d.title, body: d.body, link: link(t, d.page, null) }));
}
