/**
 * A portrait's metric rows with their evidence (我的画像 and 员工档案 → 画像): each metric's value (or 数据不足 and what is
 * missing), the team (main department) and company medians of the same month with how many people they came from
 * (or 数据不足 when too few had a value), HR's reference value, and 查看来源 opening the rows it was computed from
 * (GET /api/v1/people/:userid/portrait/metrics/:metric/sources). Nothing is computed here.
 */
import { useEffect, useState } from 'react';
import {
  MEDIAN_MIN_PEOPLE,
  zh,
  type MetricMedianView,
  type MetricSourceRow,
  type MetricSources,
  type PortraitMetricView,
  type TalentPersonScores,
} from '@liucai/shared';
import Popup from 'antd-mobile/es/components/popup';
import Skeleton from 'antd-mobile/es/components/skeleton';
import { errorMessage } from '../api/client';
import { getMetricSources } from '../api/portraitEvidenceEndpoints';
import './talent.css';
import './metricEvidence.css';

export const metricValueText = (value: string, unit: string): string => (unit === '%' ? `${value}%` : `${value} ${unit}`);

const KIND_TEXT: Record<MetricSourceRow['kind'], string> = {
  deal: '合同',
  followUp: '跟进',
  collaboration: '协作',
  satisfaction: '满意度',
  assessment: '测评',
};

function MedianText({ what, m, unit, testId }: { what: string; m: MetricMedianView | null; unit: string; testId: string }) {
  if (!m) return <span data-testid={testId}>{zh`${what}中位数：尚未计算`}</span>;
  return (
    <span data-testid={testId} title={m.missing ?? undefined}>
      {m.median === null
        ? zh`${what}中位数：数据不足（${m.population} 人中 ${m.people} 人有数据，至少需 ${MEDIAN_MIN_PEOPLE} 人）`
        : zh`${what}中位数 ${metricValueText(m.median, unit)}（${m.people} 人）`}
    </span>
  );
}

/** One metric: value, medians, reference and a link to its sources. */
function MetricRow({ m, onSources }: { m: PortraitMetricView; onSources: () => void }) {
  return (
    <li data-testid={`metric-${m.metric}`}>
      <div className="portrait-metric-head">
        <span>{m.label}</span>
        <strong>{m.value === null ? '数据不足' : metricValueText(m.value, m.unit)}</strong>
      </div>
      <div className="muted small">
        {m.means}
        {m.value === null ? `；${m.missing ?? ''}` : zh`；来自 ${m.sample} 条记录`}
      </div>
      <div className="metric-evidence small">
        <MedianText what="本部门" m={m.team} unit={m.unit} testId={`metric-${m.metric}-team`} />
        <MedianText what="全公司" m={m.company} unit={m.unit} testId={`metric-${m.metric}-company`} />
        {m.reference && (
          <span data-testid={`metric-${m.metric}-reference`}>
            参考值 {metricValueText(m.reference.value!, m.unit)}
            {m.reference.note ? `（${m.reference.note}）` : ''}
          </span>
        )}
        <button type="button" className="link-button" onClick={onSources} data-testid={`metric-${m.metric}-sources`}>
          查看来源
        </button>
      </div>
    </li>
  );
}

type SourcesState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: MetricSources };

/** The bottom sheet listing a metric's source rows. */
function SourcesSheet({ userid, period, metric, onClose }: { userid: string; period: string; metric: PortraitMetricView; onClose: () => void }) {
  const [state, setState] = useState<SourcesState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    getMetricSources(userid, metric.metric, period).then(
      (data) => live && setState({ status: 'ready', data }),
      (err: unknown) => live && setState({ status: 'error', message: errorMessage(err) }),
    );
    return () => {
      live = false;
    };
  }, [userid, metric.metric, period]);
  return (
    <Popup visible onMaskClick={onClose} onClose={onClose} position="bottom" bodyClassName="sheet" destroyOnClose>
      <div className="sheet-inner" data-testid="metric-sources">
        <div className="sheet-head">
          <h2>{zh`${metric.label}的来源（${period}）`}</h2>
          <a className="link" onClick={onClose} data-testid="metric-sources-close">
            关闭
          </a>
        </div>
        <div className="sheet-body">
          {state.status === 'loading' && <Skeleton.Paragraph lineCount={4} animated />}
          {state.status === 'error' && <div className="inline-error">来源加载失败：{state.message}</div>}
          {state.status === 'ready' && (
            <>
              <p className="muted small">
                {zh`统计区间 ${state.data.window.from} 至 ${state.data.window.to}，共 ${state.data.rows.length} 条`}
                {state.data.truncated ? '（只列出最近的记录）' : ''}
              </p>
              {state.data.rows.length === 0 ? (
                <div className="empty-text" data-testid="metric-sources-empty">
                  这一期间没有可用的来源记录
                </div>
              ) : (
                <ul className="source-rows" data-testid="metric-source-rows">
                  {state.data.rows.map((r) => (
                    <li key={`${r.kind}-${r.id}`} data-testid="metric-source-row">
                      <div className="source-row-head">
                        <span>
                          <span className="source-kind">{KIND_TEXT[r.kind]}</span>
                          {r.subject}
                        </span>
                        {r.text && <strong>{r.text}</strong>}
                      </div>
                      <div className="muted small">
                        {r.on}
                        {r.note ? ` · ${r.note}` : ''}
                      </div>
                      {r.content && <div className="source-content small">{r.content}</div>}
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
        </div>
      </div>
    </Popup>
  );
}

/** The client-feedback keywords of the person's follow-up notes (3 months), or what is missing. */
function FeedbackKeywordsView({ feedback }: { feedback: NonNullable<TalentPersonScores['portrait']>['feedback'] }) {
  return (
    <div className="feedback-keywords" data-testid="feedback-keywords">
      <div className="portrait-metric-head">
        <span>客户反馈关键词</span>
        {feedback.missing && <strong>数据不足</strong>}
      </div>
      <div className="muted small">{feedback.missing ?? zh`近 3 个月 ${feedback.notes} 条跟进记录中，比全公司的跟进记录更常出现的词（次数）`}</div>
      {!feedback.missing && feedback.terms.length === 0 && <div className="muted small">没有明显多于全公司的词</div>}
      {feedback.terms.length > 0 && (
        <div className="keyword-chips">
          {feedback.terms.map((t) => (
            <span key={t.term} className="keyword-chip" data-testid="feedback-term" title={zh`${t.notes} 条跟进记录提到，权重 ${t.score}`}>
              {t.term}
              <span className="keyword-count">{t.count}</span>
            </span>
          ))}
        </div>
      )}
    </div>
  );
}

/** A portrait's metrics with their evidence; `userid` and `period` name whose month the sources are read for. */
export function MetricEvidenceList({ userid, portrait }: { userid: string; portrait: NonNullable<TalentPersonScores['portrait']> }) {
  const [open, setOpen] = useState<PortraitMetricView | null>(null);
  const team = portrait.metrics.find((m) => m.team)?.team?.label;
  return (
    <>
      <p className="muted small" data-testid="portrait-median-note">
        {team ? zh`中位数取同一月份有数据的人：本部门为主部门“${team}”，全公司为所有有画像的人。` : '中位数取同一月份有数据的人（全公司为所有有画像的人）。'}
      </p>
      <FeedbackKeywordsView feedback={portrait.feedback} />
      <ul className="portrait-metrics" data-testid="portrait-metrics">
        {portrait.metrics.map((m) => (
          <MetricRow key={m.metric} m={m} onSources={() => setOpen(m)} />
        ))}
      </ul>
      {open && <SourcesSheet userid={userid} period={portrait.period} metric={open} onClose={() => setOpen(null)} />}
    </>
  );
}
