import * as $OpenApi from '@alicloud/openapi-client';

/** Connect timeout cap: connecting should be fast even when an API is slow to answer. */
const MAX_CONNECT_TIMEOUT_MS = 5000;

/**
 * SDK config for a v1.0 base URL: protocol from the URL (the SDK's own default is plain http, doc 9.2), endpoint =
 * host[:port], and explicit timeouts (the SDK default is 3 s).
 */
export function openApiConfig(v1BaseUrl: string, timeoutMs: number): $OpenApi.Config {
  const url = new URL(v1BaseUrl);
  const protocol = url.protocol.replace(/:$/, '');
  if (protocol !== 'https' && protocol !== 'http') throw new Error(`v1BaseUrl must be http(s), got ${protocol}`);
  return new $OpenApi.Config({
    protocol,
    endpoint: url.host,
    regionId: 'central',
    readTimeout: timeoutMs,
    connectTimeout: Math.min(timeoutMs, MAX_CONNECT_TIMEOUT_MS),
  });
}
