/** Guards on what a payout computation is given: amounts, scores and counts in range, as Chinese problems. */
import { zh } from '../zhText';
import { MAX_SAFE_FEN } from '../money';
import type { PayoutInput } from './payoutTypes';

/** Thrown by `computePayout` when its input is out of range; `problems` are Chinese, one per bad value. */
export class PayoutInputError extends Error {
  override readonly name = 'PayoutInputError';
  constructor(readonly problems: string[]) {
    super(problems.join('；'));
  }
}

const isInt = (v: unknown, min: number, max: number): boolean => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/** Every problem with `input` (empty when it may be computed). */
export function payoutInputProblems(input: PayoutInput): string[] {
  const problems: string[] = [];
  const contracts = Array.isArray(input.contracts) ? input.contracts : [];
  if (!Array.isArray(input.contracts)) problems.push('合同列表应为数组');
  contracts.forEach((c, i) => {
    const which = contracts.length > 1 ? `第 ${i + 1} 份合同的` : '';
    if (typeof c.valueFen === 'number' && c.valueFen < 0) problems.push(zh`${which}合同金额不能为负数`);
    else if (!isInt(c.valueFen, 0, MAX_SAFE_FEN)) problems.push(zh`${which}合同金额应为不超过 90,071,992,547,409.91 元的金额（整数分）`);
    if (c.satisfactionTenths !== null && !isInt(c.satisfactionTenths, 0, 100)) problems.push(zh`${which}客户满意度应为 0 到 10 分（最多一位小数）或未评分`);
    if (!isInt(c.renewalYears, 0, 50)) problems.push(zh`${which}续约年限应为 0 到 50 之间的整数`);
  });
  const coordination = input.events?.coordination;
  if (coordination !== undefined && !isInt(coordination, 0, 100_000)) problems.push('协作次数应为 0 到 100,000 之间的整数');
  if (input.bookedBeforeFen !== undefined && !isInt(input.bookedBeforeFen, 0, MAX_SAFE_FEN)) problems.push('本期此前签约额不能为负数，应为整数分');
  const g = input.guarantee;
  if (g) {
    if (!isInt(g.monthOfRamp, 1, 1200)) problems.push('保底月份应为从 1 开始的整数（转入新方案的第几个月）');
    if (!isInt(g.baselineFen, 0, MAX_SAFE_FEN)) problems.push('保底基数（转岗前月均激励）不能为负数，应为整数分');
  }
  return problems;
}
