/**
 * 数据来源: for each source first whether it is complete and fresh and what to do next, then what it holds (each
 * figure with the glossary's word for what it counts), then its gaps with examples within the viewer's scope.
 */
import type { DataQuality, DataSourceQuality } from '@liucai/shared';
import Button from 'antd-mobile/es/components/button';
import ErrorBlock from 'antd-mobile/es/components/error-block';
import Skeleton from 'antd-mobile/es/components/skeleton';
import Tag from 'antd-mobile/es/components/tag';
import { formatDateTime, formatRelative } from '../util/format';
import { attentionSummary, gapExamples, gapTitle, holdingMeaning, holdingText, stateTag, visibleGaps } from './quality';

export interface SourcesCardProps {
  quality: DataQuality | null;
  error: string | null;
  onRetry(): void;
}

export function SourcesCard({ quality, error, onRetry }: SourcesCardProps) {
  return (
    <section className="card sources-card" data-testid="quality-card">
      <div className="card-head">
        <h2>数据是否完整</h2>
        {quality && (
          <span className="muted small" data-testid="quality-summary">
            {attentionSummary(quality)}
          </span>
        )}
      </div>
      {!quality && !error && (
        <div data-testid="quality-loading">
          <Skeleton.Paragraph lineCount={6} animated />
        </div>
      )}
      {!quality && error && (
        <ErrorBlock status="default" title="数据来源加载失败" description={error} data-testid="quality-error">
          <Button color="primary" size="small" onClick={onRetry}>
            重试
          </Button>
        </ErrorBlock>
      )}
      {quality && (
        <>
          <ul className="quality-list">
            {quality.sources.map((s) => (
              <SourceItem key={s.source} source={s} viewerScope={quality.viewerScope} />
            ))}
          </ul>
          <div className="muted small sources-foot" data-testid="quality-computed">
            数量为全公司，统计于 {formatDateTime(quality.computedAt)}（每次同步与导入后更新）
            {quality.viewerScope === 'scope' ? '；缺口中的姓名与客户只列出你负责的范围' : ''}
          </div>
        </>
      )}
    </section>
  );
}

function SourceItem({ source: s, viewerScope }: { source: DataSourceQuality; viewerScope: DataQuality['viewerScope'] }) {
  const tag = stateTag(s.state, s.source);
  const gaps = visibleGaps(s.gaps);
  // Nothing synced or imported yet: no figures (a row of zeros would read as "complete and empty").
  const holdings = s.holdings.filter((h, i) => h.count > 0 || (s.state !== 'never' && (s.source !== 'imports' || i === 0)));
  return (
    <li className={`quality-source state-${s.state}`} data-testid={`quality-${s.source}`} data-state={s.state}>
      <div className="quality-head">
        <span className="quality-label">{s.label}</span>
        <Tag color={tag.color} fill="outline" data-testid={`state-${s.source}`}>
          {tag.text}
        </Tag>
      </div>
      <div className="source-summary" data-testid={`summary-${s.source}`}>
        {s.summary}
      </div>
      {s.lastSucceededAt && (
        <div className="muted small" data-testid={`last-${s.source}`}>
          {s.source === 'imports' ? '最近一次导入' : '上次成功同步'} {formatDateTime(s.lastSucceededAt)}（{formatRelative(s.lastSucceededAt)}）
        </div>
      )}
      {s.nextStep && (
        <div className="next-step source-next" data-testid={`next-${s.source}`}>
          下一步：{s.nextStep}
        </div>
      )}
      {holdings.length > 0 && (
        <ul className="holdings" data-testid={`holdings-${s.source}`}>
          {holdings.map((h, i) => (
            <li key={`${h.term}-${h.from ?? ''}`} className="holding" data-testid={`holding-${s.source}-${i}`}>
              <span className="holding-figure">{holdingText(h)}</span>
              <span className="holding-means">{holdingMeaning(h)}</span>
            </li>
          ))}
        </ul>
      )}
      {s.lastError && (
        <div className="inline-error" role="alert" data-testid={`quality-error-${s.source}`}>
          <strong>最近一次同步失败：</strong>
          {s.lastError}
        </div>
      )}
      {s.lastNote && (
        <div className="inline-note" role="note" data-testid={`quality-note-${s.source}`}>
          <span className="inline-note-icon" aria-hidden>
            !
          </span>
          <span>{s.lastNote}</span>
        </div>
      )}
      {s.source === 'imports' && (
        <a className="link quality-go" href="#/imports" data-testid="quality-go-imports">
          去导入 Excel 或 CSV 历史数据 →
        </a>
      )}
      {gaps.length > 0 && (
        <ul className="gap-list">
          {gaps.map((g) => {
            const examples = gapExamples(g, viewerScope);
            return (
              <li key={g.id} className="gap" data-testid={`gap-${g.id}`}>
                <div className="gap-title">{gapTitle(g, viewerScope)}</div>
                {examples && (
                  <div className="gap-examples" data-testid={`gap-examples-${g.id}`}>
                    {viewerScope === 'scope' ? examples : `例如：${examples}`}
                  </div>
                )}
                <div className="next-step">下一步：{g.nextStep}</div>
              </li>
            );
          })}
        </ul>
      )}
    </li>
  );
}
