import { BIG_CLIENT_SALES_MODEL, validateJobModel } from '@liucai/shared';
import { definitionFromForm, formFromDefinition, newDimension } from './jobModelForm';

describe('the job-model form', () => {
  it('round-trips the built-in model to a definition the shared validation accepts', () => {
    const def = definitionFromForm(formFromDefinition(BIG_CLIENT_SALES_MODEL.definition));
    const checked = validateJobModel(def);
    expect(checked.ok).toBe(true);
    expect(def.dimensions.find((d) => d.id === 'satisfaction')!.rule).toEqual({
      kind: 'banded',
      bands: [
        { min: '0', score: '0' },
        { min: '6', score: '40' },
        { min: '7', score: '60' },
        { min: '8', score: '80' },
        { min: '9', score: '100' },
      ],
    });
  });
  it('reads bands typed with Chinese punctuation, and a weight change shows as the sum error', () => {
    const form = formFromDefinition(BIG_CLIENT_SALES_MODEL.definition);
    form.dimensions[4]!.bands = '0：0；8：80， 9:100';
    form.dimensions[1]!.weight = '40';
    const checked = validateJobModel(definitionFromForm(form));
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problems.map((p) => p.message).join('\n')).toContain('各维度权重合计为 110');
    expect(definitionFromForm(form).dimensions[4]!.rule).toEqual({
      kind: 'banded',
      bands: [
        { min: '0', score: '0' },
        { min: '8', score: '80' },
        { min: '9', score: '100' },
      ],
    });
  });
  it('gives a new dimension an id no other dimension has', () => {
    const form = formFromDefinition(BIG_CLIENT_SALES_MODEL.definition);
    const d = newDimension(form);
    expect(form.dimensions.map((x) => x.id)).not.toContain(d.id);
  });
});
