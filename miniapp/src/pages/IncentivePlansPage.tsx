/**
 * 激励方案 (HR, admins): every plan with its versions — what each pays, its dates and state. A new version starts
 * as a copy; drafts can be changed and published; a published version never changes.
 */
import { useCallback, useEffect, useState } from 'react';
import type { IncentivePlan, IncentivePlanVersion } from '@liucai/shared';
import Dialog from 'antd-mobile/es/components/dialog';
import Toast from 'antd-mobile/es/components/toast';
import { errorMessage } from '../api/client';
import { listIncentivePlans, publishPlanVersion } from '../api/payEndpoints';
import { PageLayout } from '../components/PageLayout';
import { LoadingCard, RetryCard } from '../components/LoadStates';
import { PlanCard } from '../pay/PlanCard';
import '../pay/pay.css';

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; plans: IncentivePlan[] };

export default function IncentivePlansPage() {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [focus, setFocus] = useState<number | null>(null);
  const load = useCallback(async () => {
    try {
      setState({ status: 'ready', plans: await listIncentivePlans() });
    } catch (err) {
      setState({ status: 'error', message: errorMessage(err) });
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const saved = (v: IncentivePlanVersion) => {
    setFocus(v.id);
    Toast.show({ icon: 'success', content: `第 ${v.version} 版草稿已保存` });
    void load();
  };
  const publish = async (v: IncentivePlanVersion) => {
    const ok = await Dialog.confirm({
      title: `发布第 ${v.version} 版？`,
      content: `发布后自 ${v.effectiveFrom} 起生效，且不能再修改（要调整请复制为新版本）。`,
      confirmText: '发布',
      cancelText: '取消',
    });
    if (!ok) return;
    try {
      const r = await publishPlanVersion(v.id);
      Toast.show({
        icon: 'success',
        content: r.superseded ? `已发布；第 ${r.superseded.version} 版于 ${r.superseded.effectiveTo ?? ''} 结束` : '已发布',
      });
      setFocus(v.id);
      void load();
    } catch (err) {
      await Dialog.alert({ title: '未能发布', content: errorMessage(err), confirmText: '知道了' });
    }
  };

  return (
    <PageLayout title="激励方案" testId="incentive-plans-page">
      <section className="card plans-intro">
        <p className="muted small">
          方案按版本生效：草稿可以修改，发布后不再改动，要调整请“复制为新版本”。同一方案各版本的生效期不能重叠；新版本发布后，长期有效的上一版在其生效前一天结束。金额精确到分，每一项按“四舍五入到分”只取整一次。
        </p>
      </section>
      {state.status === 'loading' && <LoadingCard lines={5} />}
      {state.status === 'error' && <RetryCard what="激励方案" message={state.message} onRetry={() => void load()} testId="plans-error" />}
      {state.status === 'ready' && state.plans.length === 0 && (
        <section className="card">
          <div className="empty-text">还没有激励方案</div>
        </section>
      )}
      {state.status === 'ready' && state.plans.map((p) => <PlanCard key={p.id} plan={p} focus={focus} onSaved={saved} onPublish={(v) => void publish(v)} />)}
    </PageLayout>
  );
}
