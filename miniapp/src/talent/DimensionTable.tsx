/** A job-model version's dimensions, read-only: name, data source, rule in words and weight. */
import { describeDimensionRule, talentInputInfo, type JobModelDefinition } from '@liucai/shared';

export function DimensionTable({ definition, testId }: { definition: JobModelDefinition; testId?: string }) {
  return (
    <div data-testid={testId}>
      <table className="dim-table">
        <thead>
          <tr>
            <th>维度</th>
            <th>数据来源与评分规则</th>
            <th className="num">权重</th>
          </tr>
        </thead>
        <tbody>
          {definition.dimensions.map((d) => (
            <tr key={d.id}>
              <td className="dim-name">{d.label}</td>
              <td>
                <div>{talentInputInfo(d.input)?.label ?? d.input}</div>
                <div className="muted small">{describeDimensionRule(d)}</div>
              </td>
              <td className="num">{String(d.weight)}%</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="muted small dim-missing">缺数据的维度权重合计超过 {String(definition.maxMissingWeight)}% 时不给出匹配度</div>
    </div>
  );
}
