/**
 * The navigation's badges: the unread count on 消息. Polled once a minute and refreshed when a page announces a
 * change (markedRead), so the badge code stays in one place whatever shell draws the navigation.
 */
import { useCallback, useEffect, useState } from 'react';
import { getUnreadCount } from './notifyApi';

const CHANGED = 'liucai:unread-changed';
const MESSAGES_PATH = '/messages';

/** Tell the navigation the unread count changed (after marking messages read). */
export function announceUnreadChanged(): void {
  window.dispatchEvent(new Event(CHANGED));
}

/** Badge text for a navigation entry (antd-mobile TabBar `badge`), or undefined. */
export function badgeText(unread: number): string | undefined {
  if (unread <= 0) return undefined;
  return unread > 99 ? '99+' : String(unread);
}

/** A function giving each navigation path its badge. */
export function useNavBadges(): (path: string) => string | undefined {
  const [unread, setUnread] = useState(0);
  const load = useCallback(() => {
    getUnreadCount()
      .then((r) => setUnread(r.unread))
      .catch(() => undefined);
  }, []);
  useEffect(() => {
    load();
    const t = window.setInterval(load, 60_000);
    window.addEventListener(CHANGED, load);
    return () => {
      window.clearInterval(t);
      window.removeEventListener(CHANGED, load);
    };
  }, [load]);
  return (path) => (path === MESSAGES_PATH ? badgeText(unread) : undefined);
}
