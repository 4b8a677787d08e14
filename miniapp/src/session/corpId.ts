/**
 * DingTalk opens the micro-app at its configured homepage, `…/app/?corpId=$CORPID$`, replacing `$CORPID$`
 * with the organisation's corpId. Opened by hand (or misconfigured) the placeholder or nothing is there.
 */

const PLACEHOLDER = /^\$corpid\$$/i;

/** The corpId from a URL query string (`?corpId=…`, also `corpid`), or null when missing or still a placeholder. */
export function corpIdFromSearch(search: string): string | null {
  const params = new URLSearchParams(search);
  const raw = params.get('corpId') ?? params.get('corpid') ?? '';
  const value = raw.trim();
  if (!value || PLACEHOLDER.test(value) || value.includes('$')) return null;
  return value;
}

/** The corpId to sign in with: the URL's, else the server's default, else null. */
export function resolveCorpId(search: string, defaultCorpId: string | null | undefined): string | null {
  return corpIdFromSearch(search) ?? (defaultCorpId || null);
}
