import type { RequestOptions } from '../core/client.js';
import { ConfigurationError, PermissionDeniedError } from '../core/errors.js';
import { isPermitted, type RequiredPermission } from '../core/permissions.js';
import type { EndpointMatch, PipelineContext } from './context.js';

/** What the gate reads of a client (or an authoriser): the provider's name and the granted permissions. */
export type GateContext = Pick<PipelineContext, 'provider' | 'granted' | 'grantedList'>;

/** Rank of the permissions that form a chain; `manage-users` is in none (it only equals itself). */
const RANK: Readonly<Record<RequiredPermission, number | undefined>> = {
  public: 0,
  read: 1,
  trade: 2,
  withdraw: 3,
  'manage-users': undefined,
};

/** True when `given` asks for less than (or something not comparable with) what the catalog requires. */
function lowers(given: RequiredPermission, catalog: RequiredPermission): boolean {
  if (given === catalog) return false;
  const from = RANK[catalog];
  const to = RANK[given];
  return from === undefined || to === undefined || to <= from;
}

/**
 * What a request needs: its own `permission`, else its catalog entry's; a ConfigurationError when neither says,
 * or when `permission` would lower a catalog entry's requirement (it may only raise it).
 */
export function requiredPermission(
  ctx: GateContext,
  options: Pick<RequestOptions, 'method' | 'permission'>,
  match: EndpointMatch | undefined,
  pathname: string,
): RequiredPermission {
  const catalog = match?.endpoint.permission;
  if (options.permission !== undefined && catalog !== undefined && lowers(options.permission, catalog)) {
    throw new ConfigurationError(
      `${ctx.provider.name}: '${match?.name}' (${options.method} ${pathname}) needs the '${catalog}' permission ` +
        "by its catalog entry; `permission` may only raise an entry's requirement, never lower it or swap it " +
        'for another: leave `permission` out',
      { provider: ctx.provider.name, field: 'permission' },
    );
  }
  const required = options.permission ?? catalog;
  if (required === undefined) {
    throw new ConfigurationError(
      `${ctx.provider.name}: ${options.method} ${pathname} is not in the catalog; say what it needs with ` +
        "`permission` ('public', 'read', 'trade', 'withdraw' or 'manage-users')",
      { provider: ctx.provider.name, field: 'permission' },
    );
  }
  return required;
}

/** The local permission gate: throws PermissionDeniedError (nothing sent) when the key lacks `required`. */
export function checkPermission(
  ctx: GateContext,
  required: RequiredPermission,
  match: EndpointMatch | undefined,
  options: Pick<RequestOptions, 'method'>,
  pathname: string,
): void {
  if (isPermitted(ctx.granted, required)) return;
  const what = match ? `'${match.name}'` : `${options.method} ${pathname}`;
  const granted = ctx.grantedList;
  throw new PermissionDeniedError(
    `${ctx.provider.name}: ${what} needs the '${required}' permission; this key is granted ${
      granted.length ? granted.map((p) => `'${p}'`).join(', ') : 'nothing'
    }. Nothing was sent.`,
    { provider: ctx.provider.name, required, granted, source: 'local' },
  );
}
