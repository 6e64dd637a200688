import { formatDecimal } from '../decimal.js';
import { type Resource, resource } from './answers.js';
import {
  ALL_KEY_FLAGS,
  type ApiKey,
  type BitexUser,
  type Movement,
  type Order,
  type Trade,
  type Withdrawal,
} from './state.js';

const time = (ms: number) => new Date(ms).toISOString();

/** A user as `users` resource. */
export function userView(user: BitexUser): Resource {
  return resource('users', user.id, {
    email: user.email,
    master: user.master,
    created_at: time(user.createdAt),
  });
}

/** A bid or ask as `bids` / `asks` resource. */
export function orderView(order: Order): Resource {
  return resource(`${order.side}s`, order.id, {
    orderbook_code: order.orderbook.code,
    amount: formatDecimal(order.amount),
    remaining_amount: formatDecimal(order.remaining),
    price: formatDecimal(order.price),
    status: order.status,
    created_at: time(order.createdAt),
  });
}

/** A trade as seen by one of its sides: a `buys` or `sells` resource. */
export function tradeView(trade: Trade, side: 'buy' | 'sell'): Resource {
  return resource(`${side}s`, trade.id, {
    orderbook_code: trade.orderbook.code,
    coin_amount: formatDecimal(trade.coinAmount),
    cash_amount: formatDecimal(trade.cashAmount),
    price: formatDecimal(trade.price),
    fee: '0',
    order_id: String(side === 'buy' ? trade.bidId : trade.askId),
    created_at: time(trade.createdAt),
  });
}

/** A withdrawal as `coin_withdrawals` / `cash_withdrawals` resource. */
export function withdrawalView(withdrawal: Withdrawal): Resource {
  return resource(`${withdrawal.kind}_withdrawals`, withdrawal.id, {
    amount: formatDecimal(withdrawal.amount),
    currency: withdrawal.currency,
    status: withdrawal.status,
    label: withdrawal.label ?? null,
    ...(withdrawal.kind === 'coin' ? { to_addresses: withdrawal.toAddresses ?? null } : {}),
    created_at: time(withdrawal.createdAt),
  });
}

/** A balance change as `movements` resource. */
export function movementView(movement: Movement): Resource {
  return resource('movements', movement.id, {
    kind: movement.kind,
    currency: movement.currency,
    amount: formatDecimal(movement.amount),
    created_at: time(movement.createdAt),
  });
}

/** A key as `api_keys` resource: its flags, never its token. */
export function apiKeyView(key: ApiKey): Resource {
  const flags = Object.fromEntries(ALL_KEY_FLAGS.map((flag) => [flag, key.flags.has(flag)]));
  return resource('api_keys', key.id, { ...flags, created_at: time(key.createdAt) });
}
