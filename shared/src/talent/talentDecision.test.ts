import { decideTier } from './talentDecision';

describe('decideTier', () => {
  it('agrees with the suggestion, keeping an optional note', () => {
    expect(decideTier('train', { kind: 'agree' })).toEqual({ ok: true, tier: 'train', reason: null });
    expect(decideTier('move', { kind: 'agree', reason: '  与主管意见一致 ' })).toEqual({ ok: true, tier: 'move', reason: '与主管意见一致' });
  });

  it('overrides to another tier with a reason', () => {
    expect(decideTier('reassign', { kind: 'override', tier: 'train', reason: '刚接手两个大客户，给一个季度' })).toEqual({
      ok: true,
      tier: 'train',
      reason: '刚接手两个大客户，给一个季度',
    });
    // 数据不足: no suggestion, HR decides with a reason.
    expect(decideTier(null, { kind: 'override', tier: 'move', reason: '入职前在同行做了五年大客户' })).toMatchObject({ ok: true, tier: 'move' });
  });

  it('refuses an override without a tier or reason, to the same tier, or an agree without a suggestion', () => {
    const messages = (r: ReturnType<typeof decideTier>) => (r.ok ? [] : r.problems.map((p) => `${p.field}: ${p.message}`));
    expect(messages(decideTier('train', { kind: 'override' }))).toEqual([
      'tier: 档位必填：调整时选择立即转型、先培训或调岗',
      'reason: 理由必填：调整建议档位时说明为什么',
    ]);
    expect(messages(decideTier('train', { kind: 'override', tier: 'train', reason: '理由充分写明' }))).toEqual([
      'tier: 档位与建议相同（先培训）：请选择“同意”，或选择另一个档位',
    ]);
    expect(messages(decideTier('train', { kind: 'override', tier: 'move', reason: ' 好 ' }))).toEqual(['reason: 理由至少 4 个字，说明为什么调整']);
    expect(messages(decideTier(null, { kind: 'agree' }))).toEqual(['kind: 决定不能是“同意”：该员工数据不足，没有建议档位，请选择“调整”并填写档位和理由']);
    expect(messages(decideTier('move', { kind: 'agree', reason: '长'.repeat(501) }))).toEqual(['reason: 理由最多 500 个字，现有 501 个']);
  });
});
