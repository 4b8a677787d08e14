import { createHash } from 'node:crypto';

export interface JsapiSignatureInput {
  ticket: string;
  nonceStr: string;
  /** Exactly the value passed to `dd.config` (ms or s; it only has to match). */
  timeStamp: string | number;
  /** The page URL; any `#fragment` is dropped, as DingTalk signs the URL without it. */
  url: string;
}

/** `dd.config` signature: lowercase hex SHA-1 of `jsapi_ticket=..&noncestr=..&timestamp=..&url=..` (doc 2.3). */
export function signJsapi(input: JsapiSignatureInput): string {
  const hash = input.url.indexOf('#');
  const url = hash === -1 ? input.url : input.url.slice(0, hash);
  const plain = `jsapi_ticket=${input.ticket}&noncestr=${input.nonceStr}&timestamp=${input.timeStamp}&url=${url}`;
  return createHash('sha1').update(plain, 'utf8').digest('hex');
}
