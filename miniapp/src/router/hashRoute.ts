/** A tiny hash router: `#/org?x=1` → path `/org`, query `x=1`. Hash routes survive DingTalk's homepage URL query. */
import { useSyncExternalStore } from 'react';

export interface HashRoute {
  path: string;
  query: URLSearchParams;
}

/** Parses `location.hash` into a path (always starting with `/`, no trailing slash) and its query. */
export function parseHash(hash: string): HashRoute {
  let h = hash.startsWith('#') ? hash.slice(1) : hash;
  const q = h.indexOf('?');
  const query = new URLSearchParams(q >= 0 ? h.slice(q + 1) : '');
  h = q >= 0 ? h.slice(0, q) : h;
  let path: string;
  try {
    path = decodeURI(h);
  } catch {
    path = h;
  }
  if (!path.startsWith('/')) path = `/${path}`;
  if (path.length > 1 && path.endsWith('/')) path = path.replace(/\/+$/, '') || '/';
  return { path, query };
}

/** Builds a hash href for a path and optional query values. */
export function hrefFor(path: string, query?: Record<string, string | undefined>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) qs.set(k, v);
  const s = qs.toString();
  return `#${path}${s ? `?${s}` : ''}`;
}

/** Goes to `path`; `replace` swaps the current history entry (for redirects). */
export function navigate(path: string, options: { replace?: boolean; query?: Record<string, string | undefined> } = {}): void {
  const href = hrefFor(path, options.query);
  if (window.location.hash === href) return;
  if (options.replace) window.location.replace(href);
  else window.location.hash = href;
}

function subscribe(cb: () => void): () => void {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
}
const snapshot = (): string => window.location.hash;

/** The current hash route; re-renders on `hashchange`. */
export function useHashRoute(): HashRoute {
  const hash = useSyncExternalStore(subscribe, snapshot, snapshot);
  return parseHash(hash);
}
