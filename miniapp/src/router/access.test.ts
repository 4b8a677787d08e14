import rawManifest from '../../../app.json';
import { MAX_PHONE_TABS, phoneTabs, canOpen, decideRoute, findPage, navigablePages } from './access';
import { manifest, parseManifest } from './manifest';
import { pageComponents } from './pages';

const clone = (): Record<string, unknown> => JSON.parse(JSON.stringify(rawManifest)) as Record<string, unknown>;
/** The page `path` of a cloned manifest (found by path, so adding pages does not shift the tests). */
const pageOf = (m: Record<string, unknown>, path: string) => (m.pages as { path: string; roles: string[] }[]).find((p) => p.path === path)!;

describe('app.json page list', () => {
  it('is read from app.json with its titles and roles', () => {
    expect(manifest.pages.map((p) => p.path)).toEqual([
      '/signin',
      '/me',
      '/people',
      '/person',
      '/my-incentives',
      '/my-portrait',
      '/assessments',
      '/my-kpi',
      '/my-team',
      '/team-kpi',
      '/org',
      '/data',
      '/imports',
      '/incentive-plans',
      '/payout-runs',
      '/payout-disputes',
      '/talent-review',
      '/job-models',
      '/assessment-admin',
      '/roles',
      '/audit-log',
      '/messages',
      '/notify-log',
      '/retention',
      '/pulse-admin',
      '/outcomes',
      '/retention-person',
      '/notify-settings',
    ]);
    expect(findPage('/retention')).toEqual({ path: '/retention', title: '留才雷达', roles: ['supervisor', 'hr'], nav: true });
    expect(findPage('/outcomes')).toEqual({ path: '/outcomes', title: '转型看板', roles: ['hr'], nav: true });
    expect(findPage('/pulse-admin')).toEqual({ path: '/pulse-admin', title: '脉搏调查', roles: ['hr'], nav: true });
    expect(findPage('/retention-person')).toEqual({ path: '/retention-person', title: '风险详情', roles: ['supervisor', 'hr'], nav: false });
    expect(findPage('/data')).toEqual({ path: '/data', title: '数据', roles: ['hr', 'admin'], nav: true });
    expect(findPage('/imports')).toEqual({ path: '/imports', title: '导入', roles: ['hr', 'admin'], nav: true });
    expect(findPage('/notify-log')).toEqual({ path: '/notify-log', title: '通知记录', roles: ['hr', 'admin'], nav: false });
    expect(findPage('/people')).toEqual({ path: '/people', title: '人员', roles: ['hr', 'admin'], nav: true });
    expect(findPage('/person')).toEqual({ path: '/person', title: '员工档案', roles: ['employee', 'supervisor', 'hr', 'admin'], nav: false });
    expect(findPage('/my-incentives')).toEqual({ path: '/my-incentives', title: '我的激励', roles: ['employee', 'supervisor', 'hr', 'admin'], nav: true });
    expect(findPage('/incentive-plans')).toEqual({ path: '/incentive-plans', title: '激励方案', roles: ['hr', 'admin'], nav: true });
    expect(findPage('/audit-log')).toEqual({ path: '/audit-log', title: '审计日志', roles: ['admin'], nav: true });
    expect(findPage('/payout-runs')).toEqual({ path: '/payout-runs', title: '发放批次', roles: ['hr', 'admin'], nav: true });
    expect(findPage('/payout-disputes')).toEqual({ path: '/payout-disputes', title: '申诉', roles: ['hr', 'admin'], nav: true });
    expect(findPage('/my-portrait')).toEqual({ path: '/my-portrait', title: '我的画像', roles: ['employee', 'supervisor', 'hr', 'admin'], nav: true });
    expect(findPage('/my-team')).toEqual({ path: '/my-team', title: '我的团队', roles: ['supervisor'], nav: true });
    expect(findPage('/job-models')).toEqual({ path: '/job-models', title: '岗位模型', roles: ['hr', 'admin'], nav: true });
    expect(findPage('/assessments')).toEqual({ path: '/assessments', title: '测评', roles: ['employee', 'supervisor', 'hr', 'admin'], nav: true });
    expect(findPage('/assessment-admin')).toEqual({ path: '/assessment-admin', title: '测评管理', roles: ['hr', 'admin'], nav: true });
    expect(findPage('/my-kpi')).toEqual({ path: '/my-kpi', title: '我的绩效', roles: ['employee', 'supervisor', 'hr', 'admin'], nav: true });
    expect(findPage('/team-kpi')).toEqual({ path: '/team-kpi', title: '团队绩效', roles: ['supervisor', 'hr', 'admin'], nav: true });
    expect(findPage('/talent-review')).toEqual({ path: '/talent-review', title: '人才盘点', roles: ['hr', 'admin'], nav: true });
    expect(findPage('/assessments')).toEqual({ path: '/assessments', title: '测评', roles: ['employee', 'supervisor', 'hr', 'admin'], nav: true });
    expect(findPage('/assessment-admin')).toEqual({ path: '/assessment-admin', title: '测评管理', roles: ['hr', 'admin'], nav: true });
    expect(findPage('/org')?.title).toBe('组织架构');
    expect(findPage('/roles')?.roles).toEqual(['admin']);
    expect(manifest.home).toBe('/me');
    expect(manifest.signIn).toBe('/signin');
  });

  it('has a lazily loaded component for every signed-in page and none extra', () => {
    const signedIn = manifest.pages.filter((p) => p.path !== manifest.signIn).map((p) => p.path);
    expect(Object.keys(pageComponents).sort()).toEqual([...signedIn].sort());
  });

  it('rejects manifests with unknown roles, duplicate paths or a bad home', () => {
    const badRole = clone();
    pageOf(badRole, '/org').roles = ['hr', 'boss'];
    expect(() => parseManifest(badRole)).toThrow('未知角色 boss');

    const dup = clone();
    pageOf(dup, '/roles').path = '/org';
    expect(() => parseManifest(dup)).toThrow('重复');

    const badNav = clone();
    (pageOf(badNav, '/org') as unknown as { nav: unknown }).nav = 'no';
    expect(() => parseManifest(badNav)).toThrow('nav');

    const badHome = clone();
    badHome.home = '/nowhere';
    expect(() => parseManifest(badHome)).toThrow('home');

    const publicHome = clone();
    publicHome.home = '/signin';
    expect(() => parseManifest(publicHome)).toThrow('首页');

    expect(parseManifest(clone()).pages).toHaveLength(28);
  });
});

describe('canOpen (role gating from app.json)', () => {
  it('lets an employee open only the sign-in page, 我的, 我的激励 and a person page (the server decides whose)', () => {
    expect(canOpen('/me', ['employee'])).toBe(true);
    expect(canOpen('/person', ['employee'])).toBe(true);
    expect(canOpen('/my-incentives', ['employee'])).toBe(true);
    expect(canOpen('/incentive-plans', ['employee'])).toBe(false);
    expect(canOpen('/people', ['employee'])).toBe(false);
    expect(canOpen('/people', ['employee', 'supervisor'])).toBe(false);
    expect(canOpen('/people', ['employee', 'hr'])).toBe(true);
    expect(canOpen('/signin', ['employee'])).toBe(true);
    expect(canOpen('/org', ['employee'])).toBe(false);
    expect(canOpen('/roles', ['employee'])).toBe(false);
  });

  it('lets a supervisor open 我的 but not HR pages', () => {
    expect(canOpen('/me', ['supervisor'])).toBe(true);
    expect(canOpen('/org', ['employee', 'supervisor'])).toBe(false);
  });

  it('lets HR open 组织架构 and 数据 but not 角色设置', () => {
    expect(canOpen('/org', ['employee', 'hr'])).toBe(true);
    expect(canOpen('/data', ['employee', 'hr'])).toBe(true);
    expect(canOpen('/data', ['employee', 'supervisor'])).toBe(false);
    expect(canOpen('/imports', ['employee', 'hr'])).toBe(true);
    expect(canOpen('/imports', ['employee', 'supervisor'])).toBe(false);
    expect(canOpen('/incentive-plans', ['employee', 'hr'])).toBe(true);
    expect(canOpen('/incentive-plans', ['employee', 'supervisor'])).toBe(false);
    expect(canOpen('/payout-disputes', ['employee', 'hr'])).toBe(true);
    expect(canOpen('/payout-disputes', ['employee', 'supervisor'])).toBe(false);
    expect(canOpen('/payout-disputes', ['employee'])).toBe(false);
    expect(canOpen('/roles', ['employee', 'hr'])).toBe(false);
  });

  it('lets an admin open everything but 留才雷达, 转型看板 and 脉搏调查 (risks and team answers are shown to as few as need them) and 我的团队 (a supervisor’s reports)', () => {
    for (const p of manifest.pages)
      expect(canOpen(p.path, ['admin'])).toBe(!p.path.startsWith('/retention') && p.path !== '/outcomes' && p.path !== '/pulse-admin' && p.path !== '/my-team');
    expect(canOpen('/my-team', ['employee', 'supervisor'])).toBe(true);
    expect(canOpen('/my-team', ['employee', 'hr'])).toBe(false);
  });

  it('lets HR and supervisors open 留才雷达, never a plain employee', () => {
    for (const path of ['/retention', '/retention-person']) {
      expect(canOpen(path, ['employee'])).toBe(false);
      expect(canOpen(path, ['employee', 'supervisor'])).toBe(true);
      expect(canOpen(path, ['employee', 'hr'])).toBe(true);
    }
  });

  it('refuses unknown paths and users without roles on protected pages', () => {
    expect(canOpen('/payroll', ['admin'])).toBe(false);
    expect(canOpen('/me', [])).toBe(false);
    expect(canOpen('/signin', [])).toBe(true);
  });

  it('follows whatever roles app.json declares', () => {
    const m = clone();
    pageOf(m, '/roles').roles = ['hr'];
    const custom = parseManifest(m);
    expect(canOpen('/roles', ['hr'], custom)).toBe(true);
    expect(canOpen('/roles', ['admin'], custom)).toBe(false);
  });
});

describe('navigablePages', () => {
  it('lists the signed-in pages a user may open, in app.json order', () => {
    expect(navigablePages(['employee']).map((p) => p.path)).toEqual(['/me', '/my-incentives', '/my-portrait', '/assessments', '/my-kpi', '/messages']);
    expect(navigablePages(['employee', 'hr']).map((p) => p.path)).toEqual([
      '/me',
      '/people',
      '/my-incentives',
      '/my-portrait',
      '/assessments',
      '/my-kpi',
      '/team-kpi',
      '/org',
      '/data',
      '/imports',
      '/incentive-plans',
      '/payout-runs',
      '/payout-disputes',
      '/talent-review',
      '/job-models',
      '/assessment-admin',
      '/messages',
      '/retention',
      '/pulse-admin',
      '/outcomes',
    ]);
    // 通知记录 and 通知设置 (nav: false) are opened from 消息, not listed in the navigation.
    expect(navigablePages(['admin', 'supervisor']).map((p) => p.path)).toEqual([
      '/me',
      '/people',
      '/my-incentives',
      '/my-portrait',
      '/assessments',
      '/my-kpi',
      '/my-team',
      '/team-kpi',
      '/org',
      '/data',
      '/imports',
      '/incentive-plans',
      '/payout-runs',
      '/payout-disputes',
      '/talent-review',
      '/job-models',
      '/assessment-admin',
      '/roles',
      '/audit-log',
      '/messages',
      '/retention',
    ]);
    // The person page is opened from others, never listed.
    expect(navigablePages(['employee', 'supervisor']).map((p) => p.path)).toEqual([
      '/me',
      '/my-incentives',
      '/my-portrait',
      '/assessments',
      '/my-kpi',
      '/my-team',
      '/team-kpi',
      '/messages',
      '/retention',
    ]);
  });
});

describe('decideRoute', () => {
  it('sends unknown routes home', () => {
    expect(decideRoute('/', ['employee'])).toEqual({ kind: 'redirect', to: '/me' });
    expect(decideRoute('/nope', null)).toEqual({ kind: 'redirect', to: '/me' });
  });

  it('asks signed-out users to sign in for protected pages but shows public ones', () => {
    expect(decideRoute('/org', null)).toEqual({ kind: 'signin' });
    expect(decideRoute('/signin', null)).toMatchObject({ kind: 'page', page: { path: '/signin' } });
  });

  it('forbids pages whose roles the user lacks', () => {
    expect(decideRoute('/roles', ['hr'])).toMatchObject({ kind: 'forbidden', page: { path: '/roles' } });
    expect(decideRoute('/roles', ['admin'])).toMatchObject({ kind: 'page', page: { path: '/roles' } });
    expect(decideRoute('/org', ['supervisor'])).toMatchObject({ kind: 'forbidden' });
  });

  it('fits a phone tab bar: every page when five or fewer, else three, 更多 with the rest, then 消息', () => {
    const paths = (ps: { path: string }[]) => ps.map((p) => p.path);
    const employee = phoneTabs(navigablePages(['employee']));
    expect(paths(employee.tabs)).toEqual(['/me', '/my-incentives', '/my-portrait']);
    expect(paths(employee.more)).toEqual(['/assessments', '/my-kpi']);
    expect(paths(employee.last)).toEqual(['/messages']);
    const few = phoneTabs(navigablePages(['employee']).filter((p) => p.path !== '/my-kpi'));
    expect(paths(few.tabs)).toEqual(['/me', '/my-incentives', '/my-portrait', '/assessments', '/messages']);
    expect(few.more).toEqual([]);
    const admin = phoneTabs(navigablePages(['admin', 'supervisor']));
    expect(paths(admin.tabs)).toEqual(['/me', '/people', '/my-incentives']);
    expect(paths(admin.more)).toEqual([
      '/my-portrait',
      '/assessments',
      '/my-kpi',
      '/my-team',
      '/team-kpi',
      '/org',
      '/data',
      '/imports',
      '/incentive-plans',
      '/payout-runs',
      '/payout-disputes',
      '/talent-review',
      '/job-models',
      '/assessment-admin',
      '/roles',
      '/audit-log',
      '/retention',
    ]);
    expect(paths(admin.last)).toEqual(['/messages']);
    // Never more than five entries, 更多 counted.
    expect(admin.tabs.length + 1 + admin.last.length).toBe(MAX_PHONE_TABS);
  });
});
