import type { RequestOptions } from '../core/client.js';
import { ConfigurationError, PermissionDeniedError } from '../core/errors.js';
import { isPermitted, type RequiredPermission } from '../core/permissions.js';
import type { EndpointMatch, PipelineContext } from './context.js';

/** What a request needs: its own `permission`, else its catalog entry's; a ConfigurationError when neither says. */
export function requiredPermission(
  ctx: PipelineContext,
  options: RequestOptions,
  match: EndpointMatch | undefined,
  pathname: string,
): RequiredPermission {
  const required = options.permission ?? match?.endpoint.permission;
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
  ctx: PipelineContext,
  required: RequiredPermission,
  match: EndpointMatch | undefined,
  options: RequestOptions,
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
