/**
 * The adapter inside DingTalk for iOS, simulated the way the real client shows itself to dingtalk-jsapi: its user
 * agent plus the injected native `WebViewJavascriptBridge`. dingtalk-jsapi reads the environment when it loads,
 * so both are in place before the adapter is imported.
 */
type Adapter = typeof import('./dingtalk');

const IOS_DINGTALK = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 AliApp(DingTalk/7.6.0) DingTalk/7.6.0';

type BridgeAnswer = { errorCode: string; errorMessage?: string; result?: unknown } | null;
const bridge: { calls: { api: string; params: Record<string, unknown> }[]; answer: BridgeAnswer } = { calls: [], answer: null };

let dt: Adapter;
beforeAll(async () => {
  Object.defineProperty(window.navigator, 'userAgent', { value: IOS_DINGTALK, configurable: true });
  // `answer: null` simulates a client that never answers.
  (window as unknown as Record<string, unknown>).WebViewJavascriptBridge = {
    init() {},
    registerHandler() {},
    callHandler(api: string, params: Record<string, unknown>, cb: (r: unknown) => void) {
      bridge.calls.push({ api, params });
      if (bridge.answer) cb(bridge.answer);
    },
  };
  dt = await import('./dingtalk');
});
afterEach(() => {
  bridge.calls = [];
  bridge.answer = null;
});

describe('dingtalk adapter inside DingTalk (iOS, simulated bridge)', () => {
  it('recognises the DingTalk client', () => {
    expect(dt.dingTalkPlatform()).toBe('ios');
    expect(dt.isInDingTalk()).toBe(true);
  });

  it('gets the auth code through runtime.permission.requestAuthCode with the corpId', async () => {
    bridge.answer = { errorCode: '0', result: { code: 'authcode-123' } };
    await expect(dt.getDingTalkAuthCode('ding9f50b15bccd16741')).resolves.toBe('authcode-123');
    expect(bridge.calls).toHaveLength(1);
    expect(bridge.calls[0]!.api).toBe('runtime.permission.requestAuthCode');
    expect(bridge.calls[0]!.params.corpId).toBe('ding9f50b15bccd16741');
  });

  it("rejects with DingTalk's own reason when the client refuses", async () => {
    bridge.answer = { errorCode: '3', errorMessage: '企业不存在' };
    await expect(dt.getDingTalkAuthCode('dingbad')).rejects.toThrow('获取钉钉授权码失败：企业不存在');
  });

  it('rejects when DingTalk answers without a code', async () => {
    bridge.answer = { errorCode: '0', result: {} };
    await expect(dt.getDingTalkAuthCode('ding1')).rejects.toThrow('获取钉钉授权码失败：钉钉没有返回授权码');
  });

  it('gives up when DingTalk never answers', async () => {
    await expect(dt.getDingTalkAuthCode('ding1', 50)).rejects.toThrow('获取钉钉授权码失败：钉钉没有响应');
    expect(bridge.calls).toHaveLength(1);
  });

  it('does not ask DingTalk without a corpId', async () => {
    await expect(dt.getDingTalkAuthCode('')).rejects.toThrow('缺少企业 corpId');
    expect(bridge.calls).toHaveLength(0);
  });

  it('sets the native title', async () => {
    bridge.answer = { errorCode: '0', result: {} };
    dt.setDingTalkTitle('组织架构');
    await new Promise((r) => setTimeout(r, 20));
    expect(bridge.calls.map((c) => [c.api, c.params.title])).toEqual([['biz.navigation.setTitle', '组织架构']]);
  });
});
