import { ExchangeError } from '../../core/errors.js';
import type { InspectContext, ProviderInspection } from '../../core/inspect.js';
import { inspectProbe as probe, refusedInspection } from '../../toolkit/inspect-verdict.js';

/**
 * An order id no order has: cancelling it changes nothing. A can-trade key is told the order does not exist (an
 * ExchangeError); a read-only key is refused with 403 (a PermissionDeniedError).
 */
const NO_SUCH_ORDER = 0;

const STALE_NONCE_NOTE =
  'credentials: bitexbit answers 401 for a wrong key pair and for a nonce not above the last one it saw for the key; asked twice, so a nonce behind is unlikely unless another program uses this key with nonces far ahead';

/**
 * bitexbit's part of `client.inspect()`. bitexbit has no call that lists a key's access type, so the doctor
 * reads what harmless calls answer: the balance (open to every access type, so a 403 there is this address
 * refused, and a 401 the key refused), then cancelling an order that does not exist (a 403 means the key only
 * reads). No harmless call tells a can-withdraw key from a can-trade one: withdraw stays unknown unless trade
 * is refused (access types are nested). The gateway's signed deadlines depend on this machine's clock.
 */
export async function inspectBitexbit(context: InspectContext): Promise<ProviderInspection> {
  const balance = { method: 'GET', path: '/api/v2/private/balance' } as const;
  let read = await probe(context, balance);
  // A 401 is also a nonce not above the last one the exchange saw for the key (a program whose clock, or
  // measured offset, ran ahead): once more, now that the 401's Date header has measured the offset.
  if (read.kind === 'refused' && read.credentials === 'invalid') read = await probe(context, balance);
  if (read.kind === 'refused') {
    const refused = refusedInspection(read, 'unknown', true);
    if (read.credentials !== 'invalid') return refused;
    return { ...refused, notes: [...refused.notes, STALE_NONCE_NOTE] };
  }
  // A 403 on this read is classified as the address refused (ip-refusal.ts); any other refusal is one too.
  if (read.kind === 'permission')
    return refusedInspection(
      { ...read, kind: 'refused', credentials: 'unknown', address: 'refused' },
      'refused',
      true,
    );
  const trade = await probe(context, {
    method: 'POST',
    path: `/api/v2/private/order/${NO_SUCH_ORDER}/cancel`,
  }).catch((error: unknown) => {
    // The exchange refused it as bad input (4xx): the access type let it through. A 5xx says nothing.
    const status = error instanceof ExchangeError ? (error.status ?? 0) : 0;
    if (status >= 400 && status < 500) return { kind: 'ok' as const, data: undefined };
    throw error;
  });
  const notes = [
    'read: the balance answered (every access type may read it)',
    trade.kind === 'permission'
      ? 'trade: cancelling an order that does not exist was refused with 403, so the key only reads'
      : 'trade: cancelling an order that does not exist reached the order book, so the key may trade',
  ];
  if (trade.kind === 'refused') return refusedInspection(trade, 'allowed', true);
  const canTrade = trade.kind === 'ok';
  if (canTrade) {
    notes.push(
      'withdraw: bitexbit offers no call that shows it without withdrawing; check the access type on its API page',
    );
  }
  return {
    credentials: 'valid',
    address: 'allowed',
    permissions: {
      granted: canTrade ? ['read', 'trade'] : ['read'],
      denied: canTrade ? [] : ['trade', 'withdraw'],
      unknown: canTrade ? ['withdraw'] : [],
      exchange: [canTrade ? 'Can trade (or Can withdraw)' : 'Read only'],
      source: 'GET /api/v2/private/balance, POST /api/v2/private/order/0/cancel',
    },
    clockMatters: true,
    notes,
  };
}
