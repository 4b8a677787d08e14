/** What a plan pays, component by component, in words (read-only). */
import { describePlan, type IncentivePlanDefinition } from '@liucai/shared';

export function PlanRules({ definition, testId }: { definition: IncentivePlanDefinition; testId?: string }) {
  return (
    <ul className="plan-rules" data-testid={testId}>
      {describePlan(definition).map((r, i) => (
        <li key={`${r.label}-${i}`}>
          <div className="plan-rule-head">
            <span className="plan-rule-label">{r.label}</span>
            <span className="plan-rule-kind">{r.kind}</span>
          </div>
          <div className="plan-rule-text">{r.text}</div>
        </li>
      ))}
    </ul>
  );
}
