import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import { bitexbit, createClient, ExchangeError } from '../../src/index.js';
import { BITEXBIT_ENVIRONMENTS } from '../../src/providers/bitexbit/options.js';
import { TestClock } from '../support/clock.js';
import { thrown } from '../support/leaks.js';

// The default host (docs/providers/bitexbit.md, "Host"): www.bitexbit.com, where the docs' sample clients send
// v2 and gateway calls. Redirects are never followed, so a host that only redirects fails loudly, naming where
// it pointed, and the signed request never reaches the other host.

/** A loopback server answering every request with `status` and `headers`; it counts what it received. */
async function server(status: number, headers: Record<string, string> = {}) {
  const received: string[] = [];
  const listener = createServer((request, response) => {
    received.push(`${request.method} ${request.url}`);
    request.resume();
    request.on('end', () => response.writeHead(status, headers).end());
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => new Promise<void>((resolve) => listener.close(() => resolve())));
  return { origin: `http://127.0.0.1:${(listener.address() as AddressInfo).port}`, received };
}

describe('the bitexbit host', () => {
  it('defaults to https://www.bitexbit.com, for v2 and gateway paths alike', () => {
    expect(BITEXBIT_ENVIRONMENTS.production).toBe('https://www.bitexbit.com');
    const provider = bitexbit({ accessKey: 'ak_host_0123', privateKey: 'sk_host_4567', access: 'read' });
    expect(provider.baseURL).toBe('https://www.bitexbit.com');
  });

  it('a redirect is not followed: one request, to the configured host only, and the error says where it led', async () => {
    const elsewhere = await server(200);
    const target = `${elsewhere.origin}/api/v2/private/balance`;
    const redirecting = await server(301, { Location: target });
    const client = createClient(
      bitexbit({
        accessKey: 'ak_host_0123',
        privateKey: 'sk_host_4567',
        access: 'read',
        baseURL: redirecting.origin,
      }),
      { rateLimit: false, retry: false, clock: new TestClock() },
    );
    const error = await thrown(() => client.call('balance.get'));
    expect(error).toBeInstanceOf(ExchangeError);
    expect((error as ExchangeError).status).toBe(301);
    expect((error as ExchangeError).message).toContain(target);
    expect((error as ExchangeError).message).toContain('set baseURL to the host that answers directly');
    expect(redirecting.received).toEqual(['GET /api/v2/private/balance']);
    expect(elsewhere.received).toEqual([]);
  });
});
