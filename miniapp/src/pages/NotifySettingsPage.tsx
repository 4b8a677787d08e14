/** 通知设置 (admins): the notification settings in force, the month's metered calls, what waits, and a test message. */
import { useCallback, useEffect, useState } from 'react';
import type { NotificationSettingsView } from '@liucai/shared';
import Button from 'antd-mobile/es/components/button';
import ErrorBlock from 'antd-mobile/es/components/error-block';
import Skeleton from 'antd-mobile/es/components/skeleton';
import Toast from 'antd-mobile/es/components/toast';
import { errorMessage } from '../api/client';
import { PageLayout } from '../components/PageLayout';
import { getNotifySettings, sendTestNotification } from '../notify/notifyApi';
import { navigate } from '../router/hashRoute';
import { formatCount } from '../util/format';

type State = { status: 'loading' } | { status: 'ready'; s: NotificationSettingsView } | { status: 'error'; message: string };

export default function NotifySettingsPage() {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [sending, setSending] = useState(false);
  const load = useCallback(async () => {
    try {
      setState({ status: 'ready', s: await getNotifySettings() });
    } catch (err) {
      setState({ status: 'error', message: errorMessage(err) });
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const test = async () => {
    setSending(true);
    try {
      await sendTestNotification();
      Toast.show({ icon: 'success', content: '测试通知已发出，请在钉钉“工作通知”中查看' });
    } catch (err) {
      Toast.show({ icon: 'fail', content: errorMessage(err) });
    } finally {
      setSending(false);
    }
  };

  const s = state.status === 'ready' ? state.s : null;
  return (
    <PageLayout title="通知设置" testId="notify-settings-page">
      <section className="card">
        <div className="card-head">
          <h2>测试</h2>
          <Button color="primary" size="small" loading={sending} onClick={() => void test()} data-testid="send-test">
            发送测试通知
          </Button>
        </div>
        <p className="muted small">给自己发一条钉钉工作通知，确认应用的 AgentId 与发送权限已配置好（不受免打扰时段限制）。</p>
      </section>

      {state.status === 'loading' && (
        <section className="card">
          <Skeleton.Paragraph lineCount={6} animated />
        </section>
      )}
      {state.status === 'error' && (
        <section className="card">
          <ErrorBlock status="default" title="加载失败" description={state.message}>
            <Button color="primary" size="small" onClick={() => void load()}>
              重试
            </Button>
          </ErrorBlock>
        </section>
      )}
      {s && (
        <>
          <section className="card" data-testid="notify-settings">
            <div className="card-head">
              <h2>发送规则</h2>
            </div>
            <dl className="settings-rows">
              <dt>应用 AgentId</dt>
              <dd>{s.agentId ?? '沙箱（演示）'}</dd>
              <dt>免打扰时段</dt>
              <dd>{s.quietHours === '关闭' ? '关闭' : `${s.quietHours}（非紧急通知早上再发）`}</dd>
              <dt>周末免打扰</dt>
              <dd>{s.quietWeekends ? '是' : '否'}</dd>
              <dt>每日摘要</dt>
              <dd>每天 {s.digestTime} 合并发送</dd>
              <dt>每人每日上限</dt>
              <dd>{s.dailyCap} 条（钉钉上限 500 条，超出会被静默丢弃）</dd>
              <dt>每分钟接收人数</dt>
              <dd>{formatCount(s.recipientsPerMinute)} 人（钉钉上限 5,000 人）</dd>
              <dt>链接形式</dt>
              <dd>
                {s.linkForm === 'dingtalk' ? '钉钉内打开（dingtalk://…&pc_slide=true）' : '网页链接（https://…）'}
                <div className="muted small">{s.linkExample}</div>
              </dd>
              <dt>钉钉回执</dt>
              <dd>{s.readback ? `发送 ${s.readbackDelayMinutes} 分钟后读取送达与已读` : '不读取'}</dd>
            </dl>
            <p className="muted small">以上设置由服务器的 NOTIFY_* 环境变量配置。</p>
          </section>
          <section className="card" data-testid="notify-budget">
            <div className="card-head">
              <h2>本月钉钉调用额度</h2>
            </div>
            <p>
              {s.budget.month}：已用 {formatCount(s.budget.used)} / {formatCount(s.budget.limit)} 次，剩余 {formatCount(s.budget.left)} 次
            </p>
            <p className="muted small">工作通知、回执与撤回都计入计量调用，与数据同步共用额度；额度用完时通知会推迟到下月并注明原因。</p>
            {s.budget.left === 0 && <div className="inline-note">本月额度已用完：通知将推迟到下月初发送。</div>}
          </section>
          <section className="card" data-testid="notify-waiting">
            <div className="card-head">
              <h2>待处理</h2>
              <Button size="small" fill="outline" onClick={() => navigate('/notify-log')}>
                查看通知记录
              </Button>
            </div>
            <div className="stat-grid">
              <div className="stat">
                <div className="stat-value">{s.waiting.pending}</div>
                <div className="stat-label">待发送</div>
              </div>
              <div className="stat">
                <div className="stat-value">{s.waiting.deferred}</div>
                <div className="stat-label">已推迟</div>
              </div>
              <div className="stat">
                <div className="stat-value">{s.waiting.failed}</div>
                <div className="stat-label">发送失败</div>
              </div>
              <div className="stat">
                <div className="stat-value">{s.waiting.unconfirmed}</div>
                <div className="stat-label">结果未知</div>
              </div>
            </div>
          </section>
        </>
      )}
    </PageLayout>
  );
}
