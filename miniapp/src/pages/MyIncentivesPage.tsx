/**
 * 我的激励: my plan (what it pays, since when), 试算 — what a contract would earn, line by line, vs the old plan — and
 * 激励明细: my published statements, line by line, with disputes.
 */
import Tag from 'antd-mobile/es/components/tag';
import { getMyIncentives } from '../api/payEndpoints';
import { PageLayout } from '../components/PageLayout';
import { LoadingCard, RetryCard } from '../components/LoadStates';
import { useLoaded } from '../components/useLoaded';
import { PlanRules } from '../pay/PlanRules';
import { SimulatorCard } from '../pay/SimulatorCard';
import { StatementsCard } from '../pay/StatementsCard';
import '../pay/pay.css';

export default function MyIncentivesPage() {
  const { state, reload: load } = useLoaded(getMyIncentives);

  return (
    <PageLayout title="我的激励" testId="my-incentives-page">
      {state.status === 'loading' && <LoadingCard lines={4} />}
      {state.status === 'error' && <RetryCard what="激励方案" message={state.message} onRetry={() => void load()} testId="my-incentives-error" />}
      {state.status === 'ready' && !state.data.current && (
        <section className="card" data-testid="no-plan">
          <div className="empty-text">
            你目前没有生效的激励方案。
            <br />
            方案由 HR 按职位或个人分配，分配后可在这里试算每份合同能拿多少。
          </div>
        </section>
      )}
      {state.status === 'ready' && state.data.current && (
        <>
          <section className="card" data-testid="my-plan">
            <div className="card-head">
              <h2 data-testid="my-plan-name">{state.data.current.plan.name}</h2>
              <Tag color="primary" fill="outline">
                第 {state.data.current.version.version} 版
              </Tag>
            </div>
            <div className="muted small plan-since" data-testid="my-plan-since">
              {state.data.current.assignment.effectiveFrom} 起适用
              {state.data.current.assignment.via === 'job' ? `（按职位“${state.data.current.assignment.jobTitle ?? ''}”分配）` : '（个人分配）'}
              {state.data.previous ? `，此前为“${state.data.previous.plan.name}”` : ''}
            </div>
            <PlanRules definition={state.data.current.version.definition} testId="my-plan-rules" />
          </section>
          <StatementsCard />
          <SimulatorCard current={state.data.current} previous={state.data.previous} />
        </>
      )}
      {state.status === 'ready' && !state.data.current && <StatementsCard />}
    </PageLayout>
  );
}
