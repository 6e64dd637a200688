import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AlphaPointSandbox, startAlphaPointSandbox } from '../../src/testing/index.js';
import { uniquePrefix, useRedis } from '../redis/support.js';
import { fleet, total } from './support.js';

// Real processes running the built package (`npm run build` first), each with its own Redis connection, against
// the sandbox, which counts logins on both channels (HTTP AuthenticateUser and the gateway's) as one number.
const redis = useRedis();

let kiiex: AlphaPointSandbox;
beforeEach(async () => {
  kiiex = await startAlphaPointSandbox();
});
afterEach(() => kiiex.close());

describe('a fleet on one Kiiex key over HTTP and WebSocket', () => {
  it('4 processes, each calling over HTTP and over its WebSocket at once, cold: 1 login for the fleet', async () => {
    const credentials = kiiex.addAccount({});
    const members = await fleet(4, {
      flavour: 'esm',
      redisUrl: redis.url(),
      prefix: uniquePrefix(),
      coordination: { pollMs: 10 },
      clientOptions: { rateLimit: false },
      kiiex: {
        credentials,
        baseURL: kiiex.baseURL,
        wsURL: kiiex.wsURL,
        ids: kiiex.accountIds(credentials.apiKey),
      } as never,
    });
    const outcomes = await Promise.all(
      members.flatMap((m) => [m.run('kiiex:positions', 3), m.run('kiiex:ws', 3)]),
    );
    expect(total(outcomes)).toEqual({ ok: 24, errors: [] });
    expect(kiiex.stats().logins).toBe(1);
    expect(kiiex.stats().socketsOpened).toBe(4);
    // Every socket authenticated with the fleet's token, none with a login of its own.
    const names = kiiex.frames.map((frame) => (JSON.parse(frame.text) as { n: string }).n);
    expect(
      names.filter((name) => name === 'WebAuthenticateUser').length +
        names.filter((name) => name === 'AuthenticateUser').length,
    ).toBe(4);
  });
});
