/**
 * The micro-app shell: checks the session, routes by hash, gates pages by the roles in app.json and
 * lazy-loads each signed-in page.
 */
import { Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import type { Me } from '@liucai/shared';
import Button from 'antd-mobile/es/components/button';
import Result from 'antd-mobile/es/components/result';
import { api, errorMessage, isUnauthenticated } from './api/client';
import { getMe, signOut as apiSignOut } from './api/endpoints';
import { Brand } from './components/Brand';
import { ErrorBoundary } from './components/ErrorBoundary';
import { PageLoading } from './components/PageLoading';
import { Redirect } from './components/Redirect';
import { setDingTalkTitle } from './platform/dingtalk';
import { decideRoute, findPage } from './router/access';
import { navigate, useHashRoute } from './router/hashRoute';
import { manifest } from './router/manifest';
import { ForbiddenPage, pageComponents } from './router/pages';
import { SessionContext, type SessionValue } from './session/SessionContext';
import { corpIdFromSearch } from './session/corpId';
import { SignInPage } from './pages/SignInPage';

type SessionState = { status: 'loading' } | { status: 'signedIn'; me: Me } | { status: 'signedOut' } | { status: 'error'; message: string };

/** A `next` route worth returning to after sign-in (a known, non-public page), else home. */
function afterSignIn(next: string | null): string {
  const page = next ? findPage(next) : undefined;
  return page && page.roles.length > 0 ? page.path : manifest.home;
}

export function App() {
  const route = useHashRoute();
  const [session, setSession] = useState<SessionState>({ status: 'loading' });

  const load = useCallback(async () => {
    try {
      const me = await getMe();
      // Opened for another organisation than the session's (user switched corp in DingTalk): sign in again.
      const urlCorp = corpIdFromSearch(window.location.search);
      setSession(urlCorp && urlCorp !== me.corpId ? { status: 'signedOut' } : { status: 'signedIn', me });
    } catch (err) {
      setSession(isUnauthenticated(err) ? { status: 'signedOut' } : { status: 'error', message: errorMessage(err) });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  // Any API call answering 401 (expired session) sends the user back to sign-in.
  useEffect(() => api.onUnauthenticated(() => setSession((s) => (s.status === 'signedIn' ? { status: 'signedOut' } : s))), []);

  const page = findPage(route.path);
  useEffect(() => {
    const title = page?.title;
    document.title = title ? `${title} · ${manifest.name}` : manifest.name;
    if (title) setDingTalkTitle(title);
  }, [page?.title]);

  const sessionValue = useMemo<SessionValue | null>(() => {
    if (session.status !== 'signedIn') return null;
    return {
      me: session.me,
      refresh: load,
      async signOut() {
        try {
          await apiSignOut();
        } finally {
          setSession({ status: 'signedOut' });
          // `manual`: inside DingTalk, don't sign straight back in.
          navigate(manifest.signIn, { query: { manual: '1' } });
        }
      },
    };
  }, [session, load]);

  if (route.path === manifest.signIn) {
    const next = route.query.get('next');
    return (
      <SignInPage
        manual={route.query.get('manual') === '1'}
        onSignedIn={(me) => {
          setSession({ status: 'signedIn', me });
          navigate(afterSignIn(next), { replace: true });
        }}
      />
    );
  }

  if (session.status === 'loading') return <PageLoading />;
  if (session.status === 'error') {
    return (
      <div className="signin-page">
        <Brand />
        <div className="card" data-testid="boot-error">
          <Result status="error" title="无法连接留才服务" description={session.message} />
          <Button block color="primary" onClick={() => void load()}>
            重试
          </Button>
        </div>
      </div>
    );
  }

  const decision = decideRoute(route.path, session.status === 'signedIn' ? session.me.roles : null);
  switch (decision.kind) {
    case 'redirect':
      return <Redirect to={decision.to} />;
    case 'signin':
      return <Redirect to={manifest.signIn} query={{ next: route.path }} />;
    case 'forbidden':
    case 'page': {
      const Page = decision.kind === 'page' ? pageComponents[decision.page.path] : ForbiddenPage;
      if (!Page) return <Redirect to={manifest.home} />;
      return (
        <SessionContext.Provider value={sessionValue}>
          <ErrorBoundary key={decision.page.path}>
            <Suspense fallback={<PageLoading />}>
              <Page />
            </Suspense>
          </ErrorBoundary>
        </SessionContext.Provider>
      );
    }
  }
}
