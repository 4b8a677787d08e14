/**
 * 我的绩效 (everyone, own data only): this month's KPI by indicator (value, target, score, weight after the team
 * linkage), the trend over the months and the promotion streak, from what the nightly job stored.
 */
import { useCallback, useEffect, useState } from 'react';
import type { KpiPersonView } from '@liucai/shared';
import Button from 'antd-mobile/es/components/button';
import Skeleton from 'antd-mobile/es/components/skeleton';
import { errorMessage } from '../api/client';
import { getMyKpi } from '../api/kpiEndpoints';
import { PageLayout } from '../components/PageLayout';
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
      {state.status === 'loading' && (
        <section className="card">
          <Skeleton.Title animated />
          <Skeleton.Paragraph lineCount={5} animated />
        </section>
      )}
      {state.status === 'error' && (
        <section className="card">
          <div className="inline-error">我的绩效加载失败：{state.message}</div>
          <Button size="small" onClick={() => void load()}>
            重试
          </Button>
        </section>
      )}
      {state.status === 'ready' && <KpiPersonCard person={state.kpi} onPickMonth={setPeriod} />}
    </PageLayout>
  );
}
