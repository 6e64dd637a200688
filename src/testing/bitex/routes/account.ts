import { createHash } from 'node:crypto';
import { jsonApi, resource } from '../answers.js';
import { CASH, COINS } from '../markets.js';
import { type PrivateRoute, privateRoute } from '../router.js';
import type { BitexState } from '../state.js';
import { accountView, apiKeyView, movementView, userView } from '../views.js';

const balances = { flag: 'get_balances' } as const;

/** A made-up deposit address, stable per user and coin. */
function depositAddress(userId: number, coin: string): string {
  return `sbx1${createHash('sha256').update(`${userId}:${coin}`).digest('hex').slice(0, 38)}`;
}

/** A stable numeric id of a user's coin wallet, as Bitex numbers them. */
const coinWalletId = (userId: number, coin: string) => userId * 100 + COINS.indexOf(coin) + 1;

function wallets(state: BitexState, userId: number, type: 'coin_wallets' | 'cash_wallets') {
  const view = state.wallets.view(userId);
  const currencies = type === 'coin_wallets' ? COINS : CASH;
  return currencies.map((currency) => {
    const amounts = {
      balance: Number(view[currency]?.total ?? '0'),
      available: Number(view[currency]?.available ?? '0'),
      currency,
    };
    return type === 'cash_wallets'
      ? resource(type, currency, amounts)
      : resource(type, coinWalletId(userId, currency), {
          ...amounts,
          address: depositAddress(userId, currency),
          auto_sell_address: depositAddress(userId, `${currency}:auto_sell`),
        });
  });
}

/** The user's profile, balances, wallets, movements and keys. */
export const accountRoutes: readonly PrivateRoute[] = [
  privateRoute('GET', '/api/users/me', balances, ({ actor }) => jsonApi(userView(actor))),
  privateRoute('GET', '/api/accounts', balances, ({ state, actor }) =>
    jsonApi([accountView(state, actor)], 200, { included: [userView(actor)] }),
  ),
  privateRoute('GET', '/api/coin_wallets', balances, ({ state, actor }) =>
    jsonApi(wallets(state, actor.id, 'coin_wallets')),
  ),
  privateRoute('GET', '/api/cash_wallets', balances, ({ state, actor }) =>
    jsonApi(wallets(state, actor.id, 'cash_wallets')),
  ),
  privateRoute('GET', '/api/movements', balances, ({ state, actor }) =>
    jsonApi(state.movements.filter((movement) => movement.userId === actor.id).map(movementView)),
  ),
  privateRoute('GET', '/api/api_keys', { flag: 'api_keys' }, ({ state, actor }) =>
    jsonApi([...state.keys.values()].filter((key) => key.userId === actor.id).map(apiKeyView)),
  ),
];
