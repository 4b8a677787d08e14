/**
 * The micro-app's pages come from the top-level app.json (the single source of pages, titles and roles).
 * It is checked once at start-up so a typo in a role fails loudly instead of silently hiding a page.
 */
import { ROLES, type Role } from '@liucai/shared';
import rawManifest from '../../../app.json';

/** One page of the micro-app as declared in app.json. */
export interface PageSpec {
  /** Route path, e.g. `/org` (hash route `#/org`). */
  path: string;
  title: string;
  /** Roles that may open the page; empty = public (no sign-in needed). */
  roles: readonly Role[];
  /**
   * Listed in the navigation (tab bar, side navigation, 我的's menu); false for pages reached from others, such as
   * a person's page (员工档案, opened from the directory, 我的 or a supervisor's team). Default true.
   */
  nav: boolean;
}

export interface AppManifest {
  name: string;
  pages: readonly PageSpec[];
  /** Where a signed-in user lands (and where unknown routes go). */
  home: string;
  /** The public sign-in page. */
  signIn: string;
}

function fail(why: string): never {
  throw new Error(`app.json 无效：${why}`);
}

/** Validates the parsed app.json and returns its page list; throws on any inconsistency. */
export function parseManifest(raw: unknown): AppManifest {
  if (typeof raw !== 'object' || raw === null) fail('不是对象');
  const m = raw as Record<string, unknown>;
  if (typeof m.name !== 'string' || !m.name) fail('缺少 name');
  if (!Array.isArray(m.pages) || m.pages.length === 0) fail('pages 必须是非空数组');
  const pages: PageSpec[] = m.pages.map((p: unknown, i): PageSpec => {
    const page = (typeof p === 'object' && p !== null ? p : {}) as Record<string, unknown>;
    const { path, title, roles, nav } = page;
    if (typeof path !== 'string' || !/^\/[a-z0-9-]*$/.test(path)) fail(`pages[${i}].path 无效`);
    if (typeof title !== 'string' || !title) fail(`pages[${i}].title 无效`);
    if (!Array.isArray(roles)) fail(`pages[${i}].roles 必须是数组`);
    for (const r of roles) {
      if (!(ROLES as readonly unknown[]).includes(r)) fail(`pages[${i}].roles 含未知角色 ${String(r)}`);
    }
    if (nav !== undefined && typeof nav !== 'boolean') fail(`pages[${i}].nav 必须是 true 或 false`);
    return { path, title, roles: roles as Role[], nav: nav !== false };
  });
  const paths = new Set(pages.map((p) => p.path));
  if (paths.size !== pages.length) fail('pages 中有重复的 path');
  const home = m.home;
  if (typeof home !== 'string' || !paths.has(home)) fail('home 必须是 pages 中的一个 path');
  const signIn = m.signIn ?? '/signin';
  if (typeof signIn !== 'string' || !paths.has(signIn)) fail('signIn 必须是 pages 中的一个 path');
  if (pages.find((p) => p.path === signIn)?.roles.length) fail('登录页的 roles 必须为空');
  if (!pages.find((p) => p.path === home)?.roles.length) fail('首页必须需要登录（roles 非空）');
  return { name: m.name, pages, home, signIn };
}

/** The app's manifest, from /app.json. */
export const manifest: AppManifest = parseManifest(rawManifest);
