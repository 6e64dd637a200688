import { ExchangeError, ResponseValidationError } from '../../core/errors.js';
import type { InspectContext, ProviderInspection } from '../../core/inspect.js';
import type { Permission } from '../../core/permissions.js';
import { inspectProbe as probe, refusedInspection } from '../../toolkit/inspect-verdict.js';

/**
 * AlphaPoint documents that a session token is valid only from the address that obtained it, but no answer for
 * an address a deployment refuses: none can be told apart.
 */
const ADDRESS = 'not-documented' as const;
const ADDRESS_NOTE =
  'address: AlphaPoint documents no answer for a refused address (a session token is valid only from the address that obtained it), so a refusal cannot be told from others';

/** The permission each AlphaPoint permission name stands for (names compared in lower case). */
const NAMED: readonly (readonly [string, Permission])[] = [
  ['trading', 'trade'],
  ['withdraw', 'withdraw'],
];

/** An error the exchange answered with (not a network failure, which the doctor cannot read anything from). */
const answered = (error: unknown): error is Error =>
  error instanceof ExchangeError || error instanceof ResponseValidationError;

/** The calls that need a second factor on this deployment (a public call), or a note saying why not known. */
async function twoFactorCalls(context: InspectContext): Promise<readonly string[] | string> {
  try {
    const { data } = await context.request<unknown>({
      method: 'POST',
      path: '/GetValidate2FARequiredEndpoints',
    });
    return Array.isArray(data)
      ? data.filter((name): name is string => typeof name === 'string')
      : 'not a list';
  } catch (error) {
    if (answered(error)) return error.message;
    throw error;
  }
}

/**
 * AlphaPoint's part of `client.inspect()`: the login (AuthenticateUser, through the client's session) says
 * whether the credentials work; `GetUserPermissions {"UserId": n}` (slate: open to Trading and AccountReadOnly
 * users for their own user) names what the user may do, `"trading"` → trade and `"withdraw"` → withdraw; a user
 * who may call it reads. `GetValidate2FARequiredEndpoints` lists calls that need a second factor even on an
 * API-key session. No clock in the signature (the nonce is any number).
 */
export function inspectAlphaPoint(userId: string) {
  return async (context: InspectContext): Promise<ProviderInspection> => {
    const asked = await probe(context, {
      method: 'POST',
      path: '/GetUserPermissions',
      body: { UserId: Number(userId) },
    }).catch((error: unknown) => {
      if (answered(error)) return { kind: 'failed' as const, said: error.message };
      throw error;
    });
    if (asked.kind === 'refused') return refusedInspection(asked, ADDRESS, false);
    const calls = await twoFactorCalls(context);
    const notes = [ADDRESS_NOTE];
    if (typeof calls === 'string')
      notes.push(`second factor: GetValidate2FARequiredEndpoints did not say (${calls})`);
    const base = { credentials: 'valid' as const, address: ADDRESS, clockMatters: false, notes };
    const twoFactor = typeof calls === 'string' ? {} : { twoFactorCalls: calls };
    if (asked.kind !== 'ok' || !Array.isArray(asked.data)) {
      notes.unshift(
        `permissions: GetUserPermissions did not list them (${asked.kind === 'ok' ? 'not a list' : asked.said})`,
      );
      const permissions = { granted: [], denied: [], unknown: ['read', 'trade', 'withdraw'] as Permission[] };
      return {
        ...base,
        ...twoFactor,
        permissions: { ...permissions, exchange: [], source: 'GetUserPermissions' },
      };
    }
    const names = asked.data.filter((name): name is string => typeof name === 'string');
    const has = (name: string) => names.some((given) => given.toLowerCase() === name);
    return {
      ...base,
      ...twoFactor,
      permissions: {
        granted: ['read', ...NAMED.filter(([name]) => has(name)).map(([, permission]) => permission)],
        denied: NAMED.filter(([name]) => !has(name)).map(([, permission]) => permission),
        unknown: [],
        exchange: names,
        source: 'GetUserPermissions',
      },
    };
  };
}
