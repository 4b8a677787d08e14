import { assessmentMetrics, type SubmittedAssessment } from './assessmentPortrait';

const sheet = (over: Partial<SubmittedAssessment>, scores: Record<string, string>): SubmittedAssessment => ({
  responseId: 1,
  cycleId: 1,
  versionId: 7,
  role: 'self',
  submittedOn: '2026-05-10',
  ...over,
  scores: Object.entries(scores).map(([dimension, score]) => ({ dimension: dimension as never, label: '', score, items: 2, answered: 2 })),
});

describe('assessment scores on the portrait', () => {
  it('gives nothing to a person with no submitted assessment in the 12 months', () => {
    expect(assessmentMetrics([], '2026-06')).toEqual([]);
    expect(assessmentMetrics([sheet({ submittedOn: '2025-06-30' }, { customerInsight: '90.0' })], '2026-06')).toEqual([]);
    // Submitted after the month: not yet on that month's portrait.
    expect(assessmentMetrics([sheet({ submittedOn: '2026-07-01' }, { customerInsight: '90.0' })], '2026-06')).toEqual([]);
  });

  it('prefers the supervisor rating, names the version and shows both ratings of the cycle', () => {
    const out = assessmentMetrics(
      [
        sheet({ responseId: 1, role: 'self' }, { customerInsight: '90.0', solutionDesign: '80.0' }),
        sheet({ responseId: 2, role: 'supervisor' }, { customerInsight: '62.5', solutionDesign: '70.0' }),
      ],
      '2026-06',
    );
    const insight = out.find((m) => m.metric === 'assessment.customerInsight')!;
    expect(insight).toEqual({
      metric: 'assessment.customerInsight',
      value: '62.5',
      sample: 2,
      missing: null,
      detail: { source: 'supervisor', versionId: 7, cycleId: 1, responseId: 2, submittedOn: '2026-05-10', self: '90.0', supervisor: '62.5' },
    });
    // A dimension the questionnaire did not cover says 数据不足, never zero.
    expect(out.find((m) => m.metric === 'assessment.longTermMaintenance')).toMatchObject({ value: null, missing: expect.stringContaining('数据不足') });
  });

  it('takes the newest self rating when there is no supervisor rating', () => {
    const out = assessmentMetrics(
      [
        sheet({ responseId: 1, cycleId: 1, submittedOn: '2026-01-05' }, { resourceCoordination: '40.0' }),
        sheet({ responseId: 5, cycleId: 2, versionId: 8, submittedOn: '2026-06-02' }, { resourceCoordination: '75.0' }),
      ],
      '2026-06',
    );
    expect(out.find((m) => m.metric === 'assessment.resourceCoordination')).toMatchObject({ value: '75', detail: { versionId: 8, source: 'self' } });
  });
});
