/**
 * Frame of every signed-in page. Phone: title bar (outside DingTalk, whose own bar shows the title), content, tab bar.
 * PC (≥ 1024 px, as DingTalk on PC opens the micro-app): a side navigation with the pages the role may open, and
 * content that uses the width on HR pages (pages only HR and admins open) and stays a readable column elsewhere.
 */
import { useState, type ReactNode } from 'react';
import { ROLE_LABELS } from '@liucai/shared';
import NavBar from 'antd-mobile/es/components/nav-bar';
import TabBar from 'antd-mobile/es/components/tab-bar';
import Popup from 'antd-mobile/es/components/popup';
import { isInDingTalk } from '../platform/dingtalk';
import { findPage, navigablePages, phoneTabs } from '../router/access';
import { hrefFor, navigate, useHashRoute } from '../router/hashRoute';
import { useSession } from '../session/SessionContext';
import { MoreIcon, PageIconFor } from './icons';
import { useNavBadges } from '../notify/useNavBadges';
import { UserAvatar } from './UserAvatar';
import { useWideScreen } from './useWideScreen';

export interface PageLayoutProps {
  title: string;
  right?: ReactNode;
  children: ReactNode;
  testId?: string;
  /** Show a back arrow (pages reached from another, such as a person's page). */
  back?: boolean;
  /**
   * Content width on PC: `wide` uses the window (tables), `narrow` keeps a readable column. Default: wide for pages
   * only HR and admins may open, narrow for the others.
   */
  width?: 'wide' | 'narrow';
}

/** Navigation id for a page path, e.g. `/org` → `nav-org` (tab bar and side navigation alike). */
export const navTestId = (path: string): string => `nav-${path.replace(/^\//, '') || 'home'}`;

/** Pages only HR and admins open are HR pages: they get the width on PC. */
function isHrPage(path: string): boolean {
  const roles = findPage(path)?.roles ?? [];
  return roles.length > 0 && roles.every((r) => r === 'hr' || r === 'admin');
}

function goBack() {
  if (window.history.length > 1) window.history.back();
  else navigate('/me');
}

export function PageLayout({ title, right, children, testId, back, width }: PageLayoutProps) {
  const { me } = useSession();
  const { path } = useHashRoute();
  const wideScreen = useWideScreen();
  const badgeFor = useNavBadges();
  const [moreOpen, setMoreOpen] = useState(false);
  const pages = navigablePages(me.roles);
  const wide = (width ?? (isHrPage(path) ? 'wide' : 'narrow')) === 'wide';
  const titleBar = !isInDingTalk() && (
    <NavBar className="app-navbar" backIcon={back ? undefined : false} onBack={back ? goBack : undefined} right={right} data-testid="page-title">
      {title}
    </NavBar>
  );

  const { tabs, more, last } = phoneTabs(pages);
  const MORE = '__more';
  const bar = [...tabs, ...(more.length > 0 ? [null] : []), ...last];
  const active = tabs.some((t) => t.path === path) || last.some((t) => t.path === path) ? path : more.some((t) => t.path === path) ? MORE : null;
  // One tree at every width: the page (children) keeps its place, so crossing 1024 px (a PC window resized, or a
  // browser resizing the window for a moment) never remounts it and loses what the user was editing.
  return (
    <div className={wideScreen ? 'app-shell' : 'app-page'} data-testid={testId}>
      {wideScreen && (
        <aside className="app-sidenav" data-testid="side-nav">
          <div className="sidenav-brand">
            <span className="sidenav-logo" aria-hidden>
              留
            </span>
            <span className="sidenav-brand-text">
              <strong>留才</strong>
              <span className="muted small">{me.corpName}</span>
            </span>
          </div>
          <nav className="sidenav-links" aria-label="页面">
            {pages.map((p) => (
              <a key={p.path} href={hrefFor(p.path)} className={`sidenav-link${p.path === path ? ' active' : ''}`} data-testid={navTestId(p.path)}>
                <PageIconFor path={p.path} size={20} />
                <span>{p.title}</span>
                {badgeFor(p.path) && <span className="sidenav-badge">{badgeFor(p.path)}</span>}
              </a>
            ))}
          </nav>
          <a className="sidenav-user" href={hrefFor('/me')} data-testid="side-nav-user">
            <UserAvatar name={me.name} src={me.avatar} seed={me.userid} size={32} />
            <span className="sidenav-user-text">
              <strong>{me.name}</strong>
              <span className="muted small">{me.roles.map((r) => ROLE_LABELS[r]).join('、')}</span>
            </span>
          </a>
        </aside>
      )}
      <div className="app-main">
        {titleBar}
        <main className={wideScreen ? `app-content ${wide ? 'app-content-wide' : 'app-content-narrow'}` : 'app-content'}>{children}</main>
      </div>
      {!wideScreen && pages.length > 1 && (
        <nav className="app-tabbar">
          <TabBar activeKey={active} onChange={(key) => (key === MORE ? setMoreOpen(true) : navigate(key))} safeArea>
            {bar.map((t) =>
              t ? (
                <TabBar.Item key={t.path} title={t.title} icon={<PageIconFor path={t.path} />} badge={badgeFor(t.path)} data-testid={navTestId(t.path)} />
              ) : (
                <TabBar.Item key={MORE} title="更多" icon={<MoreIcon />} data-testid="nav-more" />
              ),
            )}
          </TabBar>
        </nav>
      )}
      {!wideScreen && more.length > 0 && (
        <Popup visible={moreOpen} onMaskClick={() => setMoreOpen(false)} onClose={() => setMoreOpen(false)} bodyClassName="more-sheet">
          <div className="more-sheet-title">更多</div>
          <div className="more-sheet-grid" data-testid="more-sheet">
            {more.map((p) => (
              <a
                key={p.path}
                href={hrefFor(p.path)}
                className={`more-sheet-item${p.path === path ? ' active' : ''}`}
                data-testid={`more-${navTestId(p.path).replace(/^nav-/, '')}`}
                onClick={() => setMoreOpen(false)}
              >
                <PageIconFor path={p.path} size={24} />
                <span>{p.title}</span>
              </a>
            ))}
          </div>
        </Popup>
      )}
    </div>
  );
}
