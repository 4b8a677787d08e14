import { BIG_CLIENT_SALES_MODEL } from './jobModelTemplates';
import { validateJobModel } from './jobModelValidation';
import { mainGap } from './mainGap';
import { scoreMatch } from './matchScore';

const compiled = (() => {
  const r = validateJobModel(BIG_CLIENT_SALES_MODEL.definition);
  if (!r.ok) throw new Error('template');
  return r.compiled;
})();

describe('mainGap', () => {
  it('is the dimension that lost the most points', () => {
    // 李四: coordination 20 × 30% loses 24 points, the most.
    const r = scoreMatch(compiled, { insight: 6, coordination: 1, maintenance: 80, cycle: 27, satisfaction: 8 });
    expect(mainGap(r.dimensions)).toEqual({ id: 'coordination', label: '资源协调', score: '20.0', lost: '24.0' });
  });
  it('is null for a full score or no data', () => {
    expect(mainGap(scoreMatch(compiled, { insight: 24, coordination: 8, maintenance: 85 }).dimensions)).toBeNull();
    expect(mainGap(scoreMatch(compiled, {}).dimensions)).toBeNull();
  });
});
