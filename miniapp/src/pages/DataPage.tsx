/** 数据 (HR/admin): this month's metered DingTalk calls, the attendance/leave/departure syncs and data quality. */
import { useCallback, useEffect, useState } from 'react';
import type { DataQuality } from '@liucai/shared';
import { errorMessage } from '../api/client';
import { getDataQuality } from '../api/endpoints';
import { PageLayout } from '../components/PageLayout';
import { BudgetCard } from '../dataQuality/BudgetCard';
import { QualityCard } from '../dataQuality/QualityCard';
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
      <BudgetCard budget={quality?.budget ?? null} error={error} onRetry={retry} />
      <div className="section-title">钉钉数据同步</div>
      {DATA_SYNC_KINDS.map((kind) => (
        <SyncCard key={kind} kind={kind} onEnded={() => void load(true)} />
      ))}
      <QualityCard sources={quality?.sources ?? null} error={error} onRetry={retry} />
    </PageLayout>
  );
}
