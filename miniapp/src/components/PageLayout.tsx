/** Frame of every signed-in page: title bar (outside DingTalk, whose own bar shows the title), content, tab bar. */
import type { ReactNode } from 'react';
import NavBar from 'antd-mobile/es/components/nav-bar';
import TabBar from 'antd-mobile/es/components/tab-bar';
import { isInDingTalk } from '../platform/dingtalk';
import { navigablePages } from '../router/access';
import { navigate, useHashRoute } from '../router/hashRoute';
import { useSession } from '../session/SessionContext';
import { PageIconFor } from './icons';
import { useNavBadges } from '../notify/useNavBadges';

export interface PageLayoutProps {
  title: string;
  right?: ReactNode;
  children: ReactNode;
  testId?: string;
}

/** Navigation id for a page path, e.g. `/org` → `nav-org`. */
export const navTestId = (path: string): string => `nav-${path.replace(/^\//, '') || 'home'}`;

export function PageLayout({ title, right, children, testId }: PageLayoutProps) {
  const { me } = useSession();
  const { path } = useHashRoute();
  const tabs = navigablePages(me.roles);
  const badgeFor = useNavBadges();
  return (
    <div className="app-page" data-testid={testId}>
      {!isInDingTalk() && (
        <NavBar className="app-navbar" backIcon={false} right={right} data-testid="page-title">
          {title}
        </NavBar>
      )}
      <main className="app-content">{children}</main>
      {tabs.length > 1 && (
        <nav className="app-tabbar">
          <TabBar activeKey={tabs.some((t) => t.path === path) ? path : null} onChange={(key) => navigate(key)} safeArea>
            {tabs.map((t) => (
              <TabBar.Item key={t.path} title={t.title} icon={<PageIconFor path={t.path} />} badge={badgeFor(t.path)} data-testid={navTestId(t.path)} />
            ))}
          </TabBar>
        </nav>
      )}
    </div>
  );
}
