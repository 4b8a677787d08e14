import { composeDigest } from './digest';
import { appPageUrl, messageLink, unwrapMessageLink } from './links';
import { buildWorkMessage, messageBytes, MSG_MAX_BYTES, readWorkMessage } from './messageBody';
import { isQuiet, nextAllowedAt, nextDigestAt, type QuietHours } from './quietHours';
import { shanghaiInstant } from './shanghaiClock';
import { planSends, type PersonToday, type SendUnit } from './sendPlan';
import { deliveryLabel } from './labels';

const Q: QuietHours = { startMinute: 21 * 60, endMinute: 8 * 60 + 30, weekends: false };
const at = (day: string, hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return shanghaiInstant(day, h * 60 + m);
};

describe('quiet hours (Asia/Shanghai)', () => {
  it('holds 21:00–08:30 and lets the rest through', () => {
    expect(isQuiet(at('2026-12-02', '20:59'), Q)).toBe(false);
    expect(isQuiet(at('2026-12-02', '21:00'), Q)).toBe(true);
    expect(isQuiet(at('2026-12-03', '08:29'), Q)).toBe(true);
    expect(isQuiet(at('2026-12-03', '08:30'), Q)).toBe(false);
    expect(nextAllowedAt(at('2026-12-02', '22:15'), Q)).toBe(at('2026-12-03', '08:30'));
    expect(nextAllowedAt(at('2026-12-03', '03:00'), Q)).toBe(at('2026-12-03', '08:30'));
    expect(nextAllowedAt(at('2026-12-03', '12:00'), Q)).toBe(at('2026-12-03', '12:00'));
  });

  it('keeps quiet weekends to Monday morning when asked', () => {
    const weekends = { ...Q, weekends: true };
    // 2026-12-05 is a Saturday.
    expect(isQuiet(at('2026-12-05', '12:00'), weekends)).toBe(true);
    expect(nextAllowedAt(at('2026-12-04', '22:00'), weekends)).toBe(at('2026-12-07', '08:30'));
    expect(nextDigestAt(at('2026-12-04', '10:00'), 9 * 60, weekends)).toBe(at('2026-12-07', '08:30'));
  });

  it('sends digests at the digest time: today’s if still ahead, else tomorrow’s', () => {
    expect(nextDigestAt(at('2026-12-02', '07:00'), 9 * 60, Q)).toBe(at('2026-12-02', '09:00'));
    expect(nextDigestAt(at('2026-12-02', '10:00'), 9 * 60, Q)).toBe(at('2026-12-03', '09:00'));
    expect(nextDigestAt(at('2026-12-02', '09:00'), 9 * 60, Q)).toBe(at('2026-12-02', '09:00'));
  });
});

describe('digest composition', () => {
  it('counts items per kind in a fixed order, one link when they share a page', () => {
    const d = composeDigest([
      { kind: 'sync.budgetStopped', title: 'a', page: '/data' },
      { kind: 'sync.failed', title: 'b', page: '/data' },
      { kind: 'sync.failed', title: 'c', page: '/data' },
    ]);
    expect(d).toEqual({
      title: '今日待办：2 项数据同步失败，1 项同步因本月钉钉调用额度不足暂停',
      body: '共 3 条通知，在留才“消息”中逐条查看。',
      page: '/data',
    });
    expect(
      composeDigest([
        { kind: 'sync.failed', title: 'x', page: '/data' },
        { kind: 'sync.failed', title: 'y', page: '/org' },
      ]).page,
    ).toBe('/messages');
    expect(() => composeDigest([])).toThrow();
  });
});

describe('message links and bodies', () => {
  it('opens the micro-app page with the corpId, inside DingTalk', () => {
    const url = appPageUrl('https://hr.example.com/', 'ding123', '/data', { kind: 'crm' });
    expect(url).toBe('https://hr.example.com/app/?corpId=ding123#/data?kind=crm');
    const link = messageLink(url, 'dingtalk');
    expect(link).toBe(`dingtalk://dingtalkclient/page/link?url=${encodeURIComponent(url)}&pc_slide=true`);
    expect(unwrapMessageLink(link)).toBe(url);
    expect(messageLink(url, 'https')).toBe(url);
  });

  it('builds an action card, falls back to text without a link, and cuts long bodies to 2,048 bytes', () => {
    const card = buildWorkMessage({ title: '标题', body: '正文', link: 'https://x' });
    expect(card).toEqual({
      msgtype: 'action_card',
      action_card: { title: '标题', markdown: '### 标题\n\n正文', single_title: '查看详情', single_url: 'https://x' },
    });
    expect(buildWorkMessage({ title: '标题', body: '正文', link: null })).toEqual({ msgtype: 'text', text: { content: '标题\n正文' } });
    const long = buildWorkMessage({ title: '长', body: '很'.repeat(3000), link: 'https://x' });
    expect(messageBytes(long)).toBeLessThanOrEqual(MSG_MAX_BYTES);
    expect(readWorkMessage(long).text.endsWith('…')).toBe(true);
    expect(readWorkMessage(long).link).toBe('https://x');
  });

  it('names DingTalk’s flow-control codes', () => {
    expect(deliveryLabel('forbidden', 143106)).toBe('重复消息被钉钉拦截');
    expect(deliveryLabel('forbidden', 143105)).toContain('500');
    expect(deliveryLabel('forbidden', 1)).toBe('被钉钉拦截（代码 1）');
    expect(deliveryLabel('read', null)).toBe('已读');
  });
});

describe('send planning', () => {
  const unit = (id: string, userid: string, contentHash: string): SendUnit => ({ id, userid, contentHash });
  const limits = { perPersonDaily: 2, recipientsPerCall: 3, recipientsLeftThisMinute: 100, callsLeftThisMonth: 100 };

  it('groups identical content into calls of at most recipientsPerCall', () => {
    const plan = planSends([unit('1', 'a', 'h'), unit('2', 'b', 'h'), unit('3', 'c', 'h'), unit('4', 'd', 'h'), unit('5', 'a', 'g')], new Map(), limits);
    expect(plan.calls.map((c) => [c.contentHash, c.units.map((u) => u.userid)])).toEqual([
      ['h', ['a', 'b', 'c']],
      ['h', ['d']],
      ['g', ['a']],
    ]);
    expect(plan.deferred).toEqual([]);
  });

  it('defers the same content twice a day and messages over the daily cap', () => {
    const today = new Map<string, PersonToday>([['a', { sent: 1, contentHashes: new Set(['h']) }]]);
    const plan = planSends([unit('1', 'a', 'h'), unit('2', 'a', 'g'), unit('3', 'a', 'k')], today, limits);
    expect(plan.calls.map((c) => c.units[0]!.id)).toEqual(['2']);
    expect(plan.deferred.map((d) => [d.unit.id, d.reason])).toEqual([
      ['1', 'same_content_today'],
      ['3', 'daily_cap'],
    ]);
  });

  it('defers for the budget and paces by the minute’s recipients', () => {
    const budget = planSends([unit('1', 'a', 'h'), unit('2', 'b', 'g')], new Map(), { ...limits, callsLeftThisMonth: 1 });
    expect(budget.calls).toHaveLength(1);
    expect(budget.deferred.map((d) => [d.unit.id, d.reason])).toEqual([['2', 'budget']]);
    const paced = planSends([unit('1', 'a', 'h'), unit('2', 'b', 'h'), unit('3', 'c', 'g')], new Map(), { ...limits, recipientsLeftThisMinute: 1 });
    expect(paced.calls.map((c) => c.units.map((u) => u.id))).toEqual([['1']]);
    expect(paced.paced.map((u) => u.id)).toEqual(['2', '3']);
  });
});
