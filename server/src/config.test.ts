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
  it('reads the CRM settings: thresholds in CNY become fen, defaults 3,000 / 10,000', () => {
    expect(loadConfig({}).crm).toEqual({
      smallDealFen: 300_000,
      bigDealFen: 1_000_000,
      contractObject: 'crm_contract',
      followRecordObject: 'crm_follow_record',
      operatorUserid: undefined,
      // The demo (no DingTalk variables) reads all 400 days of follow-ups the sandbox keeps; real DingTalk 180.
      followUpLookbackDays: 400,
      fullPassDays: 7,
      followUpRecheckDays: 30,
    });
    const c = loadConfig({
      CRM_SMALL_DEAL_CNY: '5000.5',
      CRM_BIG_DEAL_CNY: '20000.05',
      CRM_CONTRACT_OBJECT: 'PROC-EF199CCA-8AB6',
      CRM_FOLLOW_RECORD_OBJECT: 'follow_v2',
      CRM_OPERATOR_USERID: 'manager001',
      CRM_FOLLOW_UP_LOOKBACK_DAYS: '400',
      CRM_FULL_PASS_DAYS: '14',
      CRM_FOLLOW_UP_RECHECK_DAYS: '60',
    }).crm;
    expect(c).toEqual({
      smallDealFen: 500_050,
      bigDealFen: 2_000_005,
      contractObject: 'PROC-EF199CCA-8AB6',
      followRecordObject: 'follow_v2',
      operatorUserid: 'manager001',
      followUpLookbackDays: 400,
      fullPassDays: 14,
      followUpRecheckDays: 60,
    });
  });

  it('reads 180 days of follow-ups on a first CRM sync with real DingTalk, 400 in the demo', () => {
    const real = { DINGTALK_CORP_ID: 'dingcorp', DINGTALK_APP_KEY: 'key', DINGTALK_APP_SECRET: 'secret', DINGTALK_AGENT_ID: '123' };
    expect(loadConfig(real).crm.followUpLookbackDays).toBe(180);
    expect(loadConfig({}).crm.followUpLookbackDays).toBe(400);
    expect(loadConfig({ ...real, CRM_FOLLOW_UP_LOOKBACK_DAYS: '90' }).crm.followUpLookbackDays).toBe(90);
  });

  it('rejects CRM thresholds that are not amounts, are zero, or are the wrong way round', () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
      } catch (err) {
        return (err as ConfigError).problems;
      }
      return [];
    };
    expect(problems({ CRM_SMALL_DEAL_CNY: '3,000' })).toEqual(['CRM_SMALL_DEAL_CNY: expected an amount in CNY, e.g. 3000 or 9999.50']);
    expect(problems({ CRM_BIG_DEAL_CNY: '10000.001' })).toEqual(['CRM_BIG_DEAL_CNY: expected an amount in CNY, e.g. 3000 or 9999.50']);
    expect(problems({ CRM_SMALL_DEAL_CNY: '0' })).toEqual(['CRM_SMALL_DEAL_CNY: must be more than 0']);
    expect(problems({ CRM_SMALL_DEAL_CNY: '10000' })).toEqual([
      'CRM_SMALL_DEAL_CNY, CRM_BIG_DEAL_CNY: the small-client threshold must be below the big-client one',
    ]);
    expect(problems({ CRM_SMALL_DEAL_CNY: '20000', CRM_BIG_DEAL_CNY: '15000' })).toHaveLength(1);
    expect(problems({ CRM_CONTRACT_OBJECT: 'crm contract; drop' })).toEqual([
      'CRM_CONTRACT_OBJECT: expected a CRM object name (form code): letters, digits, _ and - only',
    ]);
    expect(problems({ CRM_FOLLOW_UP_LOOKBACK_DAYS: '0' })[0]).toMatch(/^CRM_FOLLOW_UP_LOOKBACK_DAYS:/);
  });

  it('reads the leave approval process code: the sandbox form by default, none in real mode unless set, checked', () => {
    expect(loadConfig({}).leaveProcessCode).toBe('PROC-LIUCAI-LEAVE-0001');
    const real = { DINGTALK_CORP_ID: 'dingcorp', DINGTALK_APP_KEY: 'key', DINGTALK_APP_SECRET: 'secret', DINGTALK_AGENT_ID: '123' };
    expect(loadConfig(real).leaveProcessCode).toBeNull();
    expect(loadConfig({ ...real, DINGTALK_LEAVE_PROCESS_CODE: 'PROC-FF6Y4BE1N2-ABC' }).leaveProcessCode).toBe('PROC-FF6Y4BE1N2-ABC');
    expect(() => loadConfig({ DINGTALK_LEAVE_PROCESS_CODE: 'leave form' })).toThrow(/DINGTALK_LEAVE_PROCESS_CODE: expected the 请假 form's process code/);
  });

  it('plans with the edition quota (doc 8.1), the raw numbers overriding it, and a reserved share for notifications', () => {
    expect(loadConfig({}).budget).toMatchObject({ label: '标准版', apiCalls: 5000, events: 3000, notifyShare: 0.2 });
    expect(loadConfig({}).monthlyCallLimit).toBe(5000);
    expect(loadConfig({ DINGTALK_EDITION: 'professional', DINGTALK_APP_ENTITLEMENTS: '2' }).budget).toMatchObject({
      label: '专业版（2 个应用开发权益）',
      apiCalls: 400_000,
      events: 100_000,
    });
    expect(loadConfig({ DINGTALK_EDITION: 'professional', DINGTALK_ADDON_PACKS: '1' }).budget).toMatchObject({ apiCalls: 5_200_000, events: 550_000 });
    expect(loadConfig({ DINGTALK_EDITION: 'professional-legacy' }).budget).toMatchObject({ apiCalls: 500_000 });
    const custom = loadConfig({ DINGTALK_MONTHLY_CALL_LIMIT: '12000', NOTIFY_BUDGET_SHARE: '10' });
    expect(custom.budget).toMatchObject({ apiCalls: 12_000, events: 3000, notifyShare: 0.1 });
    expect(custom.budget.label).toContain('自定义额度');
    expect(custom.monthlyCallLimit).toBe(12_000);
    let err: unknown;
    try {
      loadConfig({ DINGTALK_EDITION: 'enterprise', NOTIFY_BUDGET_SHARE: '95' });
    } catch (e) {
      err = e;
    }
    const problems = (err as ConfigError).problems;
    expect(problems.some((p) => p.startsWith('DINGTALK_EDITION:') && p.includes('standard'))).toBe(true);
    expect(problems.some((p) => p.startsWith('NOTIFY_BUDGET_SHARE:'))).toBe(true);
  });

  it('reads how far back the first start reads: the demo 182 days (DEMO_SYNC_LOOKBACK_DAYS), a real corp its DATA_SYNC_LOOKBACK_DAYS', () => {
    const real = { DINGTALK_CORP_ID: 'dingcorp', DINGTALK_APP_KEY: 'key', DINGTALK_APP_SECRET: 'secret', DINGTALK_AGENT_ID: '123' };
    expect(loadConfig({})).toMatchObject({ dataSyncLookbackDays: 31, startupLookbackDays: 182 });
    expect(loadConfig({ DEMO_SYNC_LOOKBACK_DAYS: '30' }).startupLookbackDays).toBe(30);
    expect(loadConfig({ ...real, DEMO_SYNC_LOOKBACK_DAYS: '300' })).toMatchObject({ dataSyncLookbackDays: 31, startupLookbackDays: 31 });
    expect(loadConfig({ ...real, DATA_SYNC_LOOKBACK_DAYS: '60' }).startupLookbackDays).toBe(60);
    expect(() => loadConfig({ DEMO_SYNC_LOOKBACK_DAYS: '600' })).toThrow(/DEMO_SYNC_LOOKBACK_DAYS/);
  });
});
