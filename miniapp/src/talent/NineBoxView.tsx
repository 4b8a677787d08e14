/**
 * The 9-box (九宫格) for HR: rows are the suggested tiers (立即转型 on top), columns recent sales in thirds of the
 * company (业绩低 → 业绩高). Each box shows its count, what it suggests doing, and the people in it.
 */
import type { TalentNineBox } from '@liucai/shared';
import { hrefFor } from '../router/hashRoute';

const SHOWN = 8;

export function NineBoxView({ box }: { box: TalentNineBox }) {
  if (!box.cutoffs || box.cells.length === 0) {
    return (
      <section className="card">
        <div className="empty-text" data-testid="nine-box-empty">
          还没有可以放进九宫格的人：需要匹配度（不是数据不足）的员工
        </div>
      </section>
    );
  }
  const total = box.cells.reduce((s, c) => s + c.people.length, 0);
  return (
    <section className="card" data-testid="nine-box">
      <div className="card-head">
        <h2>九宫格</h2>
        <span className="muted small">
          {box.jobModel?.name ?? ''} · {box.period} · {total} 人
        </span>
      </div>
      <p className="muted small nine-box-note">
        纵轴：匹配度档位；横轴：{box.window?.from} 至 {box.window?.to} 签约金额（未取消），按全公司 {box.cutoffs.population} 名有匹配度的员工三等分： ≤{' '}
        {box.cutoffs.lowCny} 元为业绩低，&gt; {box.cutoffs.highCny} 元为业绩高。
        {box.unplaced > 0 ? ` 另有 ${box.unplaced} 人数据不足，未放入。` : ''}
      </p>
      <div className="nine-box-grid">
        <div className="nine-box-corner" />
        {['业绩低', '业绩中', '业绩高'].map((h) => (
          <div key={h} className="nine-box-col-head small muted">
            {h}
          </div>
        ))}
        {box.cells.map((c, i) => (
          <FragmentCell key={`${c.tier}-${c.performance}`} cell={c} rowHead={i % 3 === 0 ? c.tierLabel : null} />
        ))}
      </div>
    </section>
  );
}

function FragmentCell({ cell, rowHead }: { cell: TalentNineBox['cells'][number]; rowHead: string | null }) {
  return (
    <>
      {rowHead && <div className={`nine-box-row-head small tier-text-${cell.tier}`}>{rowHead}</div>}
      <div className={`nine-box-cell nine-box-${cell.tier}-${cell.performance}`} data-testid={`nine-box-${cell.tier}-${cell.performance}`}>
        <div className="nine-box-count">{cell.people.length}</div>
        <div className="nine-box-advice small">{cell.advice}</div>
        <div className="nine-box-people small">
          {cell.people.slice(0, SHOWN).map((p) => (
            <a key={p.userid} className="link" href={hrefFor('/person', { u: p.userid })} title={`匹配度 ${p.score} · 签约 ${p.salesCny} 元`}>
              {p.name}
            </a>
          ))}
          {cell.people.length > SHOWN && <span className="muted">等 {cell.people.length} 人</span>}
        </div>
      </div>
    </>
  );
}
