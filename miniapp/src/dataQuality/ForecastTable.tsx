/** A month's forecast at this headcount: per line its calls and events and how it was reached; the verdict and advice. */
import type { BudgetForecast } from '@liucai/shared';
import { formatCount } from '../util/format';

export function ForecastTable({ forecast }: { forecast: BudgetForecast }) {
  return (
    <div className="forecast" data-testid="budget-forecast" data-fits={forecast.fits ? 'yes' : 'no'}>
      <div className="forecast-title">按现有 {formatCount(forecast.headcount)} 名在职员工，预计一个月的用量</div>
      <table className="forecast-table">
        <thead>
          <tr>
            <th scope="col">用途</th>
            <th scope="col">调用（次）</th>
            <th scope="col">事件（条）</th>
          </tr>
        </thead>
        <tbody>
          {forecast.lines.map((l) => (
            <tr key={l.id} className={l.counted ? '' : 'forecast-off'} data-testid={`forecast-${l.id}`}>
              <td>
                <div className="forecast-label">
                  {l.label}
                  {!l.counted && <span className="forecast-off-tag">未计入</span>}
                </div>
                <div className="forecast-basis">{l.basis}</div>
              </td>
              <td className="num">{formatCount(l.apiCalls)}</td>
              <td className="num">{formatCount(l.events)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">合计</th>
            <td className="num" data-testid="forecast-calls">
              {formatCount(forecast.need.apiCalls)}
            </td>
            <td className="num" data-testid="forecast-events">
              {formatCount(forecast.need.events)}
            </td>
          </tr>
        </tfoot>
      </table>
      <div className={forecast.fits ? 'forecast-verdict ok' : 'inline-note forecast-verdict'} data-testid="forecast-summary">
        {forecast.summary}
      </div>
      {forecast.advice.length > 0 && (
        <ul className="forecast-advice" data-testid="forecast-advice">
          {forecast.advice.map((a) => (
            <li key={a}>{a}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
