import type { Catalog } from '../core/catalog.js';
import type { Permission } from '../core/permissions.js';
import {
  BITEX_ENVIRONMENTS,
  BITEXBIT_ENVIRONMENTS,
  bitex,
  bitexbit,
  type Client,
  createClient,
  type Provider,
} from '../index.js';
import { alphapointProvider, kiiexProvider, ndaxProvider } from './alphapoint-providers.js';
import type { Flag } from './args.js';
import { inUserTerms, type OptionSource, readCredentials, UsageError } from './credentials.js';
import { CLI_ENV_VARIABLES, type CliEnvVariable, type CliProviderName } from './env.js';
import { twoFactorFromEnv } from './two-factor.js';

/** What `whoami` found: a line for people, fields for `--json`. */
export interface Identity {
  readonly text: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** What the command line knows about one provider. */
export interface CliProvider {
  readonly name: CliProviderName;
  /** Environment variable → provider option (the list is {@link CLI_ENV_VARIABLES}). */
  readonly variables: Readonly<Record<string, CliEnvVariable>>;
  /** `--env` names and the base URLs they mean. */
  readonly environments: Readonly<Record<string, string>>;
  /** Header names that carry the key (shown as a hint: see `keyHint`). */
  readonly keyHeaders: readonly string[];
  /** Header names that carry signatures or tokens (masked unless `--reveal`). */
  readonly secretHeaders: readonly string[];
  /** Builds the provider from options (credentials, and `twoFactor` when set) and a base URL. */
  provider(options: Record<string, unknown>, baseURL: string): Provider<Permission, Catalog, object>;
  /** A path `sign` can be shown with: one of the provider's own read endpoints. */
  readonly examplePath: string;
  /** One cheap authenticated call that proves the credentials work, and who answered. */
  whoami(client: Client<Permission, Catalog> & object): Promise<Identity>;
}

const bitexProvider: CliProvider = {
  name: 'bitex',
  variables: CLI_ENV_VARIABLES.bitex,
  environments: BITEX_ENVIRONMENTS,
  keyHeaders: ['Authorization'],
  secretHeaders: [],
  examplePath: '/users/me',
  provider: (options, baseURL) =>
    bitex({ ...options, baseURL } as Parameters<typeof bitex>[0]) as Provider<Permission, Catalog, object>,
  async whoami(client) {
    const { data } = await client.request<{ data: { id: string; attributes?: { email?: string } } }>({
      method: 'GET',
      path: '/users/me',
    });
    const email = data.data.attributes?.email;
    return {
      text: `bitex user ${data.data.id}${email ? ` (${email})` : ''}`,
      data: { user: data.data.id, ...(email ? { email } : {}) },
    };
  },
};

const bitexbitProvider: CliProvider = {
  name: 'bitexbit',
  variables: CLI_ENV_VARIABLES.bitexbit,
  environments: BITEXBIT_ENVIRONMENTS,
  keyHeaders: ['X-API-Key', 'X-Key'],
  secretHeaders: ['X-Signature', 'X-Sign'],
  examplePath: '/api/v2/private/balance',
  provider: (options, baseURL) =>
    bitexbit({ access: 'read', ...options, baseURL } as Parameters<typeof bitexbit>[0]) as Provider<
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
    const balances = Array.isArray(data) ? data.length : 0;
    return { text: `bitexbit key accepted; ${balances} balances visible`, data: { balances } };
  },
};

/** Every provider the command line can use, by name. */
const CLI_PROVIDERS: Readonly<Record<CliProviderName, CliProvider>> = {
  bitex: bitexProvider,
  bitexbit: bitexbitProvider,
  kiiex: kiiexProvider,
  ndax: ndaxProvider,
  alphapoint: alphapointProvider,
};

/** The named provider, or a usage error listing the known ones. */
export function cliProvider(name: string | undefined): CliProvider {
  const known = Object.keys(CLI_PROVIDERS).join(', ');
  if (name === undefined) throw new UsageError(`name a provider: ${known}`);
  const provider = Object.hasOwn(CLI_PROVIDERS, name) ? CLI_PROVIDERS[name as CliProviderName] : undefined;
  if (!provider) throw new UsageError(`unknown provider "${name}"; known providers: ${known}`);
  return provider;
}

/** `sign`'s example paths, one per provider, for its help. */
export function examplePaths(): string {
  const byPath = new Map<string, string[]>();
  for (const cli of Object.values(CLI_PROVIDERS)) {
    byPath.set(cli.examplePath, [...(byPath.get(cli.examplePath) ?? []), cli.name]);
  }
  return [...byPath].map(([path, names]) => `${path} (${names.join(', ')})`).join(', ');
}

/** A client for the CLI: no retries, so a check says what happened at once. */
export function cliClient(provider: Provider<Permission, Catalog, object>) {
  return createClient(provider, { retry: false, timeout: 15_000 });
}

/** The base URL from `--url` or `--env`. */
function baseUrlOf(provider: CliProvider, env: string | undefined, url: string | undefined): string {
  if (url !== undefined) return url;
  const names = Object.keys(provider.environments);
  if (names.length === 0)
    throw new UsageError(`${provider.name} has no named environments: pass --url <base>`);
  const chosen = env ?? (names.includes('sandbox') ? 'sandbox' : names[0]);
  const base = chosen === undefined ? undefined : provider.environments[chosen];
  if (!base) throw new UsageError(`unknown --env "${env}"; use ${names.join(' or ')}, or --url`);
  return base;
}

/** Flags every command that takes credentials accepts. */
export const CREDENTIAL_FLAGS = {
  env: { type: 'string', value: '<name>', describe: 'the exchange environment (sandbox, production ...)' },
  url: { type: 'string', value: '<base>', describe: 'the API base URL, in place of --env' },
  credentials: {
    type: 'string',
    value: '<file.json>',
    describe: "read credentials from a JSON file of the provider's options",
  },
} as const satisfies Record<string, Flag>;

/** What a configured provider needs: its credentials, with where each came from, and the command's flags. */
interface ProviderSetup {
  readonly cli: CliProvider;
  readonly provider: Provider<Permission, Catalog, object>;
  /** Where each option was set, for messages (`userId` → `KIIEX_USER_ID`). */
  readonly sources: Readonly<Record<string, OptionSource>>;
}

/**
 * Reads the credentials (and the second factor) and builds the provider; a wrong option becomes a usage error
 * that names the variable, flag or file key the user set, never the value.
 */
export function setUpProvider(
  name: string | undefined,
  flags: { env?: string | undefined; url?: string | undefined; credentials?: string | undefined },
  env: NodeJS.ProcessEnv = process.env,
): ProviderSetup {
  const cli = cliProvider(name);
  const read = readCredentials(cli.variables, flags.credentials, env);
  const options: Record<string, unknown> = {};
  const twoFactor = twoFactorFromEnv(cli.name, env);
  const sources: Record<string, OptionSource> = {
    ...read.sources,
    baseURL: { label: flags.url !== undefined ? '--url' : '--env' },
    environment: { label: '--env' },
    ...(twoFactor ? { twoFactor: { label: twoFactor.variable } } : {}),
  };
  Object.assign(options, read.values, twoFactor ? { twoFactor: twoFactor.source } : {});
  try {
    return { cli, provider: cli.provider(options, baseUrlOf(cli, flags.env, flags.url)), sources };
  } catch (error) {
    throw inUserTerms(error, sources);
  }
}
