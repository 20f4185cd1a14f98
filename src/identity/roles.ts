export const ROLES = ['developer', 'reviewer', 'policy_admin', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The authenticated caller, loaded from the store on every request. */
export interface AuthUser {
  id: string;
  name: string;
  roles: Role[];
  teams: string[];
}

/** True when the user has one of `roles`; admin passes every role check. */
export function hasRole(user: Pick<AuthUser, 'roles'>, roles: readonly Role[]): boolean {
  return user.roles.includes('admin') || roles.some((r) => user.roles.includes(r));
}
