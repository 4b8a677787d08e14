/** 我的: the signed-in user's profile, links to the other pages they may open, sign-out. */
import { useEffect, useState } from 'react';
import { ROLE_LABELS, type PersonSummary } from '@liucai/shared';
import Button from 'antd-mobile/es/components/button';
import List from 'antd-mobile/es/components/list';
import Space from 'antd-mobile/es/components/space';
import Tag from 'antd-mobile/es/components/tag';
import Toast from 'antd-mobile/es/components/toast';
import { errorMessage } from '../api/client';
import { getPeople } from '../api/endpoints';
import { PageIcon, PageIconFor, PeopleIcon } from '../components/icons';
import { PageLayout } from '../components/PageLayout';
import { UserAvatar } from '../components/UserAvatar';
import { navigablePages } from '../router/access';
import { navigate } from '../router/hashRoute';
import { useSession } from '../session/SessionContext';
import { formatDate, tenure } from '../util/format';

const PAGE_HINTS: Record<string, string> = {
  '/people': '按姓名、拼音首字母、工号、部门或职位查找负责部门的员工，查看员工档案',
  '/my-incentives': '我的激励方案与每月激励明细，试算一份合同能拿多少、与原方案对比',
  '/incentive-plans': '激励方案的版本、生效期与规则，新建与发布版本',
  '/payout-runs': '每月按部门计算激励，锁定、审批、发布，导出工资表',
  '/payout-disputes': '员工对激励明细的申诉：待处理与已处理，调整在下期发放或驳回',
  '/talent-review': '销售按岗位模型的匹配度与分层：立即转型、先培训、调岗',
  '/org': '部门树、人数与主管，钉钉通讯录同步',
  '/data': '考勤、请假、离职同步，调用额度与数据质量',
  '/imports': '从 Excel/CSV 导入历史合同、满意度、协作、培训与离职',
  '/roles': '指定 HR 及其负责的部门',
  '/audit-log': '谁在何时查看或修改了什么：按人、操作、对象与日期查询，导出 CSV',
  '/retention': '谁可能想走：近几周的变化与原因，提醒你找他聊一聊',
};

export default function MePage() {
  const { me, signOut } = useSession();
  const [signingOut, setSigningOut] = useState(false);
  const others = navigablePages(me.roles).filter((p) => p.path !== '/me');
  const served = tenure(me.hiredOn);
  const team = useTeam(me.roles.includes('supervisor') ? me.userid : null);

  const doSignOut = async () => {
    setSigningOut(true);
    try {
      await signOut();
    } catch (err) {
      Toast.show({ icon: 'fail', content: errorMessage(err) });
      setSigningOut(false);
    }
  };

  return (
    <PageLayout title="我的" testId="me-page">
      <section className="card profile-card" data-testid="me-profile">
        <UserAvatar name={me.name} src={me.avatar} seed={me.userid} size={64} />
        <div className="profile-main">
          <div className="profile-name" data-testid="me-name">
            {me.name}
          </div>
          <div className="profile-sub">{[me.title, me.corpName].filter(Boolean).join(' · ') || '—'}</div>
          <Space wrap style={{ '--gap': '6px' }} data-testid="me-roles">
            {me.roles.map((r) => (
              <Tag key={r} color={r === 'admin' ? 'danger' : r === 'hr' ? 'primary' : r === 'supervisor' ? 'success' : 'default'} fill="outline">
                {ROLE_LABELS[r] ?? r}
              </Tag>
            ))}
          </Space>
        </div>
      </section>

      <List header="基本信息" mode="card" data-testid="me-details">
        <List.Item extra={me.jobNumber || '—'}>工号</List.Item>
        <List.Item extra={me.departments.length ? me.departments.map((d) => d.path).join('、') : '—'} data-testid="me-department">
          部门
        </List.Item>
        <List.Item extra={me.supervisor ? me.supervisor.name : '—'} data-testid="me-supervisor">
          直属主管
        </List.Item>
        <List.Item extra={me.hiredOn ? `${formatDate(me.hiredOn)}${served ? `（${served}）` : ''}` : '—'} data-testid="me-hired-on">
          入职日期
        </List.Item>
        {me.roles.includes('hr') && (
          <List.Item
            data-testid="me-hr-scopes"
            description={
              me.hrScopes.length ? (
                <Space wrap style={{ '--gap': '6px', marginTop: 4 }}>
                  {me.hrScopes.map((d) => (
                    <Tag key={d.id} color="primary">
                      {d.path}
                    </Tag>
                  ))}
                </Space>
              ) : (
                '尚未分配部门，请联系管理员'
              )
            }
          >
            HR 负责部门
          </List.Item>
        )}
      </List>

      <List header="档案" mode="card" data-testid="me-records">
        <List.Item
          prefix={
            <span className="menu-icon">
              <PageIcon />
            </span>
          }
          description="考勤、请假、成交、跟进、协作、培训与满意度，每条注明来源"
          onClick={() => navigate('/person', { query: { u: me.userid } })}
          data-testid="menu-my-record"
        >
          我的档案
        </List.Item>
      </List>

      {team && (
        <List header={`我的团队（直属下属 ${team.total} 人）`} mode="card" data-testid="me-team">
          {team.items.map((p) => (
            <List.Item
              key={p.userid}
              prefix={<UserAvatar name={p.name} src={p.avatar} seed={p.userid} size={36} />}
              description={[p.title, p.department?.path].filter(Boolean).join(' · ') || undefined}
              onClick={() => navigate('/person', { query: { u: p.userid } })}
              data-testid={`team-${p.userid}`}
            >
              {p.name}
            </List.Item>
          ))}
          {team.total > team.items.length && (
            <List.Item
              prefix={
                <span className="menu-icon">
                  <PeopleIcon />
                </span>
              }
              data-testid="team-more"
            >
              <span className="muted">另有 {team.total - team.items.length} 人，可在下属的档案中查看</span>
            </List.Item>
          )}
        </List>
      )}

      {others.length > 0 && (
        <List header="功能" mode="card" data-testid="me-menu">
          {others.map((p) => (
            <List.Item
              key={p.path}
              prefix={
                <span className="menu-icon">
                  <PageIconFor path={p.path} />
                </span>
              }
              description={PAGE_HINTS[p.path]}
              onClick={() => navigate(p.path)}
              data-testid={`menu-${p.path.slice(1)}`}
            >
              {p.title}
            </List.Item>
          ))}
        </List>
      )}

      <div className="page-actions">
        <Button block color="danger" fill="outline" loading={signingOut} onClick={() => void doSignOut()} data-testid="sign-out">
          退出登录
        </Button>
      </div>
    </PageLayout>
  );
}

/** A supervisor's active direct reports (the first 50), for 我的团队; null for everyone else or until loaded. */
function useTeam(supervisor: string | null): { items: PersonSummary[]; total: number } | null {
  const [team, setTeam] = useState<{ items: PersonSummary[]; total: number } | null>(null);
  useEffect(() => {
    if (!supervisor) return;
    let cancelled = false;
    getPeople({ supervisor, status: 'active', pageSize: 50 }).then(
      (page) => !cancelled && setTeam({ items: page.items, total: page.total }),
      () => !cancelled && setTeam(null),
    );
    return () => {
      cancelled = true;
    };
  }, [supervisor]);
  return team;
}
