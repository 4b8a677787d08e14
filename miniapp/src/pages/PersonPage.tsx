/**
 * 员工档案: one person's profile, reporting line and records, tab by tab. Opened from 人员 (HR), from 我的 (one's own,
 * and a supervisor's team) and from links on other people's pages; the server answers 404 outside one's scope.
 */
import { zh } from '@liucai/shared';
import { useCallback, useEffect, useState } from 'react';
import type { PersonProfile } from '@liucai/shared';
import Button from 'antd-mobile/es/components/button';
import ErrorBlock from 'antd-mobile/es/components/error-block';
import Tabs from 'antd-mobile/es/components/tabs';
import { ApiError, errorMessage } from '../api/client';
import { getPerson } from '../api/endpoints';
import { PageLayout } from '../components/PageLayout';
import { LoadingCard } from '../components/LoadStates';
import { PersonHeader } from '../person/PersonHeader';
import { personTabAt, personTabsFor } from '../person/personTabs';
import { canOpen } from '../router/access';
import { navigate, useHashRoute } from '../router/hashRoute';
import { useSession } from '../session/SessionContext';

type State = { status: 'loading' } | { status: 'ready'; person: PersonProfile } | { status: 'notFound' } | { status: 'error'; message: string };

export default function PersonPage() {
  const { me } = useSession();
  const route = useHashRoute();
  const userid = route.query.get('u') || me.userid;
  const [state, setState] = useState<State>({ status: 'loading' });

  const load = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      setState({ status: 'ready', person: await getPerson(userid) });
    } catch (err) {
      setState(err instanceof ApiError && err.status === 404 ? { status: 'notFound' } : { status: 'error', message: errorMessage(err) });
    }
  }, [userid]);
  useEffect(() => {
    void load();
  }, [load]);

  const tabs = personTabsFor({ self: state.status === 'ready' ? state.person.self : true, roles: me.roles });
  const tab = personTabAt(route.query.get('tab'), tabs);
  const title = state.status === 'ready' ? (state.person.self ? '我的档案' : zh`${state.person.name}的档案`) : '员工档案';
  return (
    <PageLayout title={title} testId="person-page" back width="wide">
      {state.status === 'loading' && <LoadingCard lines={4} />}
      {state.status === 'notFound' && (
        <section className="card" data-testid="person-forbidden">
          <ErrorBlock
            status="default"
            title="无权访问"
            description="这位员工不存在，或不在你的查看范围内：员工可以查看自己的档案，主管可以查看直属下属的档案，HR 可以查看所负责部门的员工。"
          >
            <Button color="primary" onClick={() => navigate('/me')}>
              返回我的
            </Button>
          </ErrorBlock>
        </section>
      )}
      {state.status === 'error' && (
        <section className="card">
          <ErrorBlock status="default" title="档案加载失败" description={state.message} data-testid="person-error">
            <Button color="primary" size="small" onClick={() => void load()}>
              重试
            </Button>
          </ErrorBlock>
        </section>
      )}
      {state.status === 'ready' && (
        <>
          <PersonHeader person={state.person} canBrowsePeople={canOpen('/people', me.roles)} />
          <section className="card person-tabs-card" data-testid="person-tabs">
            <Tabs activeKey={tab.key} onChange={(key) => navigate('/person', { query: { u: userid, tab: key }, replace: true })}>
              {tabs.map((t) => (
                <Tabs.Tab key={t.key} title={<span data-testid={`person-tab-${t.key}`}>{t.title}</span>} />
              ))}
            </Tabs>
            <div className="tab-body">{tab.render(state.person.userid)}</div>
          </section>
        </>
      )}
    </PageLayout>
  );
}
