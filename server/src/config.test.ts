import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('runs on embedded defaults with an empty environment', () => {
    const c = loadConfig({});
    expect(c.database).toEqual({ kind: 'sqlite', path: './data/liucai.sqlite' });
    expect(c.redis).toBeNull();
    expect(c.dingtalk.mode).toBe('sandbox');
    expect(c.port).toBe(3000);
    expect(c.cookieSecure).toBe(false);
  });

  it('switches each part to the real one when configured', () => {
    const c = loadConfig({
      DATABASE_URL: 'mysql://u:p@db:3306/liucai',
      REDIS_URL: 'redis://cache:6379',
      DINGTALK_CORP_ID: 'dingcorp',
      DINGTALK_APP_KEY: 'key',
      DINGTALK_APP_SECRET: 'secret',
      DINGTALK_AGENT_ID: '123',
    });
    expect(c.database).toEqual({ kind: 'mysql', url: 'mysql://u:p@db:3306/liucai' });
    expect(c.redis).toEqual({ url: 'redis://cache:6379' });
    expect(c.dingtalk).toMatchObject({ mode: 'real', corpId: 'dingcorp', agentId: 123, legacyBaseUrl: 'https://oapi.dingtalk.com' });
  });

  it('reports every problem at once, naming each variable, without echoing values', () => {
    let err: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'postgres://x', DINGTALK_APP_KEY: 'k', DINGTALK_APP_SECRET: 'topsecret-value' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const problems = (err as ConfigError).problems;
    expect(problems.some((p) => p.startsWith('PORT:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('DATABASE_URL:') && p.includes('mysql://'))).toBe(true);
    expect(problems.some((p) => p.includes('DINGTALK_CORP_ID') && p.includes('DINGTALK_AGENT_ID'))).toBe(true);
    expect((err as Error).message).not.toContain('topsecret-value');
  });

  it('refuses the sandbox in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/required when NODE_ENV=production/);
  });

  it('takes the event-subscription secrets as a pair and checks the AES key length', () => {
    expect(loadConfig({}).dingtalkCallback).toBeNull();
    const aesKey = 'a'.repeat(43);
    expect(loadConfig({ DINGTALK_CALLBACK_TOKEN: 't', DINGTALK_CALLBACK_AES_KEY: aesKey }).dingtalkCallback).toEqual({ token: 't', aesKey });
    expect(() => loadConfig({ DINGTALK_CALLBACK_TOKEN: 't' })).toThrow(/set both/);
    expect(() => loadConfig({ DINGTALK_CALLBACK_TOKEN: 't', DINGTALK_CALLBACK_AES_KEY: 'short' })).toThrow(
      /DINGTALK_CALLBACK_AES_KEY: expected the 43-character/,
    );
  });

  describe('DINGTALK_EVENT_MODE', () => {
    const real = { DINGTALK_CORP_ID: 'dingcorp', DINGTALK_APP_KEY: 'key', DINGTALK_APP_SECRET: 'secret', DINGTALK_AGENT_ID: '123' };
    const callback = { DINGTALK_CALLBACK_TOKEN: 't', DINGTALK_CALLBACK_AES_KEY: 'a'.repeat(43) };

    it('defaults to both (Stream and HTTP) with the sandbox', () => {
      expect(loadConfig({}).events).toEqual({ mode: 'both', stream: true, http: true });
    });

    it('defaults to http with real DingTalk, and to both when the base URLs point at a sandbox on this machine', () => {
      expect(loadConfig(real).events).toEqual({ mode: 'http', stream: false, http: true });
      expect(loadConfig({ ...real, DINGTALK_V1_BASE_URL: 'http://127.0.0.1:4010', DINGTALK_LEGACY_BASE_URL: 'http://127.0.0.1:4010' }).events.mode).toBe(
        'both',
      );
      expect(loadConfig({ ...real, DINGTALK_V1_BASE_URL: 'http://localhost:4010' }).events.mode).toBe('both');
    });

    it('takes each mode as set', () => {
      expect(loadConfig({ ...real, DINGTALK_EVENT_MODE: 'stream' }).events).toEqual({ mode: 'stream', stream: true, http: false });
      expect(loadConfig({ DINGTALK_EVENT_MODE: 'http' }).events).toEqual({ mode: 'http', stream: false, http: true });
      expect(loadConfig({ DINGTALK_EVENT_MODE: 'off' }).events).toEqual({ mode: 'off', stream: false, http: false });
      expect(loadConfig({ ...real, ...callback, DINGTALK_EVENT_MODE: 'both' }).events).toEqual({ mode: 'both', stream: true, http: true });
    });

    it('rejects an unknown mode, naming the choices', () => {
      expect(() => loadConfig({ DINGTALK_EVENT_MODE: 'websocket' })).toThrow(/DINGTALK_EVENT_MODE: expected stream, http, both or off/);
    });

    it('requires the callback secrets when HTTP callbacks are asked for with real DingTalk', () => {
      expect(() => loadConfig({ ...real, DINGTALK_EVENT_MODE: 'http' })).toThrow(
        /DINGTALK_CALLBACK_TOKEN, DINGTALK_CALLBACK_AES_KEY: required when DINGTALK_EVENT_MODE=http/,
      );
      expect(() => loadConfig({ ...real, DINGTALK_EVENT_MODE: 'both' })).toThrow(/required when DINGTALK_EVENT_MODE=both/);
      expect(loadConfig({ ...real, ...callback, DINGTALK_EVENT_MODE: 'http' }).events.http).toBe(true);
    });
  });
});
