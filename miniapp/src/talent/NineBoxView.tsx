/**
 * The 9-box (九宫格) for HR: rows are the suggested tiers (立即转型 on top), columns recent sales in thirds of the
 * company (业绩低 → 业绩高). Each box shows its count, what it suggests doing, and its first people (the server sends
 * a few per box); tapping the count or “共 N 人” opens the box's people below the grid, a page at a time.
 */
import { useState } from 'react';
import Button from 'antd-mobile/es/components/button';
import { zh, type NineBoxCellKey, type TalentNineBox, type TalentNineBoxCell } from '@liucai/shared';
import { getTalentNineBoxCell } from '../api/talentEndpoints';
import { LoadingCard, RetryCard } from '../components/LoadStates';
import { Pager } from '../components/Pager';
import { useLoaded } from '../components/useLoaded';
import { hrefFor } from '../router/hashRoute';
import { formatDateTime } from '../util/format';

/** People a page when a box is opened. */
const CELL_PAGE_SIZE = 20;

export function NineBoxView({ box }: { box: TalentNineBox }) {
  const [opened, setOpened] = useState<NineBoxCellKey | null>(null);
  if (!box.cutoffs || box.cells.length === 0) {
    return (
      <section className="card">
        <div className="empty-text" data-testid="nine-box-empty">
          还没有可以放进九宫格的人：需要匹配度（不是数据不足）的员工
        </div>
      </section>
    );
  }
  const total = box.cells.reduce((s, c) => s + c.count, 0);
  return (
    <>
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
          {box.computedAt ? ` 按 ${formatDateTime(box.computedAt)} 的重新计算。` : ''}
        </p>
        <div className="nine-box-grid">
          <div className="nine-box-corner" />
          {['业绩低', '业绩中', '业绩高'].map((h) => (
            <div key={h} className="nine-box-col-head small muted">
              {h}
            </div>
          ))}
          {box.cells.map((c, i) => (
            <FragmentCell
              key={`${c.tier}-${c.performance}`}
              cell={c}
              rowHead={i % 3 === 0 ? c.tierLabel : null}
              open={opened === `${c.tier}-${c.performance}`}
              onOpen={() => setOpened(`${c.tier}-${c.performance}`)}
            />
          ))}
        </div>
      </section>
      {opened && <OpenedCell key={opened} period={box.period} cell={opened} onClose={() => setOpened(null)} />}
    </>
  );
}

function FragmentCell({ cell, rowHead, open, onOpen }: { cell: TalentNineBox['cells'][number]; rowHead: string | null; open: boolean; onOpen(): void }) {
  const key = `${cell.tier}-${cell.performance}`;
  return (
    <>
      {rowHead && <div className={`nine-box-row-head small tier-text-${cell.tier}`}>{rowHead}</div>}
      <div className={`nine-box-cell nine-box-${key}${open ? ' nine-box-open' : ''}`} data-testid={`nine-box-${key}`}>
        {cell.count > 0 ? (
          <button
            type="button"
            className="nine-box-count nine-box-count-button"
            onClick={onOpen}
            data-testid={`nine-box-open-${key}`}
            aria-label={zh`查看${cell.tierLabel}、${cell.performanceLabel}的 ${cell.count} 人`}
          >
            {cell.count}
          </button>
        ) : (
          <div className="nine-box-count">0</div>
        )}
        <div className="nine-box-advice small">{cell.advice}</div>
        <div className="nine-box-people small">
          {cell.people.map((p) => (
            <a key={p.userid} className="link" href={hrefFor('/person', { u: p.userid })} title={`匹配度 ${p.score} · 签约 ${p.salesCny} 元`}>
              {p.name}
            </a>
          ))}
          {cell.count > cell.people.length && (
            <button type="button" className="link nine-box-more" onClick={onOpen}>
              共 {cell.count} 人
            </button>
          )}
        </div>
      </div>
    </>
  );
}

/** One box's people with score, recent sales and HR's decision, a page at a time (read when opened). */
function OpenedCell({ period, cell, onClose }: { period: string | null; cell: NineBoxCellKey; onClose(): void }) {
  const [page, setPage] = useState(1);
  const { state, reload } = useLoaded<TalentNineBoxCell>(() => getTalentNineBoxCell(period, cell, page, CELL_PAGE_SIZE), [period, cell, page]);
  if (state.status === 'loading') return <LoadingCard lines={6} />;
  if (state.status === 'error') return <RetryCard what="这一格的人员" message={state.message} onRetry={() => void reload()} testId="nine-box-cell-error" />;
  const c = state.data;
  return (
    <section className="card" data-testid="nine-box-cell">
      <div className="card-head">
        <h2>
          {c.tierLabel} · {c.performanceLabel}
        </h2>
        <Button size="mini" fill="none" onClick={onClose} data-testid="nine-box-cell-close">
          收起
        </Button>
      </div>
      <p className="muted small nine-box-note">{c.advice}</p>
      <ul className="nine-box-list">
        {c.people.map((p) => (
          <li key={p.userid} className="nine-box-row" data-testid="nine-box-cell-person">
            <a className="link nine-box-row-name" href={hrefFor('/person', { u: p.userid })}>
              {p.name}
            </a>
            <span className="muted small nine-box-row-dept">{p.department?.name ?? '—'}</span>
            <span className="small">匹配度 {p.score}</span>
            <span className="small">签约 {p.salesCny} 元</span>
            <span className="small muted">{p.decisionLabel ? `HR 决定：${p.decisionLabel}` : '未决定'}</span>
          </li>
        ))}
      </ul>
      <Pager total={c.total} page={c.page} pageSize={c.pageSize} unit="人" onPage={setPage} testId="nine-box-cell-pager" />
    </section>
  );
}
