/** Bottom sheet to make someone HR (search a person) and choose the departments they are responsible for. */
import { useEffect, useMemo, useState } from 'react';
import { departmentPathLabels, type HrScopeEntry, type UserRef } from '@liucai/shared';
import Button from 'antd-mobile/es/components/button';
import CheckList from 'antd-mobile/es/components/check-list';
import DotLoading from 'antd-mobile/es/components/dot-loading';
import List from 'antd-mobile/es/components/list';
import Popup from 'antd-mobile/es/components/popup';
import SearchBar from 'antd-mobile/es/components/search-bar';
import Toast from 'antd-mobile/es/components/toast';
import { errorMessage } from '../api/client';
import { getDepartments, putHrScope, searchUsers } from '../api/endpoints';
import { UserAvatar } from '../components/UserAvatar';
import { buildDepartmentTree, departmentMatches, flattenTree, type DeptNode } from '../org/departmentTree';

export interface HrScopeEditorProps {
  /** Editing an existing HR user; absent when adding one. */
  entry: HrScopeEntry | null;
  /** Userids that already are HR (marked in search results; picking one edits them). */
  existing: readonly HrScopeEntry[];
  onClose(): void;
  onSaved(entry: HrScopeEntry): void;
}

type Depts = { status: 'loading' } | { status: 'ready'; nodes: DeptNode[]; paths: Map<number, string> } | { status: 'error'; message: string };
type Search = { status: 'idle' } | { status: 'loading' } | { status: 'ready'; users: UserRef[] } | { status: 'error'; message: string };

const SEARCH_DEBOUNCE_MS = 300;

export function HrScopeEditor({ entry, existing, onClose, onSaved }: HrScopeEditorProps) {
  const [user, setUser] = useState<UserRef | null>(entry?.user ?? null);
  const [selected, setSelected] = useState<number[]>(entry?.departments.map((d) => d.id) ?? []);
  const [depts, setDepts] = useState<Depts>({ status: 'loading' });
  const [deptFilter, setDeptFilter] = useState('');
  const [q, setQ] = useState('');
  const [search, setSearch] = useState<Search>({ status: 'idle' });
  const [saving, setSaving] = useState(false);

  const loadDepts = () => {
    setDepts({ status: 'loading' });
    getDepartments().then(
      (tree) =>
        setDepts({
          status: 'ready',
          nodes: flattenTree(buildDepartmentTree(tree.departments)),
          paths: departmentPathLabels(tree.departments),
        }),
      (err: unknown) => setDepts({ status: 'error', message: errorMessage(err) }),
    );
  };
  useEffect(loadDepts, []);

  // Debounced people search; a newer query cancels the older one's result.
  useEffect(() => {
    const term = q.trim();
    if (!term) {
      setSearch({ status: 'idle' });
      return;
    }
    let cancelled = false;
    setSearch({ status: 'loading' });
    const timer = setTimeout(() => {
      searchUsers(term).then(
        (users) => !cancelled && setSearch({ status: 'ready', users }),
        (err: unknown) => !cancelled && setSearch({ status: 'error', message: errorMessage(err) }),
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [q]);

  const pick = (u: UserRef) => {
    setUser(u);
    // Picking someone who already is HR edits their current scope instead of replacing it blindly.
    const current = existing.find((e) => e.user.userid === u.userid);
    setSelected(current ? current.departments.map((d) => d.id) : []);
  };

  const shownDepts = useMemo(
    () =>
      depts.status === 'ready'
        ? depts.nodes.filter((n) => departmentMatches(n.dept, deptFilter) || (depts.paths.get(n.dept.id) ?? '').includes(deptFilter.trim()))
        : [],
    [depts, deptFilter],
  );
  // Filtered, the list is flat: each department is named by its path (several are called 一组).
  const flat = deptFilter.trim().length > 0;

  const save = async () => {
    if (!user || selected.length === 0) return;
    setSaving(true);
    try {
      const saved = await putHrScope(user.userid, { departmentIds: selected });
      Toast.show({ icon: 'success', content: '已保存' });
      onSaved(saved);
    } catch (err) {
      Toast.show({ icon: 'fail', content: errorMessage(err) });
    } finally {
      setSaving(false);
    }
  };

  const existingIds = new Set(existing.map((e) => e.user.userid));

  return (
    <Popup visible onMaskClick={onClose} onClose={onClose} position="bottom" bodyClassName="sheet" destroyOnClose>
      <div className="sheet-inner" data-testid="hr-editor">
        <div className="sheet-head">
          <h2>{entry ? '编辑 HR 负责部门' : '添加 HR'}</h2>
          <a className="link" onClick={onClose} data-testid="hr-editor-close">
            取消
          </a>
        </div>

        {!user ? (
          <div className="sheet-body">
            <SearchBar placeholder="输入姓名搜索成员" value={q} onChange={setQ} autoFocus data-testid="user-search" />
            {search.status === 'idle' && <div className="empty-text">搜索要设为 HR 的成员</div>}
            {search.status === 'loading' && (
              <div className="empty-text">
                <DotLoading color="primary" />
              </div>
            )}
            {search.status === 'error' && (
              <div className="inline-error" role="alert">
                {search.message}
              </div>
            )}
            {search.status === 'ready' &&
              (search.users.length === 0 ? (
                <div className="empty-text" data-testid="user-search-empty">
                  没有找到“{q.trim()}”
                </div>
              ) : (
                <List>
                  {search.users.map((u) => (
                    <List.Item
                      key={u.userid}
                      prefix={<UserAvatar name={u.name} seed={u.userid} size={36} />}
                      description={u.title || undefined}
                      extra={existingIds.has(u.userid) ? '已是 HR' : undefined}
                      onClick={() => pick(u)}
                      data-testid={`user-result-${u.userid}`}
                    >
                      {u.name}
                    </List.Item>
                  ))}
                </List>
              ))}
          </div>
        ) : (
          <div className="sheet-body">
            <div className="picked-user" data-testid="hr-editor-user">
              <UserAvatar name={user.name} seed={user.userid} size={36} />
              <div className="picked-user-main">
                <strong>{user.name}</strong>
                <span className="muted small">{user.title || '—'}</span>
              </div>
              {!entry && (
                <a className="link" onClick={() => setUser(null)}>
                  更换
                </a>
              )}
            </div>
            <div className="section-label">负责的部门（HR 只能查看这些部门的人员与数据）</div>
            <SearchBar placeholder="筛选部门" value={deptFilter} onChange={setDeptFilter} data-testid="dept-filter" />
            <div className="dept-options">
              {depts.status === 'loading' && (
                <div className="empty-text">
                  <DotLoading color="primary" />
                </div>
              )}
              {depts.status === 'error' && (
                <div className="inline-error" role="alert">
                  部门加载失败：{depts.message}{' '}
                  <a className="link" onClick={loadDepts}>
                    重试
                  </a>
                </div>
              )}
              {depts.status === 'ready' && shownDepts.length === 0 && <div className="empty-text">没有匹配的部门</div>}
              {depts.status === 'ready' && shownDepts.length > 0 && (
                <CheckList multiple value={selected} onChange={(v) => setSelected(v.map(Number))}>
                  {shownDepts.map((n) => (
                    <CheckList.Item
                      key={n.dept.id}
                      value={n.dept.id}
                      style={{ paddingLeft: flat ? 0 : n.depth * 16 }}
                      description={`${n.dept.totalHeadcount} 人`}
                      data-testid={`dept-option-${n.dept.id}`}
                    >
                      {flat ? (depts.paths.get(n.dept.id) ?? n.dept.name) : n.dept.name}
                    </CheckList.Item>
                  ))}
                </CheckList>
              )}
            </div>
          </div>
        )}

        <div className="sheet-foot">
          <span className="muted small" data-testid="hr-editor-count">
            已选 {selected.length} 个部门
          </span>
          <Button color="primary" disabled={!user || selected.length === 0} loading={saving} onClick={() => void save()} data-testid="save-hr">
            保存
          </Button>
        </div>
      </div>
    </Popup>
  );
}
