/** 通知记录 (HR, admins): what was sent to whom, when, its status and read-back, why something waits, and recall. */
import { useCallback, useEffect, useState } from 'react';
import { NOTIFICATION_STATUS_LABELS, type NotificationLogEntry, type NotificationLogPage, type NotificationStatus } from '@liucai/shared';
import Button from 'antd-mobile/es/components/button';
import Dialog from 'antd-mobile/es/components/dialog';
import ErrorBlock from 'antd-mobile/es/components/error-block';
import Skeleton from 'antd-mobile/es/components/skeleton';
import Tag from 'antd-mobile/es/components/tag';
import Toast from 'antd-mobile/es/components/toast';
import { errorMessage } from '../api/client';
import { PageLayout } from '../components/PageLayout';
import { getNotificationLog, recallSend } from '../notify/notifyApi';
import { formatDateTime } from '../util/format';

type State = { status: 'loading' } | { status: 'ready'; page: NotificationLogPage } | { status: 'error'; message: string };

const FILTERS: (NotificationStatus | null)[] = [null, 'sent', 'pending', 'deferred', 'failed', 'unconfirmed', 'recalled'];
const STATUS_COLORS: Record<NotificationStatus, string> = {
  pending: 'default',
  deferred: 'warning',
  sending: 'primary',
  sent: 'success',
  unconfirmed: 'warning',
  failed: 'danger',
  recalled: 'default',
};

/** When it happened, in the words that fit its status. */
function when(e: NotificationLogEntry): string {
  if (e.sentAt) return `发送于 ${formatDateTime(e.sentAt)}`;
  if (e.status === 'pending' || e.status === 'deferred') return `预计 ${formatDateTime(e.notBefore)} 发送`;
  return `记录于 ${formatDateTime(e.createdAt)}`;
}

function detailClass(e: NotificationLogEntry): string {
  if (e.status === 'failed' || e.delivery === 'forbidden' || e.delivery === 'invalid' || e.delivery === 'failed') return 'log-detail bad';
  if (e.status === 'deferred' || e.status === 'unconfirmed') return 'log-detail warn';
  return 'log-detail';
}

export default function NotifyLogPage() {
  const [filter, setFilter] = useState<NotificationStatus | null>(null);
  const [state, setState] = useState<State>({ status: 'loading' });

  const load = useCallback(async (f: NotificationStatus | null) => {
    setState({ status: 'loading' });
    try {
      setState({ status: 'ready', page: await getNotificationLog(f ?? undefined) });
    } catch (err) {
      setState({ status: 'error', message: errorMessage(err) });
    }
  }, []);
  useEffect(() => {
    void load(filter);
  }, [load, filter]);

  const more = async () => {
    if (state.status !== 'ready' || state.page.nextBefore === null) return;
    try {
      const next = await getNotificationLog(filter ?? undefined, state.page.nextBefore);
      setState({ status: 'ready', page: { ...next, items: [...state.page.items, ...next.items] } });
    } catch (err) {
      Toast.show({ icon: 'fail', content: errorMessage(err) });
    }
  };

  const recall = async (e: NotificationLogEntry) => {
    const n = e.recipientsInSend ?? 1;
    const ok = await Dialog.confirm({
      title: '撤回通知',
      content:
        n > 1
          ? `这条通知与另外 ${n - 1} 人的同一条消息一起发出，撤回将从全部 ${n} 人的钉钉中撤回。确定撤回吗？`
          : `确定从“${e.recipient.name ?? '此人'}”的钉钉中撤回这条通知吗？`,
      confirmText: '撤回',
      cancelText: '取消',
    });
    if (!ok || e.sendId === null) return;
    try {
      const r = await recallSend(e.sendId);
      Toast.show({ icon: 'success', content: `已撤回 ${r.recalled} 条` });
      await load(filter);
    } catch (err) {
      Toast.show({ icon: 'fail', content: errorMessage(err) });
    }
  };

  const counts = state.status === 'ready' ? state.page.counts : null;
  const total = counts ? Object.values(counts).reduce((a, b) => a + b, 0) : null;
  return (
    <PageLayout title="通知记录" testId="notify-log-page">
      <section className="card">
        <div className="card-head">
          <h2>通知记录</h2>
        </div>
        <p className="muted small">你负责范围内员工收到的通知：发送状态、钉钉回执，以及推迟发送的原因。</p>
        <div className="log-filters" data-testid="log-filters">
          {FILTERS.map((f) => (
            <Button
              key={f ?? 'all'}
              size="mini"
              color={filter === f ? 'primary' : 'default'}
              fill={filter === f ? 'solid' : 'outline'}
              onClick={() => setFilter(f)}
            >
              {f ? NOTIFICATION_STATUS_LABELS[f] : '全部'}
              {counts ? ` ${f ? counts[f] : total}` : ''}
            </Button>
          ))}
        </div>
      </section>
      <section className="card" data-testid="log-list">
        {state.status === 'loading' && <Skeleton.Paragraph lineCount={6} animated />}
        {state.status === 'error' && (
          <ErrorBlock status="default" title="加载失败" description={state.message}>
            <Button color="primary" size="small" onClick={() => void load(filter)}>
              重试
            </Button>
          </ErrorBlock>
        )}
        {state.status === 'ready' && state.page.items.length === 0 && <div className="empty-text">没有通知记录</div>}
        {state.status === 'ready' &&
          state.page.items.map((e) => (
            <div className="log-item" key={e.id} data-testid="log-item">
              <div className="log-head">
                <div className="log-title">{e.title}</div>
                <Tag color={STATUS_COLORS[e.status]}>{e.statusLabel}</Tag>
              </div>
              <div className="log-sub">
                <span>{e.recipient.name ?? '未同步的员工'}</span>
                <span>{e.kindLabel}</span>
                <span>{e.urgency === 'digest' ? '每日摘要' : '即时'}</span>
                <span>{when(e)}</span>
                {e.readInApp && <span>已在留才中阅读</span>}
              </div>
              {e.detail && <div className={detailClass(e)}>{e.detail}</div>}
              {e.canRecall && (
                <Button size="mini" fill="outline" color="danger" style={{ marginTop: 8 }} onClick={() => void recall(e)} data-testid="recall">
                  撤回
                </Button>
              )}
            </div>
          ))}
        {state.status === 'ready' && state.page.nextBefore !== null && (
          <Button block fill="none" onClick={() => void more()}>
            加载更多
          </Button>
        )}
      </section>
    </PageLayout>
  );
}
