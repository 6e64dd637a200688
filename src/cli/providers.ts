import type { Catalog } from '../core/catalog.js';
import type { Permission } from '../core/permissions.js';
import {
  BITEX_ENVIRONMENTS,
  BITEXBIT_ENVIRONMENTS,
  bitex,
  bitexbit,
  type Client,
  createClient,
  KIIEX_ENVIRONMENTS,
  kiiex,
  type Provider,
} from '../index.js';
import { UsageError } from './credentials.js';

/** What the command line knows about one provider. */
export interface CliProvider {
  /** Environment variable → provider option. */
  readonly variables: Readonly<Record<string, { option: string; required: boolean }>>;
  /** `--env` names and the base URLs they mean. */
  readonly environments: Readonly<Record<string, string>>;
  /** Header names that carry the key (shown by their first four characters). */
  readonly keyHeaders: readonly string[];
  /** Header names that carry signatures or tokens (masked unless `--reveal`). */
  readonly secretHeaders: readonly string[];
  /** Builds the provider from credentials and a base URL. */
  provider(credentials: Record<string, string>, baseURL: string): Provider<Permission, Catalog, object>;
  /** One cheap authenticated call that proves the credentials work; a line describing who answered. */
  whoami(client: Client<Permission, Catalog> & object): Promise<string>;
}

const bitexProvider: CliProvider = {
  variables: {
    BITEX_API_KEY: { option: 'apiKey', required: true },
    BITEX_ROLE: { option: 'role', required: false },
  },
  environments: BITEX_ENVIRONMENTS,
  keyHeaders: ['Authorization'],
  secretHeaders: [],
  provider: (credentials, baseURL) =>
    bitex({ ...credentials, baseURL } as Parameters<typeof bitex>[0]) as Provider<
      Permission,
      Catalog,
      object
    >,
  async whoami(client) {
    const { data } = await client.request<{ data: { id: string; attributes?: { email?: string } } }>({
      method: 'GET',
      path: '/users/me',
    });
    return `bitex user ${data.data.id}${data.data.attributes?.email ? ` (${data.data.attributes.email})` : ''}`;
  },
};

const bitexbitProvider: CliProvider = {
  variables: {
    BITEXBIT_ACCESS_KEY: { option: 'accessKey', required: true },
    BITEXBIT_PRIVATE_KEY: { option: 'privateKey', required: true },
    BITEXBIT_ACCESS: { option: 'access', required: false },
  },
  environments: BITEXBIT_ENVIRONMENTS,
  keyHeaders: ['X-API-Key', 'X-Key'],
  secretHeaders: ['X-Signature', 'X-Sign'],
  provider: (credentials, baseURL) =>
    bitexbit({ access: 'read', ...credentials, baseURL } as Parameters<typeof bitexbit>[0]) as Provider<
      Permission,
      Catalog,
      object
    >,
  async whoami(client) {
    const { data } = await client.request<unknown[]>({
      method: 'GET',
      path: '/api/v2/private/balance',
      permission: 'read',
    });
    return `bitexbit key accepted; ${Array.isArray(data) ? data.length : 0} balances visible`;
  },
};

const kiiexProvider: CliProvider = {
  variables: {
    KIIEX_API_KEY: { option: 'apiKey', required: true },
    KIIEX_API_SECRET: { option: 'apiSecret', required: true },
    KIIEX_USER_ID: { option: 'userId', required: true },
  },
  environments: { ...KIIEX_ENVIRONMENTS, sandbox: KIIEX_ENVIRONMENTS.staging },
  keyHeaders: ['APIKey'],
  secretHeaders: ['Signature', 'aptoken'],
  provider: (credentials, baseURL) =>
    kiiex({ ...credentials, baseURL } as Parameters<typeof kiiex>[0]) as Provider<
      Permission,
      Catalog,
      object
    >,
  async whoami(client) {
    const identity = await (
      client as unknown as { authenticate(): Promise<Record<string, unknown>> }
    ).authenticate();
    await client.close();
    return `kiiex user ${identity.userId}, account ${identity.accountId}, OMS ${identity.omsId}`;
  },
};

/** Every provider the command line can use, by name. */
export const CLI_PROVIDERS: Readonly<Record<string, CliProvider>> = {
  bitex: bitexProvider,
  bitexbit: bitexbitProvider,
  kiiex: kiiexProvider,
};

/** The named provider, or a usage error listing the known ones. */
export function cliProvider(name: string | undefined): CliProvider {
  const known = Object.keys(CLI_PROVIDERS).join(', ');
  if (name === undefined) throw new UsageError(`name a provider: ${known}`);
  const provider = Object.hasOwn(CLI_PROVIDERS, name) ? CLI_PROVIDERS[name] : undefined;
  if (!provider) throw new UsageError(`unknown provider "${name}"; known providers: ${known}`);
  return provider;
}

/** A client for the CLI: no retries, so a check says what happened at once. */
export function cliClient(provider: Provider<Permission, Catalog, object>) {
  return createClient(provider, { retry: false, timeout: 15_000 });
}

/** The base URL from `--url` or `--env`. */
export function baseUrlOf(provider: CliProvider, env: string | undefined, url: string | undefined): string {
  if (url !== undefined) return url;
  const names = Object.keys(provider.environments);
  const chosen = env ?? (names.includes('sandbox') ? 'sandbox' : names[0]);
  const base = chosen === undefined ? undefined : provider.environments[chosen];
  if (!base) throw new UsageError(`unknown --env "${env}"; use ${names.join(' or ')}, or --url`);
  return base;
}

/** Options every command that takes credentials accepts. */
export const CREDENTIAL_OPTIONS = {
  env: { type: 'string' },
  url: { type: 'string' },
  credentials: { type: 'string' },
  help: { type: 'boolean' },
  verbose: { type: 'boolean' },
} as const;
