/**
 * 岗位模型 (HR, admins): every job model with its versions and dimensions. A new version starts as a copy; drafts
 * are edited with live weight validation and a live preview, previewed against everyone's stored portrait (old
 * score → new score and why), then published; publishing recomputes this month's scores in the background.
 */
import { useCallback, useEffect, useState } from 'react';
import { zh, type JobModelVersionView, type JobModelView } from '@liucai/shared';
import Dialog from 'antd-mobile/es/components/dialog';
import Toast from 'antd-mobile/es/components/toast';
import { errorMessage } from '../api/client';
import { getJobModelImpact, listJobModels, publishJobModelVersion } from '../api/talentEndpoints';
import { PageLayout } from '../components/PageLayout';
import { MetricReferenceEditor } from '../talent/MetricReferenceEditor';
import { LoadingCard, RetryCard } from '../components/LoadStates';
import { JobModelCard } from '../talent/JobModelCard';
import '../pay/pay.css';
import '../talent/talent.css';

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; models: JobModelView[] };

export default function JobModelsPage() {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [focus, setFocus] = useState<number | null>(null);
  const load = useCallback(async () => {
    try {
      setState({ status: 'ready', models: await listJobModels() });
    } catch (err) {
      setState({ status: 'error', message: errorMessage(err) });
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const saved = (v: JobModelVersionView) => {
    setFocus(v.id);
    Toast.show({ icon: 'success', content: `第 ${v.version} 版草稿已保存` });
    void load();
  };
  const publish = async (v: JobModelVersionView) => {
    // Say what publishing does to people's scores before it is done.
    const effect = await getJobModelImpact(v.id).then(
      ({ summary: s }) =>
        `按最新画像，${s.people} 人中 ${s.changed} 人匹配度变化（升 ${s.up}，降 ${s.down}），${s.tierMoves.reduce((n, m) => n + m.people, 0)} 人档位变化。`,
      () => '',
    );
    const ok = await Dialog.confirm({
      title: `发布第 ${v.version} 版？`,
      content: zh`${effect}发布后自 ${v.effectiveFrom} 起生效，且不能再修改（要调整请复制为新版本）；本月匹配度将在后台重新计算。`,
      confirmText: '发布',
      cancelText: '取消',
    });
    if (!ok) return;
    try {
      const r = await publishJobModelVersion(v.id);
      Toast.show({ icon: 'success', content: r.superseded ? `已发布；第 ${r.superseded.version} 版于 ${r.superseded.effectiveTo ?? ''} 结束` : '已发布' });
      setFocus(v.id);
      void load();
    } catch (err) {
      await Dialog.alert({ title: '未能发布', content: errorMessage(err), confirmText: '知道了' });
    }
  };

  return (
    <PageLayout title="岗位模型" testId="job-models-page">
      {state.status === 'loading' && <LoadingCard lines={5} />}
      {state.status === 'error' && <RetryCard what="岗位模型" message={state.message} onRetry={() => void load()} />}
      {state.status === 'ready' && (
        <>
          <section className="card plans-intro">
            <p className="muted small">
              岗位模型规定匹配度怎样计算：每个维度从一项画像指标或测评得分按规则折算成 0–100 分，再按权重（合计恰好
              100%）加总。已发布的版本不再修改；要调整，复制为新版本，修改后先看“影响预览”（每个人的匹配度怎样变、为什么），再发布。
            </p>
          </section>
          {state.models.map((m) => (
            <JobModelCard key={m.id} model={m} focus={focus} onSaved={saved} onPublish={(v) => void publish(v)} />
          ))}
          <MetricReferenceEditor />
        </>
      )}
    </PageLayout>
  );
}
