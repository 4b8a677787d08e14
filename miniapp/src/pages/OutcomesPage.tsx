/**
 * 转型看板 (HR): whether the transition is working, month by month, within HR's departments: turnover (monthly and
 * annualised against the articles' 35% → 25%), retention, big-client share of revenue (10% → 30%), new hires meeting
 * their targets within 3 months, training completion, tiers and risk bands over time. Every number opens the people
 * behind it; the board exports to Excel. Definitions: README “转型看板” and the 指标定义 card.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  OUTCOME_METRIC_INFO,
  formatOutcomeRatio,
  type OutcomeCell,
  type OutcomeGrouping,
  type OutcomeMetric,
  type OutcomePeopleView,
  type OutcomesDashboard,
} from '@liucai/shared';
import Button from 'antd-mobile/es/components/button';
import ErrorBlock from 'antd-mobile/es/components/error-block';
import Popup from 'antd-mobile/es/components/popup';
import Selector from 'antd-mobile/es/components/selector';
import Skeleton from 'antd-mobile/es/components/skeleton';
import Tag from 'antd-mobile/es/components/tag';
import { errorMessage } from '../api/client';
import { getOutcomePeople, getOutcomes, outcomesExportUrl } from '../api/outcomesEndpoints';
import { DataTable, type Column } from '../components/DataTable';
import { PageLayout } from '../components/PageLayout';
import { useFileDownload } from '../imports/useFileDownload';
import { navigate } from '../router/hashRoute';
import { formatFen } from '../util/format';
import { RatioLineChart, StackedBars } from '../outcomes/charts';
import { AtmosphereSection } from '../pulse/AtmosphereSection';
import '../outcomes/outcomes.css';

type State = { status: 'loading' } | { status: 'ready'; board: OutcomesDashboard } | { status: 'error'; message: string };
interface Drill {
  metric: OutcomeMetric;
  month: string;
  group: string;
  groupLabel: string;
  key?: string;
  keyLabel?: string;
}
type DrillState = { status: 'loading' } | { status: 'ready'; view: OutcomePeopleView } | { status: 'error'; message: string };

const GROUPINGS: { label: string; value: OutcomeGrouping }[] = [
  { label: '全部', value: 'all' },
  { label: '按部门', value: 'dept' },
  { label: '按分层', value: 'tier' },
];
const TIER_PARTS = [
  { key: 'move', label: '立即转型', color: '#00b42a' },
  { key: 'train', label: '先培训', color: '#ff7d00' },
  { key: 'reassign', label: '调岗', color: '#f53f3f' },
  { key: 'none', label: '未评分', color: '#c9cdd4' },
] as const;
const BAND_PARTS = [
  { key: '高', label: '高风险', color: '#f53f3f' },
  { key: '中', label: '中风险', color: '#ff7d00' },
  { key: '低', label: '低风险', color: '#00b42a' },
  { key: 'none', label: '未评估', color: '#c9cdd4' },
] as const;
const RATIO_METRICS = ['annualTurnover', 'turnover', 'retention12', 'bigShare', 'newHireTargets', 'training'] as const;
type RatioMetric = (typeof RATIO_METRICS)[number];
const pct = (x: number) => `${Math.round(x * 100)}%`;
const VERDICTS: Record<string, string> = { met: '已达标', missed: '未达标', unknown: '无评分', pending: '未满 3 个月' };

/** What a person adds to the number, in words (the drill-down's value column). */
function describeValue(metric: OutcomeMetric, value: string | null): string | null {
  if (value === null) return null;
  if (metric === 'bigShare') {
    const [bigFen, allFen] = value.split('/').map(Number) as [number, number];
    return `大客户 ${formatFen(bigFen)} / 共 ${formatFen(allFen)}`;
  }
  if (metric === 'training') return `完成 ${value.replace('/', ' / ')} 门`;
  if (metric === 'newHireTargets') return VERDICTS[value] ?? value;
  if (metric === 'annualTurnover') return `${value} 离职`;
  return null;
}

/** A number that opens the people behind it. */
function Num({ children, onOpen, testId }: { children: string; onOpen(): void; testId?: string }) {
  return (
    <button
      type="button"
      className="outcome-num"
      onClick={(e) => {
        e.stopPropagation();
        onOpen();
      }}
      data-testid={testId}
    >
      {children}
    </button>
  );
}

function DrillSheet({ drill, onClose }: { drill: Drill; onClose(): void }) {
  const [state, setState] = useState<DrillState>({ status: 'loading' });
  useEffect(() => {
    let cancelled = false;
    getOutcomePeople(drill.metric, drill.month, drill.group, drill.key).then(
      (view) => !cancelled && setState({ status: 'ready', view }),
      (err: unknown) => !cancelled && setState({ status: 'error', message: errorMessage(err) }),
    );
    return () => {
      cancelled = true;
    };
  }, [drill]);
  const info = OUTCOME_METRIC_INFO[drill.metric];
  const counted = state.status === 'ready' ? state.view.people.filter((p) => p.counted).length : 0;
  return (
    <Popup visible onMaskClick={onClose} onClose={onClose} position="bottom" bodyClassName="sheet" destroyOnClose>
      <div className="sheet-inner" data-testid="outcome-drill">
        <div className="sheet-head">
          <h2>
            {info.label}
            {drill.keyLabel ? ` · ${drill.keyLabel}` : ''}
          </h2>
          <a className="link" onClick={onClose} data-testid="outcome-drill-close">
            关闭
          </a>
        </div>
        <div className="sheet-body">
          <p className="muted small">
            {drill.groupLabel} · {drill.month}。{info.definition}
          </p>
          {state.status === 'loading' && <Skeleton.Paragraph lineCount={5} animated />}
          {state.status === 'error' && <ErrorBlock status="default" title="加载失败" description={state.message} />}
          {state.status === 'ready' && state.view.people.length === 0 && <p className="muted">没有人：这个数字背后没有你负责部门内的人。</p>}
          {state.status === 'ready' && state.view.people.length > 0 && (
            <>
              <p className="small" data-testid="outcome-drill-count">
                共 {state.view.people.length} 人
                {drill.metric === 'tier' || drill.metric === 'risk' || drill.metric === 'headcount' ? '' : `，其中计入分子 ${counted} 人`}
              </p>
              <ul className="outcome-people">
                {state.view.people.map((p) => (
                  <li key={p.userid}>
                    <a className="link" onClick={() => navigate('/person', { query: { u: p.userid } })}>
                      {p.name}
                    </a>
                    <span className="muted small">{[p.deptName ?? '—', describeValue(drill.metric, p.value)].filter(Boolean).join(' · ')}</span>
                    {p.counted && drill.metric !== 'tier' && drill.metric !== 'risk' && drill.metric !== 'headcount' && <Tag color="primary">计入</Tag>}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      </div>
    </Popup>
  );
}

export default function OutcomesPage() {
  const [by, setBy] = useState<OutcomeGrouping>('all');
  const [month, setMonth] = useState<string | null>(null);
  const [state, setState] = useState<State>({ status: 'loading' });
  const [drill, setDrill] = useState<Drill | null>(null);
  /** The group the key numbers and charts show (a row of the table picks it). */
  const [focus, setFocus] = useState('all');
  const files = useFileDownload();
  const load = useCallback(async (g: OutcomeGrouping) => {
    setState({ status: 'loading' });
    try {
      setState({ status: 'ready', board: await getOutcomes(g) });
    } catch (err) {
      setState({ status: 'error', message: errorMessage(err) });
    }
  }, []);
  useEffect(() => {
    setFocus('all');
    void load(by);
  }, [load, by]);

  const board = state.status === 'ready' ? state.board : null;
  const months = board?.months ?? [];
  const shown = month && months.includes(month) ? month : (months.at(-1) ?? null);
  const focused = board?.cells[focus] ? focus : 'all';
  const all = board?.cells[focused];
  const labelOf = useMemo(() => new Map((board?.groups ?? []).map((g) => [g.key, g.label])), [board]);
  const open = (metric: OutcomeMetric, m: string, group = focused, key?: string, keyLabel?: string) =>
    setDrill({ metric, month: m, group, groupLabel: labelOf.get(group) ?? '全部', ...(key ? { key, keyLabel } : {}) });

  const ratioColumn = (metric: RatioMetric, title: string): Column<{ key: string; label: string; cell: OutcomeCell }> => ({
    key: metric,
    title,
    align: 'right',
    render: (r) => <Num onOpen={() => open(metric, shown!, r.key)}>{formatOutcomeRatio(r.cell[metric])}</Num>,
  });
  const columns: Column<{ key: string; label: string; cell: OutcomeCell }>[] = [
    { key: 'group', title: '分组', primary: true, render: (r) => <strong>{r.label}</strong> },
    {
      key: 'headcount',
      title: '月初人数',
      align: 'right',
      render: (r) => <Num onOpen={() => open('headcount', shown!, r.key)}>{String(r.cell.headcount)}</Num>,
    },
    ratioColumn('turnover', '月离职率'),
    ratioColumn('annualTurnover', '年化离职率'),
    ratioColumn('retention12', '12 个月留存率'),
    ratioColumn('bigShare', '大客户收入占比'),
    ratioColumn('newHireTargets', '新人 3 个月达标率'),
    ratioColumn('training', '培训完成率'),
    {
      key: 'high',
      title: '高风险',
      align: 'right',
      render: (r) => <Num onOpen={() => open('risk', shown!, r.key, '高', '高风险')}>{`${r.cell.risk.高} 人`}</Num>,
    },
  ];
  const rows = board && shown ? board.groups.map((g) => ({ key: g.key, label: g.label, cell: board.cells[g.key]![shown]! })) : [];
  const latest = all && shown ? all[shown]! : null;
  /** Counts over months as stacked bars (tiers, bands); a bar opens the people of its part. */
  const countChart = <K extends string>(
    title: string,
    testId: string,
    metric: 'tier' | 'risk',
    parts: readonly { key: K; label: string; color: string }[],
    pick: (c: OutcomeCell) => Record<K, number>,
  ) => (
    <div className="outcome-chart-card">
      <h3>{title}</h3>
      <StackedBars
        months={months}
        testId={testId}
        parts={parts.map((p) => ({ ...p, values: months.map((m) => pick(all![m]!)[p.key]) }))}
        onBar={(k, m) => open(metric, m, focused, k, parts.find((p) => p.key === k)?.label)}
      />
    </div>
  );
  const series = (metric: RatioMetric) => months.map((m) => all?.[m]?.[metric].value ?? null);

  return (
    <PageLayout title="转型看板" testId="outcomes-page" width="wide">
      <section className="card">
        <div className="card-head">
          <h2>转型看板</h2>
          {board?.computedAt && <span className="muted small">每晚更新 · {shown} 为最近一个完整月</span>}
        </div>
        <p className="muted small">你负责部门内的人，按月统计。点任一数字查看背后的人；离职风险只统计你可以查看的人，不含你本人。</p>
        <div className="outcome-controls">
          <Selector options={GROUPINGS} value={[by]} onChange={(v) => v[0] && setBy(v[0])} data-testid="outcome-grouping" />
          {months.length > 0 && (
            <select className="outcome-month" value={shown ?? ''} onChange={(e) => setMonth(e.target.value)} data-testid="outcome-month" aria-label="月份">
              {[...months].reverse().map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
          )}
          <Button
            size="small"
            disabled={!board || months.length === 0}
            loading={files.pending !== null}
            onClick={() => void files.download(outcomesExportUrl(by), `转型看板-${shown ?? ''}.xlsx`)}
            data-testid="outcome-export"
          >
            导出 Excel
          </Button>
        </div>
        {files.error && <p className="error small">{files.error}</p>}
      </section>

      {state.status === 'loading' && (
        <section className="card">
          <Skeleton.Paragraph lineCount={8} animated />
        </section>
      )}
      {state.status === 'error' && (
        <section className="card">
          <ErrorBlock status="default" title="加载失败" description={state.message}>
            <Button color="primary" size="small" onClick={() => void load(by)}>
              重试
            </Button>
          </ErrorBlock>
        </section>
      )}
      {board && months.length === 0 && (
        <section className="card" data-testid="outcomes-empty">
          <p className="muted">还没有数据：数据同步后每晚自动计算，第一次同步完成后即可查看。</p>
        </section>
      )}

      {board && latest && shown && (
        <>
          <section className="card" data-testid="outcome-stats">
            <div className="card-head">
              <h2>{shown}</h2>
              <span className="muted small" data-testid="outcome-focus">
                {labelOf.get(focused) ?? '全部'} · 月初 {latest.headcount} 人
                {focused !== 'all' && (
                  <>
                    {' · '}
                    <a className="link" onClick={() => setFocus('all')}>
                      看全部
                    </a>
                  </>
                )}
              </span>
            </div>
            <div className="outcome-stats">
              {RATIO_METRICS.map((metric) => {
                const target = metric === 'annualTurnover' ? board.targets.annualTurnover : metric === 'bigShare' ? board.targets.bigShare : null;
                const r = latest[metric];
                const good = target && r.value !== null ? (metric === 'bigShare' ? r.value >= target.target : r.value <= target.target) : null;
                return (
                  <button
                    key={metric}
                    type="button"
                    className={`stat outcome-stat${good === true ? ' outcome-good' : good === false ? ' outcome-bad' : ''}`}
                    onClick={() => open(metric, shown)}
                    data-testid={`outcome-stat-${metric}`}
                  >
                    <div className="stat-value">{formatOutcomeRatio(r)}</div>
                    <div className="stat-label">{OUTCOME_METRIC_INFO[metric].label}</div>
                    <div className="outcome-sub">
                      {target ? `目标 ${pct(target.target)}（原 ${pct(target.before)}）` : r.value === null ? '无可计算的人' : `${r.num} / ${r.den}`}
                    </div>
                  </button>
                );
              })}
            </div>
          </section>

          <section className="card outcome-charts">
            <div className="outcome-chart-card">
              <h3>离职与大客户收入</h3>
              <RatioLineChart
                months={months}
                testId="chart-targets"
                series={[
                  { key: 'annualTurnover', label: '年化离职率', color: '#f53f3f', values: series('annualTurnover') },
                  { key: 'bigShare', label: '大客户收入占比', color: '#1677ff', values: series('bigShare') },
                ]}
                targets={[
                  { label: `离职目标 ${pct(board.targets.annualTurnover.target)}`, value: board.targets.annualTurnover.target, color: '#f53f3f' },
                  { label: `大客户目标 ${pct(board.targets.bigShare.target)}`, value: board.targets.bigShare.target, color: '#1677ff' },
                ]}
                onPoint={(k, m) => open(k as OutcomeMetric, m)}
              />
            </div>
            <div className="outcome-chart-card">
              <h3>新人达标与培训</h3>
              <RatioLineChart
                months={months}
                testId="chart-growth"
                series={[
                  { key: 'newHireTargets', label: '新人 3 个月达标率', color: '#722ed1', values: series('newHireTargets') },
                  { key: 'training', label: '培训完成率', color: '#00b42a', values: series('training') },
                  { key: 'retention12', label: '12 个月留存率', color: '#86909c', values: series('retention12') },
                ]}
                onPoint={(k, m) => open(k as OutcomeMetric, m)}
              />
            </div>
            {countChart('人才分层', 'chart-tiers', 'tier', TIER_PARTS, (c) => c.tiers)}
            {countChart('离职风险分布', 'chart-risk', 'risk', BAND_PARTS, (c) => c.risk)}
          </section>

          <section className="card" data-testid="outcome-table">
            <div className="card-head">
              <h2>
                {by === 'dept' ? '按部门' : by === 'tier' ? '按分层' : '全部'} · {shown}
              </h2>
            </div>
            {by !== 'all' && <p className="muted small">点一行，上面的关键数字和图表改看这一组。</p>}
            <DataTable columns={columns} rows={rows} rowKey={(r) => r.key} onRowClick={(r) => setFocus(r.key)} empty="这个月没有数据" testId="outcome-rows" />
          </section>

          <AtmosphereSection key={board.by} first={board.atmosphere} total={board.atmosphereTotal} />

          <section className="card">
            <details className="outcome-defs" data-testid="outcome-defs">
              <summary>指标定义</summary>
              <dl>
                {Object.entries(OUTCOME_METRIC_INFO).map(([k, v]) => (
                  <div key={k}>
                    <dt>{v.label}</dt>
                    <dd>{v.definition}</dd>
                  </div>
                ))}
              </dl>
            </details>
          </section>
        </>
      )}
      {drill && <DrillSheet drill={drill} onClose={() => setDrill(null)} />}
    </PageLayout>
  );
}
