/** 消息: every notification the person was sent, whatever DingTalk did with it; mark read, open the linked page. */
import { useCallback, useEffect, useState } from 'react';
import type { MyNotification } from '@liucai/shared';
import Button from 'antd-mobile/es/components/button';
import ErrorBlock from 'antd-mobile/es/components/error-block';
import Skeleton from 'antd-mobile/es/components/skeleton';
import Tag from 'antd-mobile/es/components/tag';
import Toast from 'antd-mobile/es/components/toast';
import { errorMessage } from '../api/client';
import { PageLayout } from '../components/PageLayout';
import { getMyNotifications, markAllRead, markRead } from '../notify/notifyApi';
import { announceUnreadChanged } from '../notify/useNavBadges';
import { openRoute } from '../notify/openRoute';
import { navigate } from '../router/hashRoute';
import { useSession } from '../session/SessionContext';
import { formatRelative } from '../util/format';

type State =
  { status: 'loading' } | { status: 'ready'; items: MyNotification[]; unread: number; nextBefore: number | null } | { status: 'error'; message: string };

export default function MessagesPage() {
  const { me } = useSession();
  const [state, setState] = useState<State>({ status: 'loading' });
  const [more, setMore] = useState(false);

  const load = useCallback(async () => {
    try {
      const page = await getMyNotifications();
      setState({ status: 'ready', ...page });
    } catch (err) {
      setState({ status: 'error', message: errorMessage(err) });
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const setRead = (ids: number[] | 'all') =>
    setState((s) =>
      s.status !== 'ready'
        ? s
        : {
            ...s,
            items: s.items.map((i) => (ids === 'all' || ids.includes(i.id) ? { ...i, read: true } : i)),
            unread: ids === 'all' ? 0 : Math.max(0, s.unread - s.items.filter((i) => ids.includes(i.id) && !i.read).length),
          },
    );

  const open = async (item: MyNotification) => {
    if (!item.read) {
      try {
        await markRead(item.id);
        setRead([item.id]);
        announceUnreadChanged();
      } catch (err) {
        Toast.show({ icon: 'fail', content: errorMessage(err) });
        return;
      }
    }
    if (item.route) openRoute(item.route);
  };

  const readAll = async () => {
    try {
      await markAllRead();
      setRead('all');
      announceUnreadChanged();
    } catch (err) {
      Toast.show({ icon: 'fail', content: errorMessage(err) });
    }
  };

  const loadMore = async () => {
    if (state.status !== 'ready' || state.nextBefore === null) return;
    setMore(true);
    try {
      const page = await getMyNotifications(state.nextBefore);
      setState({ ...state, items: [...state.items, ...page.items], nextBefore: page.nextBefore });
    } catch (err) {
      Toast.show({ icon: 'fail', content: errorMessage(err) });
    } finally {
      setMore(false);
    }
  };

  const hrOrAdmin = me.roles.includes('hr') || me.roles.includes('admin');
  return (
    <PageLayout title="消息" testId="messages-page">
      <section className="card">
        <div className="card-head">
          <h2>
            我的消息
            {state.status === 'ready' && state.unread > 0 && <span className="unread-count" data-testid="unread-count">{` ${state.unread} 条未读`}</span>}
          </h2>
          <Button size="small" disabled={state.status !== 'ready' || state.unread === 0} onClick={() => void readAll()} data-testid="read-all">
            全部已读
          </Button>
        </div>
        <p className="muted small">留才发给你的每条钉钉工作通知都在这里，即使钉钉没有送达也不会错过。</p>
        {hrOrAdmin && (
          <div className="message-links">
            <Button size="small" fill="outline" color="primary" onClick={() => navigate('/notify-log')} data-testid="open-notify-log">
              通知记录
            </Button>
            {me.roles.includes('admin') && (
              <Button size="small" fill="outline" onClick={() => navigate('/notify-settings')} data-testid="open-notify-settings">
                通知设置
              </Button>
            )}
          </div>
        )}
      </section>

      <section className="card message-list" data-testid="message-list">
        {state.status === 'loading' && <Skeleton.Paragraph lineCount={5} animated />}
        {state.status === 'error' && (
          <ErrorBlock status="default" title="加载失败" description={state.message}>
            <Button color="primary" size="small" onClick={() => void load()}>
              重试
            </Button>
          </ErrorBlock>
        )}
        {state.status === 'ready' && state.items.length === 0 && <div className="empty-text">还没有消息</div>}
        {state.status === 'ready' &&
          state.items.map((item) => (
            <button
              type="button"
              key={item.id}
              className={`message-item${item.read ? '' : ' unread'}${item.recalled ? ' recalled' : ''}`}
              onClick={() => void open(item)}
              data-testid="message-item"
            >
              <span className="message-dot" aria-label={item.read ? '已读' : '未读'} />
              <span className="message-main">
                <span className="message-title">{item.title}</span>
                {item.body && <span className="message-body">{item.body}</span>}
                <span className="message-meta">
                  <Tag color={item.recalled ? 'default' : 'primary'} fill="outline">
                    {item.kindLabel}
                  </Tag>
                  <span>{formatRelative(item.createdAt)}</span>
                  {item.route && <span className="link">查看详情 ›</span>}
                </span>
              </span>
            </button>
          ))}
        {state.status === 'ready' && state.nextBefore !== null && (
          <Button block fill="none" loading={more} onClick={() => void loadMore()}>
            加载更多
          </Button>
        )}
      </section>
    </PageLayout>
  );
}
