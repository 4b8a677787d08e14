/**
 * 我的绩效 (everyone, own data only): this month's KPI by indicator (value, target, score, weight after the team
 * linkage), the trend over the months and the promotion streak, from what the nightly job stored.
 */
import { useCallback, useEffect, useState } from 'react';
import type { KpiPersonView } from '@liucai/shared';
import { errorMessage } from '../api/client';
import { getMyKpi } from '../api/kpiEndpoints';
import { PageLayout } from '../components/PageLayout';
import { LoadingCard, RetryCard } from '../components/LoadStates';
import { KpiPersonCard } from '../kpi/KpiPersonCard';
import '../kpi/kpi.css';

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; kpi: KpiPersonView };

export default function MyKpiPage() {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [period, setPeriod] = useState<string | undefined>(undefined);
  const load = useCallback(async () => {
    try {
      setState({ status: 'ready', kpi: await getMyKpi(period) });
    } catch (err) {
      setState({ status: 'error', message: errorMessage(err) });
    }
  }, [period]);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <PageLayout title="我的绩效" testId="my-kpi-page">
      {state.status === 'loading' && <LoadingCard lines={5} />}
      {state.status === 'error' && <RetryCard what="我的绩效" message={state.message} onRetry={() => void load()} />}
      {state.status === 'ready' && <KpiPersonCard person={state.kpi} onPickMonth={setPeriod} />}
    </PageLayout>
  );
}
