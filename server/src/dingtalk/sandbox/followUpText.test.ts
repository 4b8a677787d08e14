import { followUpText } from './followUpText';

describe('the sandbox follow-up notes', () => {
  it('are Chinese notes with how, what the client said and the next step, the same for the same record', () => {
    const a = followUpText({ instanceId: 'f-1', type: '拜访', participants: ['u2'] });
    expect(a).toBe(followUpText({ instanceId: 'f-1', type: '拜访', participants: ['u2'] }));
    expect(a).toMatch(/^(上门拜访|到客户现场拜访|拜访客户采购部)，技术和售后同事一同参加。客户.+。.+。$/);
    const texts = new Set(Array.from({ length: 50 }, (_, i) => followUpText({ instanceId: `f-${i}`, type: '电话', participants: [] })));
    expect(texts.size).toBeGreaterThan(30);
    for (const t of texts) expect(t).not.toContain('同事一同参加');
  });
});
