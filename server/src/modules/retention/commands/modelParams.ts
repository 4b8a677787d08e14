import { isRiskModelKind, type TrainedRiskModel } from '@liucai/shared';
import type { RetentionModel } from '../../../entities';

/** The stored model back as the shared scorer reads it, or null when the row holds none. */
export function trainedModelOf(row: RetentionModel | null): TrainedRiskModel | null {
  if (!row || row.status !== 'trained' || !row.params) return null;
  const p = row.params as unknown as TrainedRiskModel;
  return isRiskModelKind(p.kind) ? p : null;
}
