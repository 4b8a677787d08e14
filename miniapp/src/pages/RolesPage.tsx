/** 角色设置 (admin): who is HR and which departments each HR user is responsible for. */
import { useCallback, useEffect, useState } from 'react';
import type { HrScopeEntry } from '@liucai/shared';
import Button from 'antd-mobile/es/components/button';
import Dialog from 'antd-mobile/es/components/dialog';
import ErrorBlock from 'antd-mobile/es/components/error-block';
import Skeleton from 'antd-mobile/es/components/skeleton';
import Space from 'antd-mobile/es/components/space';
import Tag from 'antd-mobile/es/components/tag';
import Toast from 'antd-mobile/es/components/toast';
import { errorMessage } from '../api/client';
import { deleteHrScope, listHrScopes } from '../api/endpoints';
import { PageLayout } from '../components/PageLayout';
import { UserAvatar } from '../components/UserAvatar';
import { HrScopeEditor } from '../roles/HrScopeEditor';
import { useSession } from '../session/SessionContext';

type ListState = { status: 'loading' } | { status: 'ready'; entries: HrScopeEntry[] } | { status: 'error'; message: string };
type Editing = { entry: HrScopeEntry | null } | null;

export default function RolesPage() {
  const { me, refresh } = useSession();
  const [state, setState] = useState<ListState>({ status: 'loading' });
  const [editing, setEditing] = useState<Editing>(null);

  const load = useCallback(async (quiet = false) => {
    if (!quiet) setState({ status: 'loading' });
    try {
      setState({ status: 'ready', entries: await listHrScopes() });
    } catch (err) {
      setState({ status: 'error', message: errorMessage(err) });
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const entries = state.status === 'ready' ? state.entries : [];

  const afterChange = async (userid: string) => {
    await load(true);
    // Changing one's own HR role changes what this session may see.
    if (userid === me.userid) await refresh();
  };

  const remove = async (entry: HrScopeEntry) => {
    const ok = await Dialog.confirm({
      title: '移除 HR',
      content: `确定移除“${entry.user.name}”的 HR 角色吗？移除后 TA 将无法查看组织架构与同步。`,
      confirmText: '移除',
      cancelText: '取消',
    });
    if (!ok) return;
    try {
      await deleteHrScope(entry.user.userid);
      Toast.show({ icon: 'success', content: '已移除' });
      await afterChange(entry.user.userid);
    } catch (err) {
      Toast.show({ icon: 'fail', content: errorMessage(err) });
    }
  };

  return (
    <PageLayout title="角色设置" testId="roles-page">
      <section className="card">
        <div className="card-head">
          <h2>HR 与负责部门</h2>
          <Button color="primary" size="small" onClick={() => setEditing({ entry: null })} data-testid="add-hr">
            添加 HR
          </Button>
        </div>
        <p className="muted small">HR 只能查看分配给他的部门的人员与数据；管理员可查看全部。</p>

        {state.status === 'loading' && <Skeleton.Paragraph lineCount={4} animated />}
        {state.status === 'error' && (
          <ErrorBlock status="default" title="加载失败" description={state.message} data-testid="roles-error">
            <Button color="primary" size="small" onClick={() => void load()}>
              重试
            </Button>
          </ErrorBlock>
        )}
        {state.status === 'ready' && entries.length === 0 && (
          <ErrorBlock status="empty" title="还没有 HR" description="点击“添加 HR”，选择成员并分配负责的部门。" data-testid="roles-empty" />
        )}
        {entries.length > 0 && (
          <ul className="hr-list" data-testid="hr-list">
            {entries.map((e) => (
              <li key={e.user.userid} className="hr-entry" data-testid={`hr-entry-${e.user.userid}`}>
                <UserAvatar name={e.user.name} seed={e.user.userid} size={40} />
                <div className="hr-entry-main">
                  <div>
                    <strong>{e.user.name}</strong> <span className="muted small">{e.user.title || ''}</span>
                  </div>
                  <Space wrap style={{ '--gap': '6px', marginTop: 6 }}>
                    {e.departments.length === 0 ? (
                      <span className="muted small">未分配部门</span>
                    ) : (
                      e.departments.map((d) => (
                        <Tag key={d.id} color="primary" fill="outline">
                          {d.path}
                        </Tag>
                      ))
                    )}
                  </Space>
                </div>
                <div className="hr-entry-actions">
                  <Button size="mini" onClick={() => setEditing({ entry: e })} data-testid={`edit-hr-${e.user.userid}`}>
                    编辑
                  </Button>
                  <Button size="mini" color="danger" fill="outline" onClick={() => void remove(e)} data-testid={`remove-hr-${e.user.userid}`}>
                    移除
                  </Button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      {editing && (
        <HrScopeEditor
          entry={editing.entry}
          existing={entries}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            void afterChange(saved.user.userid);
          }}
        />
      )}
    </PageLayout>
  );
}
