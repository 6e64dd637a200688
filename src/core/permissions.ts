/**
 * What a key may do. Each exchange's own vocabulary (bitexbit access types, Bitex key flags, AlphaPoint key
 * permissions) is mapped onto these by its provider.
 */
export type Permission = 'read' | 'trade' | 'withdraw' | 'manage-users';

/** What a request needs: a permission, or `'public'` for a call that carries no credentials. */
export type RequiredPermission = Permission | 'public';

/** Every permission, in order of increasing power. */
export const PERMISSIONS: readonly Permission[] = ['read', 'trade', 'withdraw', 'manage-users'];

/** True when a key granted `granted` may make a request that needs `required`. */
export function isPermitted(granted: ReadonlySet<Permission>, required: RequiredPermission): boolean {
  return required === 'public' || granted.has(required);
}

/** The required permissions a client granted `Granted` may use: its own, and `'public'`. */
export type Allowed<Granted extends Permission> = Granted | 'public';
