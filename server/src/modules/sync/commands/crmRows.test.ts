import { CRM_FIELDS } from '../../../dingtalk/wireFacts';
import { FOLLOW_UP_CONTENT_MAX } from '../../../entities/FollowUp';
import { crmAmountFen, dealFrom, followUpFrom } from './crmRows';

const contract = (amount: unknown) =>
  dealFrom(
    'corp',
    {
      instanceId: 'c-1',
      data: { [CRM_FIELDS.contractAmount]: amount, [CRM_FIELDS.contractSignDate]: '2026-11-24 10:00:00', [CRM_FIELDS.contractCustomerName]: '华东' },
      ownerUserIds: ['u1'],
      participantUserIds: [],
    },
    new Map(),
    new Date(),
  );

describe('CRM contract amounts: yuan from DingTalk into fen, through the shared conversion', () => {
  it.each([
    ['150000.00', 15_000_000],
    ['150,000', 15_000_000],
    [150000.5, 15_000_050],
    ['1.5', 150],
    ['1.05', 105],
    [1.5, 150],
    [19.99, 1999],
    ['90071992547409.91', Number.MAX_SAFE_INTEGER],
  ])('%j yuan is %d fen', (amount, fen) => {
    expect(crmAmountFen(amount)).toEqual({ fen });
    expect(contract(amount)).toMatchObject({ amountFen: fen });
  });

  it.each([['-100'], [-1], ['1.005'], ['90071992547409.92'], [null], ['abc']])('refuses %j, saying why', (amount) => {
    const d = contract(amount);
    expect(d).toMatchObject({ problem: expect.stringMatching(/^合同 c-1 金额无法识别：/) });
  });
});

describe('CRM follow records keep what the salesperson wrote', () => {
  const follow = (content: unknown) =>
    followUpFrom(
      'corp',
      {
        instanceId: 'f-1',
        data: { [CRM_FIELDS.followTime]: '2026-11-24 10:00:00', [CRM_FIELDS.followCustomer]: 'c-1', [CRM_FIELDS.followContent]: content },
        ownerUserIds: ['u1'],
        participantUserIds: [],
      },
      new Date(),
    )!;
  it('stores the note trimmed, at most FOLLOW_UP_CONTENT_MAX characters, null when empty', () => {
    expect(follow('  客户认为报价偏高。 ').content).toBe('客户认为报价偏高。');
    expect(follow('长'.repeat(FOLLOW_UP_CONTENT_MAX + 10)).content).toHaveLength(FOLLOW_UP_CONTENT_MAX);
    expect(follow('').content).toBeNull();
    expect(follow(undefined).content).toBeNull();
  });
});
