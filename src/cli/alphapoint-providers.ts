import type { Catalog } from '../core/catalog.js';
import type { Permission } from '../core/permissions.js';
import {
  type AlphaPointIdentity,
  alphapoint,
  type Client,
  KIIEX_ENVIRONMENTS,
  kiiex,
  NDAX_BASE_URL,
  ndax,
  type Provider,
} from '../index.js';
import { CLI_ENV_VARIABLES } from './env.js';
import type { CliProvider, Identity } from './providers.js';

/**
 * Who an AlphaPoint login says you are. The ids the login answer did not name are left out, and said so: after a
 * two-factor login Kiiex's answer names the user only, not the account or the OMS.
 */
export function alphapointIdentity(exchange: string, identity: AlphaPointIdentity): Identity {
  const named = Object.entries({ account: identity.accountId, OMS: identity.omsId }).filter(
    ([, id]) => id !== undefined,
  );
  const unnamed = ['account', 'OMS'].filter((label) => !named.some(([name]) => name === label));
  const text = [
    `${exchange} user ${identity.userId ?? '(not named)'}`,
    ...named.map(([label, id]) => `${label} ${id}`),
  ].join(', ');
  const note = unnamed.length > 0 ? ` (the login answer names no ${unnamed.join(' or ')})` : '';
  const data = Object.fromEntries(Object.entries(identity).filter(([, id]) => id !== undefined));
  return { text: `${text}${note}`, data };
}

type Build = (options: Record<string, unknown>, baseURL: string) => Provider<Permission, Catalog, object>;

/** The command line's view of one AlphaPoint exchange: the same headers, whoami and variables (its prefix). */
function alphapointCli(
  name: 'kiiex' | 'ndax' | 'alphapoint',
  environments: Readonly<Record<string, string>>,
  build: Build,
): CliProvider {
  return {
    name,
    variables: CLI_ENV_VARIABLES[name],
    environments,
    keyHeaders: ['APIKey'],
    secretHeaders: ['Signature', 'aptoken'],
    examplePath: '/GetAccountInfo',
    provider: build,
    async whoami(client: Client<Permission, Catalog> & object) {
      const identity = await (
        client as unknown as { authenticate(): Promise<AlphaPointIdentity> }
      ).authenticate();
      await client.close();
      return alphapointIdentity(name, identity);
    },
  };
}

type AnyProvider = Provider<Permission, Catalog, object>;

/** Kiiex: its staging environment is the `sandbox` one. */
export const kiiexProvider = alphapointCli(
  'kiiex',
  { ...KIIEX_ENVIRONMENTS, sandbox: KIIEX_ENVIRONMENTS.staging },
  (options, baseURL) => kiiex({ ...options, baseURL } as Parameters<typeof kiiex>[0]) as AnyProvider,
);

/** NDAX: one environment, production. */
export const ndaxProvider = alphapointCli(
  'ndax',
  { production: NDAX_BASE_URL },
  (options, baseURL) => ndax({ ...options, baseURL } as Parameters<typeof ndax>[0]) as AnyProvider,
);

/** Any other AlphaPoint APEX deployment: no named environments, so `--url` says where. */
export const alphapointProvider = alphapointCli(
  'alphapoint',
  {},
  (options, baseURL) =>
    alphapoint({ ...options, baseURL, name: 'alphapoint' } as Parameters<
      typeof alphapoint
    >[0]) as AnyProvider,
);
