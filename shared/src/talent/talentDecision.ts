/**
 * HR's decision on a suggested tier (人才盘点): the automated tier is a suggestion; HR agrees with it or overrides it
 * to another tier, always with a reason when overriding. Pure: the server checks a request with this, then stores.
 */
import { TIER_LABELS, type TalentTier } from './jobModelTypes';

export type TalentDecisionKind = 'agree' | 'override';

export interface TalentDecisionInput {
  kind: TalentDecisionKind;
  /** The tier an override sets (ignored for agree). */
  tier?: TalentTier | null | undefined;
  reason?: string | null | undefined;
}

/** Reasons are kept to this many characters, and an override needs at least the fewest. */
export const DECISION_REASON_MIN = 4;
export const DECISION_REASON_MAX = 500;

export interface DecisionProblem {
  field: 'kind' | 'tier' | 'reason';
  label: string;
  /** Starts with the label (“档位必填…”). */
  message: string;
}

/** The tier decided, or every problem with the request (Chinese, each starting with the field's name). */
export function decideTier(
  suggestion: TalentTier | null,
  input: TalentDecisionInput,
): { ok: true; tier: TalentTier; reason: string | null } | { ok: false; problems: DecisionProblem[] } {
  const reason = input.reason?.trim() ? input.reason.trim() : null;
  const problems: DecisionProblem[] = [];
  const add = (field: DecisionProblem['field'], label: string, message: string) => problems.push({ field, label, message });
  if (reason !== null && reason.length > DECISION_REASON_MAX) add('reason', '理由', `理由最多 ${DECISION_REASON_MAX} 个字，现有 ${reason.length} 个`);
  if (input.kind === 'agree') {
    if (suggestion === null) add('kind', '决定', '决定不能是“同意”：该员工数据不足，没有建议档位，请选择“调整”并填写档位和理由');
    return problems.length ? { ok: false, problems } : { ok: true, tier: suggestion!, reason };
  }
  if (!input.tier) add('tier', '档位', '档位必填：调整时选择立即转型、先培训或调岗');
  else if (input.tier === suggestion) add('tier', '档位', `档位与建议相同（${TIER_LABELS[suggestion]}）：请选择“同意”，或选择另一个档位`);
  if (reason === null) add('reason', '理由', '理由必填：调整建议档位时说明为什么');
  else if (reason.length < DECISION_REASON_MIN) add('reason', '理由', `理由至少 ${DECISION_REASON_MIN} 个字，说明为什么调整`);
  return problems.length ? { ok: false, problems } : { ok: true, tier: input.tier!, reason };
}
