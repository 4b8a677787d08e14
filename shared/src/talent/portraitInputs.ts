/** A job model's inputs from a person's stored portrait: each dimension gets its metric's value (null = 数据不足). */
import type { CompiledJobModel } from './jobModelTypes';
import type { MatchInputs } from './matchScore';

/** `values`: metric key (`renewalRate`, `assessment.customerInsight`) → exact decimal text, or null when 数据不足. */
export function inputsFromPortrait(model: CompiledJobModel, values: ReadonlyMap<string, string | null>): MatchInputs {
  const out: Record<string, string | null> = {};
  for (const d of model.dimensions) out[d.id] = values.get(d.input) ?? null;
  return out;
}
