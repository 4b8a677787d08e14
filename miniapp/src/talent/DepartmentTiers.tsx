/**
 * The tier distribution by department (HR): one row per department with a stacked bar and the counts (counted by the
 * server over everyone in scope: GET /api/v1/talent/review/departments).
 */
import type { DepartmentTierRow } from '@liucai/shared';
import { TIER_ORDER, TIER_TEXT } from './tierDisplay';

export function DepartmentTiers({ rows }: { rows: readonly DepartmentTierRow[] }) {
  return (
    <section className="card" data-testid="department-tiers">
      <div className="card-head">
        <h2>按部门</h2>
        <span className="muted small">{rows.length} 个部门</span>
      </div>
      <table className="dept-tiers">
        <thead>
          <tr>
            <th>部门</th>
            {TIER_ORDER.map((t) => (
              <th key={t} className="num">
                {TIER_TEXT[t]}
              </th>
            ))}
            <th className="num">合计</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.departmentId ?? 'none'} data-testid={`dept-tiers-${r.departmentId ?? 'none'}`}>
              <td>
                <div>{r.path}</div>
                <div className="tier-bar dept-tier-bar" aria-hidden>
                  {TIER_ORDER.filter((t) => r.counts[t] > 0).map((t) => (
                    <span key={t} className={`tier-bar-part tier-${t}`} style={{ flexGrow: r.counts[t] }} />
                  ))}
                </div>
              </td>
              {TIER_ORDER.map((t) => (
                <td key={t} className="num">
                  {r.counts[t]}
                </td>
              ))}
              <td className="num">{r.total}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
