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

  it('reads the leave approval process code: the sandbox form by default, none in real mode unless set, checked', () => {
    expect(loadConfig({}).leaveProcessCode).toBe('PROC-LIUCAI-LEAVE-0001');
    const real = { DINGTALK_CORP_ID: 'dingcorp', DINGTALK_APP_KEY: 'key', DINGTALK_APP_SECRET: 'secret', DINGTALK_AGENT_ID: '123' };
    expect(loadConfig(real).leaveProcessCode).toBeNull();
    expect(loadConfig({ ...real, DINGTALK_LEAVE_PROCESS_CODE: 'PROC-FF6Y4BE1N2-ABC' }).leaveProcessCode).toBe('PROC-FF6Y4BE1N2-ABC');
    expect(() => loadConfig({ DINGTALK_LEAVE_PROCESS_CODE: 'leave form' })).toThrow(/DINGTALK_LEAVE_PROCESS_CODE: expected the 请假 form's process code/);
  });
});
