import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ENV_VARIABLES } from '../../src/cli/env.js';
import {
  BITEX_ENV_VARIABLES,
  BITEXBIT_ENV_VARIABLES,
  bitexbitFromEnv,
  bitexFromEnv,
  ConfigurationError,
  createClient,
  KIIEX_ENV_VARIABLES,
  kiiexFromEnv,
} from '../../src/index.js';
import { type Sandbox, startSandbox } from '../../src/testing/index.js';
import { everythingPrintable, thrown } from '../support/leaks.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

describe('fromEnv() with the variables set', () => {
  it('bitexFromEnv reads BITEX_API_KEY; the sandbox knows the user', async () => {
    const provider = bitexFromEnv(
      { baseURL: sandbox.bitex.baseURL },
      { BITEX_API_KEY: sandbox.bitex.credentials.user.apiKey },
    );
    const { data } = await createClient(provider).call('users.me');
    expect((data as { data: { id: string } }).data.id).toBe(String(sandbox.bitex.users.user));
  });

  it('bitexbitFromEnv reads the key pair and BITEXBIT_ACCESS; the sandbox verifies the signature', async () => {
    const { accessKey, privateKey } = sandbox.bitexbit.credentials.trade;
    const provider = bitexbitFromEnv(
      { baseURL: sandbox.bitexbit.baseURL },
      { BITEXBIT_ACCESS_KEY: accessKey, BITEXBIT_PRIVATE_KEY: privateKey, BITEXBIT_ACCESS: 'trade' },
    );
    expect(provider.permissions).toEqual(['read', 'trade']);
    expect((await createClient(provider).call('balance.get')).status).toBe(200);
    const readOnly = bitexbitFromEnv(
      { baseURL: sandbox.bitexbit.baseURL },
      { BITEXBIT_ACCESS_KEY: accessKey, BITEXBIT_PRIVATE_KEY: privateKey },
    );
    expect(readOnly.permissions).toEqual(['read']);
  });

  it('kiiexFromEnv reads the key, secret and user id; the sandbox logs it in', async () => {
    const { apiKey, apiSecret, userId } = sandbox.kiiex.credentials.trader;
    const provider = kiiexFromEnv(
      { baseURL: sandbox.kiiex.baseURL },
      { KIIEX_API_KEY: apiKey, KIIEX_API_SECRET: apiSecret, KIIEX_USER_ID: userId },
    );
    const client = createClient(provider);
    expect((await client.authenticate()).userId).toBeDefined();
    await client.close();
  });
});

describe('kiiexFromEnv with a second factor', () => {
  it("KIIEX_TOTP_SECRET (the sandbox's published secret) computes the code at the login", async () => {
    const { apiKey, apiSecret, userId } = sandbox.kiiex.credentials.twoFactor;
    const env = {
      KIIEX_API_KEY: apiKey,
      KIIEX_API_SECRET: apiSecret,
      KIIEX_USER_ID: userId,
      KIIEX_TOTP_SECRET: sandbox.kiiex.totpSecrets.twoFactor,
    };
    const client = createClient(kiiexFromEnv({ baseURL: sandbox.kiiex.baseURL }, env));
    expect((await client.authenticate()).userId).toBeDefined();
    await client.close();
    const { KIIEX_TOTP_SECRET: _, ...without } = env;
    await expect(
      createClient(kiiexFromEnv({ baseURL: sandbox.kiiex.baseURL }, without)).authenticate(),
    ).rejects.toMatchObject({
      code: 'two-factor-required',
    });
  });
});

describe('one set of names everywhere', () => {
  it("the CLI's variables are the providers' own lists", () => {
    expect(CLI_ENV_VARIABLES.bitex).toBe(BITEX_ENV_VARIABLES);
    expect(CLI_ENV_VARIABLES.bitexbit).toBe(BITEXBIT_ENV_VARIABLES);
    expect(CLI_ENV_VARIABLES.kiiex).toBe(KIIEX_ENV_VARIABLES);
    expect(Object.keys(BITEX_ENV_VARIABLES)).toEqual(['BITEX_API_KEY', 'BITEX_ROLE']);
  });
});

describe('errors name the variables, never their values', () => {
  const realKey = 'REAL-access-key-value-0123456789';
  const realSecret = 'REAL-private-secret-value-abcdef';

  it('missing variables are all named, with what each must be; the ones that are set do not print', async () => {
    const error = await thrown(() => bitexbitFromEnv({}, { BITEXBIT_ACCESS_KEY: realKey }));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).field).toBe('BITEXBIT_PRIVATE_KEY');
    expect((error as Error).message).toMatch(
      /missing environment variable BITEXBIT_PRIVATE_KEY \(the private key/,
    );
    expect(everythingPrintable(error)).not.toContain(realKey);

    const none = await thrown(() => kiiexFromEnv({ environment: 'staging' }, {}));
    expect((none as Error).message).toMatch(
      /missing environment variables KIIEX_API_KEY \(.*\), KIIEX_API_SECRET \(.*\), KIIEX_USER_ID \(/,
    );
    const empty = await thrown(() => bitexFromEnv({ environment: 'sandbox' }, { BITEX_API_KEY: '' }));
    expect((empty as Error).message).toMatch(/missing environment variable BITEX_API_KEY/);
  });

  it('an invalid value names its variable, and no value set anywhere appears', async () => {
    const cases: [() => unknown, string][] = [
      [
        () =>
          kiiexFromEnv(
            { environment: 'staging' },
            { KIIEX_API_KEY: realKey, KIIEX_API_SECRET: realSecret, KIIEX_USER_ID: 'not-a-number' },
          ),
        'KIIEX_USER_ID',
      ],
      [
        () =>
          bitexFromEnv(
            { environment: 'sandbox' },
            { BITEX_API_KEY: realKey, BITEX_ROLE: 'admin-secret-role' },
          ),
        'BITEX_ROLE',
      ],
      [
        () => bitexFromEnv({ environment: 'sandbox' }, { BITEX_API_KEY: `${realKey} ${realSecret}` }),
        'BITEX_API_KEY',
      ],
      [
        () =>
          bitexbitFromEnv(
            {},
            { BITEXBIT_ACCESS_KEY: realKey, BITEXBIT_PRIVATE_KEY: realSecret, BITEXBIT_ACCESS: 'all' },
          ),
        'BITEXBIT_ACCESS',
      ],
      [
        () =>
          kiiexFromEnv(
            { environment: 'staging' },
            {
              KIIEX_API_KEY: realKey,
              KIIEX_API_SECRET: realSecret,
              KIIEX_USER_ID: '7',
              KIIEX_TOTP_SECRET: 'not base32 1!',
            },
          ),
        'KIIEX_TOTP_SECRET',
      ],
    ];
    for (const [build, variable] of cases) {
      const error = await thrown(build);
      expect(error, variable).toBeInstanceOf(ConfigurationError);
      expect((error as ConfigurationError).field, variable).toBe(variable);
      expect((error as Error).message, variable).toContain(variable);
      expect((error as Error).message, variable).not.toMatch(/must match pattern|Invalid (string|input)/);
      const printed = everythingPrintable(error);
      for (const value of [realKey, realSecret, 'not-a-number', 'admin-secret-role', 'not base32 1!']) {
        expect(printed, variable).not.toContain(value);
      }
    }
  });
});
