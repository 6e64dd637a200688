import { inspect } from 'node:util';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, ExchangeAuthError } from '../../src/index.js';
import { type BitexbitOptions, bitexbit } from '../../src/providers/bitexbit/index.js';
import type { BitexbitAccess } from '../../src/providers/bitexbit/options.js';
import { type BitexbitSandbox, startBitexbitSandbox } from '../../src/testing/bitexbit/index.js';
import { type LoopbackServer, type ReceivedRequest, startHttpServer } from '../../src/testing/http-server.js';
import { everythingPrintable, thrown } from '../support/leaks.js';
import { seeded } from '../support/property.js';

/** Keys as bitexbit could issue them: printable ASCII without space, long enough to be a real key. */
const keyText = fc.string({
  unit: fc.integer({ min: 0x21, max: 0x7e }).map((code) => String.fromCharCode(code)),
  minLength: 16,
  maxLength: 64,
});
const keyPairs = fc
  .record({ accessKey: keyText, privateKey: keyText })
  .filter((k) => k.accessKey !== k.privateKey);

type Keys = { accessKey: string; privateKey: string };

const ORDER = { symbol: 'BTC_USD', type: 'buy-limit', price: '30000', amount: '0.001' } as const;
const settings = { retry: false, rateLimit: false } as const;

let sandbox: BitexbitSandbox;
/** A server that echoes every header it received, the way a careless exchange might in its errors. */
let echo: LoopbackServer;
let echoStatus = 401;

beforeAll(async () => {
  sandbox = await startBitexbitSandbox();
  echo = await startHttpServer((request) => ({
    status: echoStatus,
    body: {
      message: `refused: ${JSON.stringify(request.headers)}`,
      errors: [request.headers],
      body: request.body,
    },
  }));
});
afterAll(async () => {
  await sandbox.close();
  await echo.close();
});

function client<A extends BitexbitAccess>(keys: Keys, access: A, extra: Partial<BitexbitOptions<A>> = {}) {
  return createClient(bitexbit({ ...keys, access, baseURL: sandbox.baseURL, ...extra }), settings);
}

/** A key the sandbox knows, with the random values. */
function registered<A extends BitexbitAccess>(keys: Keys, access: A, allowedIps?: readonly string[]) {
  sandbox.addKey({ ...keys, access, ...(allowedIps ? { allowedIps } : {}) });
  return keys;
}

interface Path {
  readonly name: string;
  /** The server whose log holds the signatures this path sends. */
  readonly server?: () => { log: ReceivedRequest[] };
  run(keys: Keys): Promise<unknown>;
}

const paths: Path[] = [
  {
    name: '401: wrong private key',
    run: (keys) => {
      sandbox.addKey({ accessKey: keys.accessKey, privateKey: `${keys.privateKey}x`, access: 'read' });
      return client(keys, 'read').call('balance.get');
    },
  },
  {
    name: '401: stale nonce',
    run: async (keys) => {
      const reader = client(registered(keys, 'read'), 'read', { nonceSource: { next: () => '1' } });
      await reader.call('balance.get').catch(() => undefined);
      return reader.call('balance.get');
    },
  },
  {
    name: '401: gateway deadline past',
    run: async (keys) => {
      sandbox.shiftClock(60_000);
      try {
        return await client(registered(keys, 'withdraw'), 'withdraw').call('withdrawals.create', {
          body: { ticker: 'USDT', network: 'tron', address: keys.privateKey, amount: 1 },
        });
      } finally {
        sandbox.shiftClock(-60_000);
      }
    },
  },
  {
    name: "403: above the key's access type",
    run: (keys) => client(registered(keys, 'read'), 'trade').call('orders.create', { body: ORDER }),
  },
  {
    name: '403: address not on the IP list',
    run: (keys) => client(registered(keys, 'read', ['198.51.100.1']), 'read').call('balance.get'),
  },
  {
    name: '429 whose body echoes the keys',
    run: (keys) => {
      sandbox.failNext(1, {
        status: 429,
        retryAfterSeconds: 1,
        body: { message: `slow down ${keys.privateKey}` },
      });
      return client(registered(keys, 'trade'), 'trade').call('orders.create', { body: ORDER });
    },
  },
  {
    name: '400: bad order',
    run: (keys) =>
      client(registered(keys, 'trade'), 'trade').call('orders.create', {
        body: { ...ORDER, price: keys.privateKey },
      }),
  },
  {
    name: '500 whose body echoes the keys',
    run: (keys) => {
      sandbox.failNext(1, { status: 500, body: { error: keys.accessKey, detail: keys.privateKey } });
      return client(registered(keys, 'read'), 'read').call('balance.get');
    },
  },
  {
    name: 'HTML page with the key in it',
    run: (keys) => {
      sandbox.failNext(1, { status: 503, body: `<html>${keys.privateKey}</html>` });
      return client(registered(keys, 'read'), 'read').call('orders.list');
    },
  },
  {
    name: 'truncated JSON',
    run: (keys) => {
      sandbox.failNext(1, { status: 200, body: `{"key":"${keys.privateKey}` });
      return client(registered(keys, 'read'), 'read').call('orders.list');
    },
  },
  {
    name: 'answer that does not match the schema',
    run: (keys) => {
      sandbox.failNext(1, { status: 200, body: { data: keys.privateKey } });
      return client(registered(keys, 'read'), 'read').call('balance.get');
    },
  },
  {
    name: 'connection dropped after a withdrawal ran',
    run: (keys) => {
      sandbox.dropNext({ execute: true });
      return client(registered(keys, 'withdraw'), 'withdraw').call('withdrawals.create', {
        body: { ticker: 'USDT', network: 'tron', address: 'TXYZ', amount: 1 },
      });
    },
  },
  {
    name: 'local permission gate',
    run: (keys) => client(keys, 'read').call('orders.create' as never, { body: ORDER } as never),
  },
  {
    name: 'body with U+200B',
    run: (keys) =>
      client(keys, 'trade').request({
        method: 'POST',
        path: '/api/v2/private/order/create',
        body: `"${keys.privateKey}\u200b"`,
      }),
  },
  {
    name: 'private key with a space',
    run: async (keys) => bitexbit({ ...keys, privateKey: `${keys.privateKey} x`, access: 'read' }),
  },
  {
    name: 'access key with U+200B',
    run: async (keys) => bitexbit({ ...keys, accessKey: `${keys.accessKey}\u200b`, access: 'read' }),
  },
  ...[401, 403, 400, 500].flatMap((status): Path[] => [
    {
      name: `${status} from an exchange that echoes the v2 headers, signature included`,
      server: () => echo,
      run: (keys) => {
        echoStatus = status;
        return createClient(bitexbit({ ...keys, access: 'read', baseURL: echo.origin }), settings).call(
          'balance.get',
        );
      },
    },
    {
      name: `${status} from an exchange that echoes the gateway headers, signature included`,
      server: () => echo,
      run: (keys) => {
        echoStatus = status;
        return createClient(bitexbit({ ...keys, access: 'withdraw', baseURL: echo.origin }), settings).call(
          'withdrawals.create',
          { body: { ticker: 'USDT', network: 'tron', address: 'TXYZ', amount: 1 } },
        );
      },
    },
  ]),
];

describe('no error a bitexbit client throws reveals the private key, the access key or a signature', () => {
  for (const path of paths) {
    it(path.name, async () => {
      await fc.assert(
        fc.asyncProperty(keyPairs, async (keys) => {
          const log = (path.server ?? (() => sandbox))().log;
          const from = log.length;
          const error = await thrown(() => path.run(keys));
          expect(error).toBeInstanceOf(ExchangeAuthError);
          const printable = everythingPrintable(error);
          expect(printable).not.toContain(keys.privateKey);
          expect(printable).not.toContain(keys.accessKey);
          const signatures = log
            .slice(from)
            .flatMap((request) => [request.headers['x-signature'], request.headers['x-sign']])
            .filter((value): value is string => value !== undefined);
          for (const signature of signatures) expect(printable).not.toContain(signature);
        }),
        seeded({ numRuns: 25 }),
      );
    });
  }
});

describe('the provider and the client do not print the keys either', () => {
  it('util.inspect and JSON.stringify of both', () => {
    fc.assert(
      fc.property(keyPairs, (keys) => {
        const provider = bitexbit({ ...keys, access: 'withdraw' });
        const built = createClient(provider);
        for (const value of [provider, built, provider.strategy]) {
          const printed = `${inspect(value, { depth: 10, showHidden: true })}${JSON.stringify(value)}`;
          expect(printed).not.toContain(keys.privateKey);
          expect(printed).not.toContain(keys.accessKey);
        }
      }),
      seeded({ numRuns: 50 }),
    );
  });
});
