import type { InspectContext, PermissionFindings, ProviderInspection } from '../../core/inspect.js';
import type { Permission } from '../../core/permissions.js';
import { inspectProbe as probe, refusedInspection } from '../../toolkit/inspect-verdict.js';

/** Bitex documents no answer for an address off its allow-list (offered on request): none can be told apart. */
const ADDRESS = 'not-documented' as const;
const ADDRESS_NOTE =
  'address: Bitex offers an IP allow-list on request but documents no answer for a refused address, so a refusal cannot be told from others';

/** The permission each v2.1 key flag stands for (catalog.ts maps endpoints the same way). */
const FLAG_PERMISSIONS: readonly (readonly [string, Permission])[] = [
  ['get_balances', 'read'],
  ['trading', 'trade'],
  ['create_withdrawal', 'withdraw'],
];

interface KeyResource {
  readonly attributes?: Readonly<Record<string, unknown>>;
}

/**
 * The key's own entry among the user's keys. Bitex shows a key's token in full for 10 minutes after its creation,
 * then as 20 asterisks and its last 10 characters (bitex-sdk-ruby spec/fixtures/api_keys/all.yml): compared here
 * in memory, never printed.
 */
function ownEntry(keys: unknown, apiKey: string): KeyResource | undefined {
  const list = (keys as { data?: unknown } | null)?.data;
  if (!Array.isArray(list)) return undefined;
  return (list as KeyResource[]).find((key) => {
    const token = key.attributes?.token;
    if (typeof token !== 'string') return false;
    if (token === apiKey) return true;
    const shown = token.replace(/^\*+/, '');
    return shown.length >= 6 && shown.length < token.length && apiKey.endsWith(shown);
  });
}

function fromFlags(entry: KeyResource): PermissionFindings {
  const flags = Object.entries(entry.attributes ?? {})
    .filter(([name, value]) => name !== 'token' && value === true)
    .map(([name]) => name);
  const has = (flag: string) => flags.includes(flag);
  return {
    granted: FLAG_PERMISSIONS.filter(([flag]) => has(flag)).map(([, permission]) => permission),
    denied: FLAG_PERMISSIONS.filter(([flag]) => !has(flag)).map(([, permission]) => permission),
    unknown: [],
    exchange: flags,
    source: 'GET /api_keys',
  };
}

/**
 * A client configured as a master user: `GET /users` (master users only) says whether Bitex made the key's user
 * one. Asked only then: a regular user's client never calls a master's endpoint.
 */
async function withMasterRole(
  context: InspectContext,
  found: PermissionFindings,
): Promise<PermissionFindings> {
  if (!context.configured.includes('manage-users')) return found;
  const users = await probe(context, { method: 'GET', path: '/users' });
  if (users.kind === 'refused') return found;
  const master = users.kind === 'ok';
  return {
    ...found,
    granted: master ? [...found.granted, 'manage-users'] : found.granted,
    denied: master ? found.denied : [...found.denied, 'manage-users'],
    source: `${found.source}, GET /users`,
  };
}

/**
 * Bitex's part of `client.inspect()`: the key's flags from `GET /api_keys` (its own entry found by the part of
 * its token Bitex shows). Listing keys needs the key's `api_keys` flag; without it, `GET /users/me` shows the key
 * works and reads, and trading and withdrawing stay unknown. A static key: no clock in its authentication.
 */
export function inspectBitex(apiKey: string) {
  return async (context: InspectContext): Promise<ProviderInspection> => {
    const keys = await probe(context, { method: 'GET', path: '/api_keys' });
    if (keys.kind === 'refused') return refusedInspection(keys, ADDRESS, false);
    if (keys.kind === 'ok') {
      const entry = ownEntry(keys.data, apiKey);
      if (entry) {
        return {
          credentials: 'valid',
          address: ADDRESS,
          permissions: await withMasterRole(context, fromFlags(entry)),
          clockMatters: false,
          notes: ['permissions: the flags of this key, from GET /api_keys', ADDRESS_NOTE],
        };
      }
    }
    const me = await probe(context, { method: 'GET', path: '/users/me' });
    if (me.kind === 'refused') return refusedInspection(me, ADDRESS, false);
    const listing =
      keys.kind === 'ok'
        ? 'GET /api_keys did not list this key'
        : "listing keys (GET /api_keys) needs the key's api_keys flag, which it lacks";
    return {
      credentials: 'valid',
      address: ADDRESS,
      permissions: {
        granted: me.kind === 'ok' ? ['read'] : [],
        denied: me.kind === 'ok' ? [] : ['read'],
        unknown: ['trade', 'withdraw'],
        exchange: [],
        source: 'GET /users/me',
      },
      clockMatters: false,
      notes: [`permissions: ${listing}; trading and withdrawing could not be told`, ADDRESS_NOTE],
    };
  };
}
