/** The four roles Liucai knows. A user may hold several (an admin who also has reports is admin + supervisor). */
export const ROLES = ['employee', 'supervisor', 'hr', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Chinese labels for roles, as shown in the micro-app. */
export const ROLE_LABELS: Record<Role, string> = {
  employee: '员工',
  supervisor: '主管',
  hr: 'HR',
  admin: '管理员',
};

/** True when the role list may open HR pages (org, sync). */
export function canSeeHrPages(roles: readonly Role[]): boolean {
  return roles.includes('hr') || roles.includes('admin');
}
