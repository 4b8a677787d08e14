/** How tiers look: label, colour class, and the order they are listed in. */
import { TIER_LABELS, type TalentTier } from '@liucai/shared';

export type TierKey = TalentTier | 'insufficient';
export const TIER_ORDER: readonly TierKey[] = ['move', 'train', 'reassign', 'insufficient'];
export const TIER_TEXT: Record<TierKey, string> = { ...TIER_LABELS, insufficient: '数据不足' };
/** What each tier means for the person, as HR reads it. */
export const TIER_HINT: Record<TierKey, string> = {
  move: '匹配度 ≥ 80：可直接转做大客户',
  train: '匹配度 60 到 80：先培训再转型',
  reassign: '匹配度 < 60：调整为中小客户销售或销售支持',
  insufficient: '缺数据的权重超过允许范围，暂不给出匹配度',
};
