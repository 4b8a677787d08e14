import * as $OpenApi from '@alicloud/openapi-client';
import OAuth, * as $OAuth from '@alicloud/dingtalk/dist/oauth2_1_0/client';
import { TOKEN_TTL_SECONDS, V1Err } from '../wireFacts';
import { startSandbox, type SandboxHandle } from './startSandbox';
import { legacyToken } from './testClient';

const CORP = { corpId: 'dingsdk', appKey: 'sdk-key', appSecret: 'sdk-secret', agentId: 9, seed: 9, employees: 20 };
let handle: SandboxHandle;

beforeAll(async () => {
  handle = await startSandbox({ port: 0, corps: [CORP] });
});
afterAll(() => handle.close());

function oauthClient(): OAuth {
  const config = new $OpenApi.Config({ protocol: 'http', endpoint: `127.0.0.1:${handle.port}`, readTimeout: 10000, connectTimeout: 5000 });
  return new OAuth(config);
}

describe('@alicloud/dingtalk SDK against the sandbox', () => {
  it('gets an access token (the SDK posts a chunked JSON body)', async () => {
    const { body } = await oauthClient().getAccessToken(new $OAuth.GetAccessTokenRequest({ appKey: CORP.appKey, appSecret: CORP.appSecret }));
    expect(body?.expireIn).toBe(TOKEN_TTL_SECONDS);
    expect(body?.accessToken).toBe(await legacyToken(handle, CORP.corpId));
  });

  it('rejects a wrong secret with err.code invalidClient and statusCode 400', async () => {
    const err: unknown = await oauthClient()
      .getAccessToken(new $OAuth.GetAccessTokenRequest({ appKey: CORP.appKey, appSecret: 'wrong' }))
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(err).toMatchObject({ code: V1Err.invalidClient, statusCode: 400 });
  });
});
