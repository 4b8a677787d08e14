/** Role gating of routes, driven by the page list in app.json. The server enforces the same rules. */
import type { Role } from '@liucai/shared';
import { manifest as appManifest, type AppManifest, type PageSpec } from './manifest';

/** The page declared for `path`, if any. */
export function findPage(path: string, manifest: AppManifest = appManifest): PageSpec | undefined {
  return manifest.pages.find((p) => p.path === path);
}

/** True when a user with `roles` may open `path`: public pages always, others when any role matches. */
export function canOpen(path: string, roles: readonly Role[], manifest: AppManifest = appManifest): boolean {
  const page = findPage(path, manifest);
  if (!page) return false;
  return page.roles.length === 0 || page.roles.some((r) => roles.includes(r));
}

/** Signed-in pages the user may open, in app.json order (for the tab bar, the side navigation and menus). */
export function navigablePages(roles: readonly Role[], manifest: AppManifest = appManifest): PageSpec[] {
  return manifest.pages.filter((p) => p.roles.length > 0 && p.nav && canOpen(p.path, roles, manifest));
}

/** The most entries a phone's tab bar shows; more pages go behind “更多”. */
export const MAX_PHONE_TABS = 5;

/**
 * A phone's tab bar: every page when they fit; otherwise the first three, then “更多” (the rest, in order), then 消息
 * (which keeps its badge in sight). On a PC the side navigation lists them all.
 */
export function phoneTabs(pages: readonly PageSpec[], max = MAX_PHONE_TABS): { tabs: PageSpec[]; more: PageSpec[]; last: PageSpec[] } {
  if (pages.length <= max) return { tabs: [...pages], more: [], last: [] };
  const messages = pages.filter((p) => p.path === '/messages');
  const rest = pages.filter((p) => p.path !== '/messages');
  const shown = max - 1 - messages.length;
  return { tabs: rest.slice(0, shown), more: rest.slice(shown), last: messages };
}

export type RouteDecision = { kind: 'page'; page: PageSpec } | { kind: 'redirect'; to: string } | { kind: 'signin' } | { kind: 'forbidden'; page: PageSpec };

/**
 * What to show for `path`: unknown paths redirect home, protected pages need a session (`roles` null = signed out),
 * and a page whose roles the user lacks is forbidden.
 */
export function decideRoute(path: string, roles: readonly Role[] | null, manifest: AppManifest = appManifest): RouteDecision {
  const page = findPage(path, manifest);
  if (!page) return { kind: 'redirect', to: manifest.home };
  if (page.roles.length === 0) return { kind: 'page', page };
  if (roles === null) return { kind: 'signin' };
  return canOpen(path, roles, manifest) ? { kind: 'page', page } : { kind: 'forbidden', page };
}
