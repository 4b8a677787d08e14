/**
 * 员工档案 → 绩效: the person's newest KPI month (total, team linkage, every indicator, trend and promotion streak),
 * for whoever may open the page (the person, their supervisor, HR in scope). Someone else's read is audited.
 */
import { useEffect, useState } from 'react';
import type { KpiPersonView } from '@liucai/shared';
import Skeleton from 'antd-mobile/es/components/skeleton';
import { errorMessage } from '../api/client';
import { getPersonKpi } from '../api/kpiEndpoints';
import { KpiPersonCard } from './KpiPersonCard';
import './kpi.css';

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; person: KpiPersonView };

export function KpiTab({ userid }: { userid: string }) {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [period, setPeriod] = useState<string | undefined>(undefined);
  useEffect(() => {
    let live = true;
    getPersonKpi(userid, period).then(
      (person) => live && setState({ status: 'ready', person }),
      (err: unknown) => live && setState({ status: 'error', message: errorMessage(err) }),
    );
    return () => {
      live = false;
    };
  }, [userid, period]);

  if (state.status === 'loading') return <Skeleton.Paragraph lineCount={5} animated />;
  if (state.status === 'error') return <div className="inline-error">绩效加载失败：{state.message}</div>;
  return (
    <div className="tab-cards" data-testid="kpi-tab">
      <KpiPersonCard person={state.person} onPickMonth={setPeriod} />
    </div>
  );
}
