import { describe, expect, it, onTestFinished } from 'vitest';
import { bitexbit, createClient, type TransportError } from '../../../src/index.js';
import { redisCoordination } from '../../../src/redis/index.js';
import { startBitexbitSandbox } from '../../../src/testing/index.js';
import { uniquePrefix, useRedis } from '../../redis/support.js';
import { startFront } from '../shared/front.js';
import { rejection, turns } from '../shared/waits.js';

// An abort that fires while a money-moving request is on the wire, after the exchange executed it: the call may
// only say `not-sent` when the library saw that no byte left. A bot that resends on `not-sent` (as the docs
// allow) must not execute the request twice. The exchange's answer is held at a loopback front, so the abort
// lands exactly between "executed" and "answered".

const redis = useRedis();
const ORDER = { symbol: 'BTC_USD', type: 'buy-limit', price: '100', amount: '0.01' };
const WITHDRAWAL = {
  ticker: 'USDT',
  network: 'tron',
  address: 'TR4d6N2HoC3Annqt2JK6HhQWuNARMNx5pW',
  amount: 5,
};

const CASES = [
  {
    name: 'orders.create',
    route: 'POST /api/v2/private/order/create',
    pathEnd: '/order/create',
    access: 'trade',
    body: ORDER,
  },
  {
    name: 'withdrawals.create',
    route: 'POST /api/gateway/withdraw/create',
    pathEnd: '/withdraw/create',
    access: 'withdraw',
    body: WITHDRAWAL,
  },
] as const;

const WAYS = ['in-process', 'over Redis'] as const;

describe('an abort while a bitexbit request is on the wire, after the exchange executed it', () => {
  for (const way of WAYS) {
    for (const item of CASES) {
      it(`${item.name}, ${way}: TransportError outcome unknown, not not-sent; a resend-on-not-sent bot executes it 1 time, not 2`, async () => {
        const exchange = await startBitexbitSandbox();
        const front = await startFront(exchange.baseURL);
        onTestFinished(async () => {
          await front.close();
          await exchange.close();
        });
        const key = exchange.addKey({ access: item.access });
        const client = createClient(bitexbit({ ...key, baseURL: front.baseURL }), {
          rateLimit: false,
          retry: false,
          ...(way === 'over Redis'
            ? { coordination: redisCoordination(redis.connect(), { prefix: uniquePrefix() }) }
            : {}),
        });
        onTestFinished(() => client.close());
        // The key's access is a union across the cases; the catalog checks each body at run time.
        const call = (input: object) =>
          (client.call as (name: string, input: object) => Promise<unknown>)(item.name, input);
        const answers = front.holdAnswers(item.pathEnd);
        const controller = new AbortController();
        const order = call({ body: item.body, signal: controller.signal });
        order.catch(() => undefined);
        await answers.arrived(1);
        expect(exchange.executions(item.route)).toBe(1);

        controller.abort();
        const error = (await rejection(order)) as TransportError;
        expect(error.name).toBe('TransportError');
        expect(error.outcome).toBe('unknown');
        expect(error.message).toMatch(/reconcile/);

        // What a bot does with the error: resend only when nothing was sent.
        if (error.outcome === 'not-sent') {
          answers.release();
          await call({ body: item.body });
        }
        answers.release();
        await turns(20);
        expect(exchange.executions(item.route)).toBe(1);
      });
    }
  }
});
