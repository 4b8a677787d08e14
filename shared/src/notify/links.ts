/**
 * Links from a DingTalk message into the micro-app (doc §6.1). The page URL carries the corpId, so 免登 signs the
 * person in to the right organisation; the `dingtalk` form wraps it in DingTalk's page link, which opens it inside
 * DingTalk on mobile and in the side panel on PC (`pc_slide=true`); the `https` form is the plain URL, which
 * DingTalk also opens inside itself.
 */
export type LinkForm = 'dingtalk' | 'https';

/** The micro-app URL of a page: `<base>/app/?corpId=<corpId>#/<page>?<query>`. */
export function appPageUrl(baseUrl: string, corpId: string, page: string, query: Readonly<Record<string, string>> = {}): string {
  const base = baseUrl.replace(/\/+$/, '');
  const route = page.startsWith('/') ? page : `/${page}`;
  const q = Object.entries(query)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
  return `${base}/app/?corpId=${encodeURIComponent(corpId)}#${route}${q ? `?${q}` : ''}`;
}

/** A message link in the chosen form. */
export function messageLink(url: string, form: LinkForm): string {
  return form === 'https' ? url : `dingtalk://dingtalkclient/page/link?url=${encodeURIComponent(url)}&pc_slide=true`;
}

/** The https URL inside a message link of either form (what a browser can open). */
export function unwrapMessageLink(link: string): string {
  if (!link.startsWith('dingtalk://')) return link;
  const q = link.indexOf('?');
  if (q < 0) return link;
  for (const pair of link.slice(q + 1).split('&')) {
    const [k, v] = pair.split('=');
    if (k === 'url' && v !== undefined) return decodeURIComponent(v);
  }
  return link;
}
