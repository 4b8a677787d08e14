/** The four counts of a dry run or a run: 新增 / 更新 / 未变 / 拒绝. */
import { importCounts } from './importDisplay';

export function ImportCounts({ counts, prefix }: { counts: { created: number; updated: number; unchanged: number; rejected: number }; prefix: string }) {
  return (
    <div className="stat-grid import-counts">
      {importCounts(counts).map((c) => (
        <div key={c.key} className={`stat stat-${c.key}${c.key === 'rejected' && c.value > 0 ? ' stat-bad' : ''}`} data-testid={`${prefix}-${c.key}`}>
          <div className="stat-value">{c.value.toLocaleString('zh-CN')}</div>
          <div className="stat-label">{c.label}</div>
        </div>
      ))}
    </div>
  );
}
