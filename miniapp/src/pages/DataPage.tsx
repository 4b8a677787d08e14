/**
 * 数据 (HR/admin): first whether each source is complete and fresh and what to do next, with what it holds and its
 * gaps; then the month's DingTalk quota with a forecast; then the syncs themselves (start, progress, calls, duration).
 */
import { useCallback, useEffect, useState } from 'react';
import type { DataQuality } from '@liucai/shared';
import { errorMessage } from '../api/client';
import { getDataQuality } from '../api/endpoints';
import { PageLayout } from '../components/PageLayout';
import { BudgetCard } from '../dataQuality/BudgetCard';
import { SourcesCard } from '../dataQuality/SourcesCard';
import { SyncCard } from '../org/SyncCard';
import { DATA_SYNC_KINDS } from '../org/syncStatus';

type QualityState = { status: 'loading' } | { status: 'ready'; quality: DataQuality } | { status: 'error'; message: string };

export default function DataPage() {
  const [state, setState] = useState<QualityState>({ status: 'loading' });

  /** `quiet` keeps what is shown while reloading (after a sync ended); a failed quiet reload keeps the old data. */
  const load = useCallback(async (quiet = false) => {
    if (!quiet) setState({ status: 'loading' });
    try {
      const quality = await getDataQuality();
      setState({ status: 'ready', quality });
    } catch (err) {
      const message = errorMessage(err);
      setState((s) => (quiet && s.status === 'ready' ? s : { status: 'error', message }));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const quality = state.status === 'ready' ? state.quality : null;
  const error = state.status === 'error' ? state.message : null;
  const retry = () => void load();

  return (
    <PageLayout title="数据" testId="data-page">
      <div className="data-layout">
        <div className="data-main">
          <SourcesCard quality={quality} error={error} onRetry={retry} />
        </div>
        <div className="data-side">
          <BudgetCard budget={quality?.budget ?? null} error={error} onRetry={retry} />
          <div className="section-title">同步操作与记录</div>
          {DATA_SYNC_KINDS.map((kind) => (
            <SyncCard key={kind} kind={kind} onEnded={() => void load(true)} />
          ))}
        </div>
      </div>
    </PageLayout>
  );
}
