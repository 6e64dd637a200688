import { createSecretKey } from 'node:crypto';
import ccxt from 'ccxt';
import { alphapointSignature, createNonceSource } from '../dist/index.js';
import { fmtNs, nanosPerCall, row } from './measure.mjs';

/**
 * 2. ccxt: its `ndax` exchange's `sign()` for a private call without a session (which computes the same
 * AlphaPoint login signature and headers) against ours: a nonce, the HMAC and the four headers.
 */
export async function ccxtRows() {
  const apiKey = 'bench_api_key_0123456789';
  const secret = 'bench_api_secret_0123456789abcdef';
  const userId = '169072';
  // ccxt insists on login and password credentials too, though sign() does not use them for API keys.
  const exchange = new ccxt.ndax({ apiKey, secret, uid: userId, login: 'bench', password: 'bench' });
  const key = createSecretKey(Buffer.from(secret));
  const nonces = createNonceSource();
  const ns = await nanosPerCall(
    {
      ours: () => {
        const nonce = nonces.next('bench', Date.now());
        return {
          APIKey: apiKey,
          Signature: alphapointSignature(key, nonce, userId, apiKey),
          UserId: userId,
          Nonce: nonce,
        };
      },
      ccxt: () => exchange.sign('GetAccountPositions', 'private', 'POST', { OMSId: 1, AccountId: 7 }),
    },
    { batch: 200, time: 1_000 },
  );
  const ratio = ns.ccxt / ns.ours;
  return [
    row(
      '2 ccxt',
      'AlphaPoint signature: ccxt ndax.sign() vs ours',
      fmtNs(ns.ours),
      fmtNs(ns.ccxt),
      ratio,
      '≥ 3x faster',
      ratio >= 3,
    ),
  ];
}
