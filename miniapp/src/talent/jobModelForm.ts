/**
 * The 岗位模型 editor's form: a job-model definition as text fields (what HR types), and back. Banded rules are typed
 * as “最低值:得分” pairs (“0:0，6:40，9:100”). The definition goes through the shared validation as HR types.
 */
import type { DimensionRule, JobModelDefinition, TalentInputKey } from '@liucai/shared';

export type RuleKind = DimensionRule['kind'];

export interface DimensionForm {
  key: string;
  id: string;
  label: string;
  input: TalentInputKey;
  weight: string;
  kind: RuleKind;
  target: string;
  floor: string;
  bands: string;
  description: string;
}

export interface JobModelForm {
  maxMissingWeight: string;
  dimensions: DimensionForm[];
}

let seq = 0;
const nextKey = () => `d${++seq}`;

export function formFromDefinition(def: JobModelDefinition): JobModelForm {
  return {
    maxMissingWeight: String(def.maxMissingWeight),
    dimensions: def.dimensions.map((d) => ({
      key: nextKey(),
      id: d.id,
      label: d.label,
      input: d.input,
      weight: String(d.weight),
      kind: d.rule.kind,
      target: d.rule.kind === 'banded' ? '' : String(d.rule.target),
      floor: d.rule.kind === 'linear' ? String(d.rule.floor) : '',
      bands: d.rule.kind === 'banded' ? d.rule.bands.map((b) => `${b.min}:${b.score}`).join('，') : '',
      description: d.description ?? '',
    })),
  };
}

/** A new dimension with an id no other dimension of the form has. */
export function newDimension(form: JobModelForm): DimensionForm {
  let n = form.dimensions.length + 1;
  while (form.dimensions.some((d) => d.id === `dim${n}`)) n++;
  return { key: nextKey(), id: `dim${n}`, label: '', input: 'renewalRate', weight: '0', kind: 'linear', target: '', floor: '', bands: '', description: '' };
}

/** The definition the form says (numbers stay text: the shared validation reads them exactly). */
export function definitionFromForm(form: JobModelForm): JobModelDefinition {
  return {
    maxMissingWeight: form.maxMissingWeight.trim(),
    dimensions: form.dimensions.map((d) => {
      const rule: DimensionRule =
        d.kind === 'threshold'
          ? { kind: 'threshold', target: d.target.trim() }
          : d.kind === 'linear'
            ? { kind: 'linear', floor: d.floor.trim(), target: d.target.trim() }
            : {
                kind: 'banded',
                bands: d.bands
                  .split(/[,，;；\s]+/)
                  .filter(Boolean)
                  .map((pair) => {
                    const [min = '', score = ''] = pair.split(/[:：]/);
                    return { min: min.trim(), score: score.trim() };
                  }),
              };
      return {
        id: d.id,
        label: d.label.trim(),
        input: d.input,
        weight: d.weight.trim(),
        rule,
        ...(d.description.trim() ? { description: d.description.trim() } : {}),
      };
    }),
  };
}
