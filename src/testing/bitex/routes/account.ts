import { createHash } from 'node:crypto';
import { jsonApi, resource } from '../answers.js';
import { CASH, COINS } from '../markets.js';
import { type PrivateRoute, privateRoute } from '../router.js';
import type { BitexState } from '../state.js';
import { apiKeyView, movementView, userView } from '../views.js';

const balances = { flag: 'get_balances' } as const;

/** A made-up deposit address, stable per user and coin. */
function depositAddress(userId: number, coin: string): string {
  return `sbx1${createHash('sha256').update(`${userId}:${coin}`).digest('hex').slice(0, 38)}`;
}

function wallets(state: BitexState, userId: number, type: string, currencies: readonly string[]) {
  const view = state.wallets.view(userId);
  return currencies.map((currency) =>
    resource(type, `${userId}_${currency}`, {
      currency,
      balance: view[currency]?.total ?? '0',
      available: view[currency]?.available ?? '0',
      ...(type === 'coin_wallets' ? { address: depositAddress(userId, currency) } : {}),
    }),
  );
}

/** The user's profile, balances, wallets, movements and keys. */
export const accountRoutes: readonly PrivateRoute[] = [
  privateRoute('GET', '/api/users/me', balances, ({ actor }) => jsonApi(userView(actor))),
  privateRoute('GET', '/api/accounts', balances, ({ state, actor }) =>
    jsonApi([resource('accounts', actor.id, { status: 'green', balances: state.wallets.view(actor.id) })]),
  ),
  privateRoute('GET', '/api/coin_wallets', balances, ({ state, actor }) =>
    jsonApi(wallets(state, actor.id, 'coin_wallets', COINS)),
  ),
  privateRoute('GET', '/api/cash_wallets', balances, ({ state, actor }) =>
    jsonApi(wallets(state, actor.id, 'cash_wallets', CASH)),
  ),
  privateRoute('GET', '/api/movements', balances, ({ state, actor }) =>
    jsonApi(state.movements.filter((movement) => movement.userId === actor.id).map(movementView)),
  ),
  privateRoute('GET', '/api/api_keys', { flag: 'api_keys' }, ({ state, actor }) =>
    jsonApi([...state.keys.values()].filter((key) => key.userId === actor.id).map(apiKeyView)),
  ),
];
