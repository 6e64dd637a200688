import { createHmac } from 'node:crypto';
import { bitex, bitexbit, systemClock } from '../dist/index.js';
import { fmtNs, nanosPerCall, row } from './measure.mjs';
import { prepareBody, preparedRequest } from './prepared.mjs';

const silent = () => undefined;
const noLogin = {
  send: () => Promise.reject(new Error('no login in this benchmark')),
  signal: undefined,
  deadline: undefined,
  logger: { debug: silent, info: silent, warn: silent, error: silent },
  clock: systemClock,
};

/** 1. Signing floor: authorising one request, per strategy, against one bare HMAC over the same message. */
export async function signingRows() {
  const key = 'ak_bench_0123456789';
  const secret = 'sk_bench_0123456789abcdef';
  const keyPair = bitexbit({
    accessKey: key,
    privateKey: secret,
    access: 'trade',
    baseURL: 'https://bitexbit.test',
  });
  const staticKey = bitex({ apiKey: 'bitex_bench_key_0123456789', baseURL: 'https://bitex.test/api' });

  const order = preparedRequest(keyPair, 'POST', '/api/v2/private/order/create', prepareBody);
  const header = preparedRequest(staticKey, 'GET', '/users/me');
  let nonce = 1_700_000_000_000;
  const ns = await nanosPerCall(
    {
      'bitexbit floor': () => {
        nonce += 1;
        return createHmac('sha256', secret).update(`${order.path}${nonce}${order.body}`).digest('hex');
      },
      'bitexbit authorize': () => keyPair.strategy.authorize(order, noLogin),
      'bitex authorize': () => staticKey.strategy.authorize(header, noLogin),
    },
    { time: 1_000 },
  );
  const ratio = ns['bitexbit authorize'] / ns['bitexbit floor'];
  return [
    row(
      '1 signing',
      'bitexbit v2 authorize vs bare HMAC',
      fmtNs(ns['bitexbit authorize']),
      fmtNs(ns['bitexbit floor']),
      ratio,
      '≤ 1.3x',
      ratio <= 1.3,
    ),
    row(
      '1 signing',
      'bitex static header authorize',
      fmtNs(ns['bitex authorize']),
      '',
      undefined,
      '< 1 µs',
      ns['bitex authorize'] < 1_000,
    ),
  ];
}
