import OAuth, * as $OAuth from '@alicloud/dingtalk/dist/oauth2_1_0/client';
import * as $Util from '@alicloud/tea-util';
import { DingTalkError, TransportCode } from './errors';
import { LegacyHttp } from './legacyHttp';
import { mapLegacyError } from './mapLegacyError';
import { mapSdkError } from './mapSdkError';
import { openApiConfig } from './openApiConfig';
import { LegacyErr, V1Err } from './wireFacts';

const API = '/topapi/v2/user/get';

describe('DingTalkError', () => {
  it('names the API, code and message', () => {
    const err = mapLegacyError(API, 200, { errcode: 60121, errmsg: '找不到该用户', request_id: 'rid-1' });
    expect(err).toBeInstanceOf(DingTalkError);
    expect(err).toBeInstanceOf(Error);
    expect(err.message).toBe('DingTalk /topapi/v2/user/get failed: 60121 找不到该用户');
    expect(err).toMatchObject({ api: API, code: 60121, httpStatus: 200, requestId: 'rid-1', retryable: false, invalidToken: false });
  });
});

describe('mapLegacyError', () => {
  it.each([
    [LegacyErr.invalidAuthCode, false, false],
    [LegacyErr.notFound, false, false],
    [LegacyErr.deptNotFound, false, false],
    [LegacyErr.invalidParam, false, false],
    [LegacyErr.systemBusy, true, false],
    [LegacyErr.globalThrottled, true, false],
    [LegacyErr.corpApiPerMinute, true, false],
    [LegacyErr.appKeyApiPerMinute, true, false],
    [LegacyErr.corpAppApiPerSecond, true, false],
    [LegacyErr.invalidToken, false, true],
    [LegacyErr.tokenExpired, false, true],
  ])('errcode %p -> retryable %p, invalidToken %p', (errcode, retryable, invalidToken) => {
    expect(mapLegacyError(API, 200, { errcode, errmsg: 'x' })).toMatchObject({ code: errcode, retryable, invalidToken });
  });

  it('retries 88 only when its sub_code is not a permission problem', () => {
    expect(mapLegacyError(API, 200, { errcode: 88, errmsg: 'too fast' }).retryable).toBe(true);
    const denied = mapLegacyError(API, 200, { errcode: 88, errmsg: 'ding talk error', sub_code: '60011', sub_msg: '没有调用该接口的权限' });
    expect(denied).toMatchObject({ retryable: false, subCode: '60011' });
    expect(denied.message).toContain('sub_code 60011');
  });

  it('treats throttling/server HTTP statuses as retryable whatever the errcode', () => {
    expect(mapLegacyError(API, 503, { errcode: 400002 }).retryable).toBe(true);
    expect(mapLegacyError(API, 429, { errcode: 400002 }).retryable).toBe(true);
  });
});

describe('mapSdkError', () => {
  const v1 = '/v1.0/crm/customers';

  it('maps the tea ResponseError shape (doc 9.3)', () => {
    const invalid = Object.assign(new Error('InvalidAuthentication: code: 400, 不合法的access_token request id: R1'), {
      code: V1Err.invalidToken,
      statusCode: 400,
      data: { code: V1Err.invalidToken, message: '不合法的access_token', requestid: 'R1', statusCode: 400 },
    });
    expect(mapSdkError(v1, invalid)).toMatchObject({ code: 'InvalidAuthentication', httpStatus: 400, requestId: 'R1', invalidToken: true, retryable: false });
    const throttled = Object.assign(new Error('x'), { code: V1Err.qpsLimit, statusCode: 403, data: { requestid: 'R2' } });
    expect(mapSdkError(v1, throttled)).toMatchObject({ retryable: true, httpStatus: 403 });
    const tooFrequent = Object.assign(new Error('x'), { code: V1Err.tooFrequent, statusCode: 400, data: {} });
    expect(mapSdkError(v1, tooFrequent).retryable).toBe(true);
    const quota = Object.assign(new Error('x'), { code: 'Forbidden.AccessDenied.ApiCountLimitForOrg', statusCode: 403, data: {} });
    expect(mapSdkError(v1, quota).retryable).toBe(false);
    const badParam = Object.assign(new Error('x'), { code: 'InvalidParameter', statusCode: 400, data: {} });
    expect(mapSdkError(v1, badParam)).toMatchObject({ retryable: false, invalidToken: false });
    const gateway = Object.assign(new Error('x'), { statusCode: 502, data: {} });
    expect(mapSdkError(v1, gateway)).toMatchObject({ code: 'HTTP_502', retryable: true });
  });

  it('treats a non-JSON error body (SyntaxError) as retryable', () => {
    expect(mapSdkError(v1, new SyntaxError('Unexpected token <'))).toMatchObject({ code: TransportCode.nonJson, retryable: true });
  });

  it('maps a real SDK connection failure to a retryable network error', async () => {
    const oauth = new OAuth(openApiConfig('http://127.0.0.1:1', 1000));
    const err: unknown = await oauth
      .getAccessTokenWithOptions(new $OAuth.GetAccessTokenRequest({ appKey: 'k', appSecret: 's' }), {}, new $Util.RuntimeOptions({}))
      .catch((e: unknown) => e);
    expect(mapSdkError('/v1.0/oauth2/accessToken', err)).toMatchObject({ code: TransportCode.network, retryable: true });
  });
});

describe('LegacyHttp transport errors', () => {
  it('maps a refused connection to a retryable error without echoing the URL', async () => {
    const http = new LegacyHttp({ baseUrl: 'http://127.0.0.1:1', timeoutMs: 1000 });
    const err = await http.request('/gettoken', { method: 'GET', query: { appkey: 'k', appsecret: 'TOPSECRET' } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DingTalkError);
    expect(err).toMatchObject({ code: TransportCode.network, retryable: true });
    expect(String((err as DingTalkError).message)).not.toContain('TOPSECRET');
  });
});
