import axios from 'axios';
import { describe, expect, it } from 'vitest';
import { bitex, createClient, TransportError } from '../../../src/index.js';
import { TestClock } from '../../support/clock.js';

describe("a user's own axios instance whose adapter does not use Node's http", () => {
  it('is stopped at the deadline through the signal it is given: 1 of 1 ends ETIMEDOUT, outcome unknown', async () => {
    let started = 0;
    let aborted = 0;
    // An adapter that never answers: only the request's signal can end it.
    const stuck = axios.create({
      adapter: (config) =>
        new Promise((_, reject) => {
          started += 1;
          config.signal?.addEventListener?.('abort', () => {
            aborted += 1;
            reject(new Error('stopped by the signal'));
          });
        }),
    });
    const clock = new TestClock();
    const client = createClient(bitex({ apiKey: 'user-adapter-key', baseURL: 'https://bitex.invalid/api' }), {
      axios: stuck,
      clock,
      retry: false,
      rateLimit: false,
      timeout: 1_000,
    });
    const call = client.call('coinWallets.list').catch((error: unknown) => error);
    while (started === 0) await new Promise((resolve) => setImmediate(resolve));
    await clock.advance(1_000);
    const error = await call;
    expect(aborted).toBe(1);
    expect(error).toBeInstanceOf(TransportError);
    // The library cannot see what a user's adapter put on the wire: the outcome stays unknown.
    expect(error).toMatchObject({ networkCode: 'ETIMEDOUT', outcome: 'unknown' });
  });
});
