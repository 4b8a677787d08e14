/** 数据质量: per source its last sync, rows held, last error or note, and the gaps with examples and next steps. */
import type { DataSourceQuality } from '@liucai/shared';
import Button from 'antd-mobile/es/components/button';
import ErrorBlock from 'antd-mobile/es/components/error-block';
import Skeleton from 'antd-mobile/es/components/skeleton';
import Tag from 'antd-mobile/es/components/tag';
import { formatDateTime, formatRelative } from '../util/format';
import { errorNextStep, gapExamples, gapTitle, sourceHealth, sourceRowsText } from './quality';

export interface QualityCardProps {
  sources: DataSourceQuality[] | null;
  error: string | null;
  onRetry(): void;
}

export function QualityCard({ sources, error, onRetry }: QualityCardProps) {
  const gapCount = sources?.reduce((n, s) => n + s.gaps.length, 0) ?? 0;
  return (
    <section className="card quality-card" data-testid="quality-card">
      <div className="card-head">
        <h2>数据质量</h2>
        {sources && sources.length > 0 && (
          <span className="muted small" data-testid="quality-summary">
            {gapCount ? `${gapCount} 个缺口待处理` : '全部无缺口'}
          </span>
        )}
      </div>
      {!sources && !error && (
        <div data-testid="quality-loading">
          <Skeleton.Paragraph lineCount={5} animated />
        </div>
      )}
      {!sources && error && (
        <ErrorBlock status="default" title="数据质量加载失败" description={error} data-testid="quality-error">
          <Button color="primary" size="small" onClick={onRetry}>
            重试
          </Button>
        </ErrorBlock>
      )}
      {sources && sources.length === 0 && (
        <div className="empty-text" data-testid="quality-empty">
          暂无数据来源
        </div>
      )}
      {sources && sources.length > 0 && (
        <ul className="quality-list">
          {sources.map((s) => (
            <SourceQuality key={s.source} source={s} />
          ))}
        </ul>
      )}
    </section>
  );
}

function SourceQuality({ source: s }: { source: DataSourceQuality }) {
  const health = sourceHealth(s);
  const synced = s.source !== 'imports';
  return (
    <li className="quality-source" data-testid={`quality-${s.source}`}>
      <div className="quality-head">
        <span className="quality-label">{s.label}</span>
        <Tag color={health.color} fill="outline">
          {health.text}
        </Tag>
      </div>
      <div className="muted small quality-meta">
        {synced && (
          <span>{s.lastSucceededAt ? `上次成功同步 ${formatDateTime(s.lastSucceededAt)}（${formatRelative(s.lastSucceededAt)}）` : '尚未成功同步'}</span>
        )}
        <span>{sourceRowsText(s)}</span>
      </div>

      {s.lastError && (
        <div className="inline-error" role="alert" data-testid={`quality-error-${s.source}`}>
          <div>
            <strong>最近一次同步失败：</strong>
            {s.lastError}
          </div>
          <div className="next-step">下一步：{errorNextStep(s.source)}</div>
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
          从 Excel/CSV 导入历史数据 →
        </a>
      )}
      {s.gaps.length === 0 ? (
        <div className="quality-ok" data-testid={`quality-ok-${s.source}`}>
          ✓ 无缺口
        </div>
      ) : (
        <ul className="gap-list">
          {s.gaps.map((g) => {
            const examples = gapExamples(g);
            return (
              <li key={g.id} className="gap" data-testid={`gap-${g.id}`}>
                <div className="gap-title">{gapTitle(g)}</div>
                {examples && <div className="gap-examples">例如：{examples}</div>}
                <div className="next-step">下一步：{g.nextStep}</div>
              </li>
            );
          })}
        </ul>
      )}
    </li>
  );
}
