import { parseDecimal } from '../decimal.js';
import { ORDERBOOKS } from './markets.js';
import { placeOrder } from './orders.js';
import { ALL_KEY_FLAGS, type ApiKey, type BitexState } from './state.js';

const units = (amounts: Record<string, string>): Readonly<Record<string, bigint>> =>
  Object.fromEntries(
    Object.entries(amounts).map(([currency, amount]) => [currency, parseDecimal(amount) ?? 0n]),
  );

/** The balances each kind of ready-made user starts with (units of 10^-8). */
export const STARTING_BALANCES = {
  user: units({ usd: '10000', ars: '1000000', btc: '2', bch: '10' }),
  master: units({ usd: '5000', btc: '1' }),
  managed: units({ usd: '1000', btc: '0.5' }),
  marketMaker: units({ usd: '1000000', ars: '1000000000', btc: '100', bch: '1000' }),
};

/** The ids of the ready-made users. */
export const SEED_USER_IDS = {
  /** A regular user, not managed by the master. */
  user: 700,
  /** A master user: manages itself and `managed`. */
  master: 500,
  /** A user the master manages (Bitex's own example id). */
  managed: 600,
  /** Keeps the orderbooks busy and made the trade history. */
  marketMaker: 1,
} as const;

/** The ready-made keys. */
interface SeedKeys {
  /** Every flag, of `user`. */
  readonly user: ApiKey;
  /** `get_balances` and `get_withdrawal` only, of `user`. */
  readonly readOnly: ApiKey;
  /** Every flag, of `master`. */
  readonly master: ApiKey;
}

const HISTORY_STEPS_PERMILLE = [-3, 1, 4, -2, 2, 0];

function seedMarkets(state: BitexState): void {
  const maker = SEED_USER_IDS.marketMaker;
  const now = state.now();
  for (const orderbook of ORDERBOOKS) {
    const ref = orderbook.referencePrice;
    for (const [index, permille] of HISTORY_STEPS_PERMILLE.entries()) {
      const price = ref + (ref * BigInt(permille)) / 1000n;
      const coinAmount = 10_000_000n * BigInt(index + 1);
      state.trades.push({
        id: state.nextId(),
        orderbook,
        buyerId: maker,
        sellerId: maker,
        bidId: 0,
        askId: 0,
        coinAmount,
        cashAmount: (coinAmount * price) / 100_000_000n,
        price,
        createdAt: now - (HISTORY_STEPS_PERMILLE.length - index) * 40 * 60 * 1000,
      });
    }
    for (const permille of [3n, 7n]) {
      const ask = ref + (ref * permille) / 1000n;
      const bid = ref - (ref * permille) / 1000n;
      placeOrder(state, {
        userId: maker,
        side: 'ask',
        orderbook,
        amount: 50_000_000n * permille,
        price: ask,
      });
      placeOrder(state, { userId: maker, side: 'bid', orderbook, amount: (bid * permille) / 2n, price: bid });
    }
  }
}

/** Creates the ready-made users, their keys, a resting orderbook and some trade history. */
export function seed(state: BitexState): SeedKeys {
  const ids = SEED_USER_IDS;
  state.addUser({
    id: ids.marketMaker,
    email: 'market-maker@sandbox.invalid',
    balances: STARTING_BALANCES.marketMaker,
  });
  state.addUser({
    id: ids.master,
    email: 'master@sandbox.invalid',
    master: true,
    balances: STARTING_BALANCES.master,
  });
  state.addUser({
    id: ids.managed,
    email: 'managed@sandbox.invalid',
    managedBy: ids.master,
    balances: STARTING_BALANCES.managed,
  });
  state.addUser({ id: ids.user, email: 'user@sandbox.invalid', balances: STARTING_BALANCES.user });
  seedMarkets(state);
  return {
    user: state.addKey(ids.user, ALL_KEY_FLAGS),
    readOnly: state.addKey(ids.user, ['get_balances', 'get_withdrawal']),
    master: state.addKey(ids.master, ALL_KEY_FLAGS),
  };
}
