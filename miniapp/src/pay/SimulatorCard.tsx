/** 试算: a contract's figures in, the payout line by line out, computed in the browser by the shared code. */
import { useMemo, useState } from 'react';
import type { FieldProblem, ResolvedPlan } from '@liucai/shared';
import Input from 'antd-mobile/es/components/input';
import { PayoutLines, yuanText } from './PayoutLines';
import { EMPTY_FIELDS, EXAMPLE_FIELDS, differenceText, simulate, type SimulatorFields } from './simulator';

const FIELDS: { key: keyof SimulatorFields; label: string; unit: string; placeholder: string; mode: 'decimal' | 'numeric' }[] = [
  { key: 'contractValueCny', label: '合同金额', unit: '元', placeholder: '如 150000', mode: 'decimal' },
  { key: 'satisfaction', label: '客户满意度', unit: '分（0–10）', placeholder: '如 9.2，未评可空', mode: 'decimal' },
  { key: 'renewalYears', label: '续约年限', unit: '年', placeholder: '如 2', mode: 'numeric' },
  { key: 'coordinations', label: '与技术部协作', unit: '次', placeholder: '如 8', mode: 'numeric' },
];

export function SimulatorCard({ current, previous }: { current: ResolvedPlan; previous: ResolvedPlan | null }) {
  const [fields, setFields] = useState<SimulatorFields>(EMPTY_FIELDS);
  const outcome = useMemo(() => simulate(fields, current.version.definition, previous?.version.definition ?? null), [fields, current, previous]);
  const problems = new Map<string, FieldProblem>(outcome.kind === 'invalid' ? outcome.problems.map((p) => [p.field, p]) : []);

  return (
    <>
      <section className="card" data-testid="simulator">
        <div className="card-head">
          <h2>试算</h2>
          <span className="link small" role="button" tabIndex={0} onClick={() => setFields(EXAMPLE_FIELDS)} data-testid="sim-example">
            填入示例
          </span>
        </div>
        <p className="muted small sim-intro">输入一份合同的情况，按你的方案逐项算出能拿多少；在本机计算，规则与发放时相同。</p>
        <div className="sim-fields">
          {FIELDS.map((f) => {
            const problem = problems.get(f.key);
            return (
              <label key={f.key} className={`sim-field${problem ? ' has-error' : ''}`}>
                <span className="sim-field-label">
                  {f.label}
                  <span className="muted small">（{f.unit}）</span>
                </span>
                <Input
                  value={fields[f.key]}
                  onChange={(v) => setFields((s) => ({ ...s, [f.key]: v }))}
                  placeholder={f.placeholder}
                  inputMode={f.mode}
                  clearable
                  data-testid={`sim-${f.key}`}
                />
                {problem && (
                  <span className="sim-field-error" data-testid={`sim-error-${f.key}`}>
                    {problem.label}
                    {problem.message}
                  </span>
                )}
              </label>
            );
          })}
        </div>
      </section>

      {outcome.kind === 'result' && (
        <section className="card" data-testid="sim-result">
          <div className="card-head">
            <h2>预计激励</h2>
            <span className="pay-total" data-testid="sim-total">
              {yuanText(outcome.current.totalFen)}
            </span>
          </div>
          <div className="muted small">
            按“{current.plan.name}”第 {current.version.version} 版计算
          </div>
          <PayoutLines lines={outcome.current.lines} testId="sim-lines" />
          <div className="pay-sum" data-testid="sim-sum">
            合计：{outcome.current.explanation}
          </div>
        </section>
      )}

      {outcome.kind === 'result' && outcome.previous && previous && (
        <section className="card" data-testid="sim-compare">
          <div className="card-head">
            <h2>与原方案对比</h2>
            <span className={`pay-diff${outcome.differenceFen! < 0 ? ' negative' : ''}`} data-testid="sim-difference">
              {differenceText(outcome.differenceFen!)}
            </span>
          </div>
          <div className="compare-grid">
            <div className="compare-cell current">
              <div className="muted small">现方案 · {current.plan.name}</div>
              <div className="compare-amount" data-testid="sim-compare-current">
                {yuanText(outcome.current.totalFen)}
              </div>
            </div>
            <div className="compare-cell">
              <div className="muted small">原方案 · {previous.plan.name}</div>
              <div className="compare-amount" data-testid="sim-previous-total">
                {yuanText(outcome.previous.totalFen)}
              </div>
            </div>
          </div>
          <div className="muted small">
            同一份合同按原方案（{previous.assignment.effectiveTo ? `适用至 ${previous.assignment.effectiveTo}` : '此前适用'}）计算：
          </div>
          <PayoutLines lines={outcome.previous.lines} testId="sim-previous-lines" />
        </section>
      )}
    </>
  );
}
