import { formatDecimal } from '../decimal.js';
import { type Resource, resource } from './answers.js';
import { CASH } from './markets.js';
import {
  ALL_KEY_FLAGS,
  type ApiKey,
  type BitexState,
  type BitexUser,
  type Movement,
  type Order,
  type Trade,
  type Withdrawal,
  type WithdrawalInstruction,
} from './state.js';

// Resources in the shapes Bitex answers with, as recorded by its official SDK (bitex-la/bitex-sdk-ruby,
// spec/fixtures/*): the same attribute names, amounts and prices as JSON numbers, the same relationships.

const time = (ms: number) => new Date(ms).toISOString();

/** An amount or price as Bitex answers it: a JSON number (`3.0`, `0.00721248`). */
export const decimal = (units: bigint): number => Number(formatDecimal(units));

/** How many decimals Bitex shows a currency with: 2 for fiat, 8 for coins. */
export const decimalsOf = (currency: string): number => (CASH.includes(currency.toLowerCase()) ? 2 : 8);

/** A to-one relationship, `{ data: { id, type } }`. */
const toOne = (type: string, id: number | string) => ({ data: { id: String(id), type } });

/** A JSON:API resource with relationships. */
const related = (
  type: string,
  id: number | string,
  attributes: Record<string, unknown>,
  relationships: Record<string, unknown>,
): Resource => ({ ...resource(type, id, attributes), relationships });

/** A user as `users` resource. */
export function userView(user: BitexUser): Resource {
  return resource('users', user.id, {
    name: user.email,
    email: user.email,
    kyc_accepted: true,
    otp_enabled: true,
    do_not_email: false,
    trezor_login_enabled: false,
  });
}

/** A bid or ask as `bids` / `asks` resource, related to its user. */
export function orderView(order: Order): Resource {
  return related(
    `${order.side}s`,
    order.id,
    {
      amount: decimal(order.amount),
      remaining_amount: decimal(order.remaining),
      price: decimal(order.price),
      status: order.status,
      // Bitex's recorded bids and asks carry no created_at (test/fixtures/wire/bitex).
      orderbook_code: order.orderbook.code,
    },
    { user: toOne('users', order.userId) },
  );
}

/** A trade as seen by one of its sides: a `buys` or `sells` resource, related to that side's order. */
export function tradeView(trade: Trade, side: 'buy' | 'sell'): Resource {
  const feeCurrency = side === 'buy' ? trade.orderbook.base : trade.orderbook.quote;
  return related(
    `${side}s`,
    trade.id,
    {
      created_at: time(trade.createdAt),
      coin_amount: decimal(trade.coinAmount),
      cash_amount: decimal(trade.cashAmount),
      fee: 0,
      price: decimal(trade.price),
      fee_currency: feeCurrency.toUpperCase(),
      fee_decimals: decimalsOf(feeCurrency),
      orderbook_code: trade.orderbook.code,
    },
    { order: toOne(side === 'buy' ? 'bids' : 'asks', side === 'buy' ? trade.bidId : trade.askId) },
  );
}

/** A coin withdrawal as `coin_withdrawals` resource, related to its user. */
export function coinWithdrawalView(withdrawal: Withdrawal): Resource {
  return related(
    'coin_withdrawals',
    withdrawal.id,
    {
      amount: decimal(withdrawal.amount),
      status: withdrawal.status,
      label: withdrawal.label ?? '',
      to_addresses: withdrawal.toAddresses ?? '',
      // Recorded coin withdrawals from sandbox and production carry no created_at (test/fixtures/wire/bitex).
      coin_code: withdrawal.currency,
    },
    { user: toOne('users', withdrawal.userId) },
  );
}

/** A withdrawal instruction as `withdrawal_instructions` resource. */
export function instructionView(instruction: WithdrawalInstruction): Resource {
  return resource('withdrawal_instructions', instruction.id, {
    label: instruction.label,
    schema: 'bitex',
    body: { ...instruction.body },
  });
}

/** A cash withdrawal as `cash_withdrawals` resource, related to the instruction that pays it (no receipt yet). */
export function cashWithdrawalView(withdrawal: Withdrawal, instruction: WithdrawalInstruction): Resource {
  const amount = decimal(withdrawal.amount);
  return related(
    'cash_withdrawals',
    withdrawal.id,
    {
      status: withdrawal.status,
      amount,
      gross_amount: amount,
      cost: 0,
      fee: 0,
      net_amount: amount,
      country: instruction.body.country ?? 'AR',
      payment_method: instruction.body.payment_method ?? 'domestic_bank',
      fiat_code: withdrawal.currency,
      label: withdrawal.label ?? instruction.label,
      created_at: time(withdrawal.createdAt),
    },
    {
      withdrawal_instruction: toOne('withdrawal_instructions', instruction.id),
      funding_receipt: { data: null },
    },
  );
}

/** A balance change as `movements` resource (`id` is the record's id and its kind, as Bitex writes it). */
export function movementView(movement: Movement): Resource {
  return resource('movements', `${movement.id}${movement.kind}`, {
    timestamp: Math.floor(movement.createdAt / 1000),
    currencies_involved: movement.currenciesInvolved,
    currency: movement.currency,
    amount: decimal(movement.amount),
    fee: decimal(movement.fee),
    fee_decimals: decimalsOf(movement.feeCurrency),
    fee_currency: movement.feeCurrency,
    price: decimal(movement.price),
    price_decimals: 2,
    kind: movement.kind,
  });
}

/**
 * A key as `api_keys` resource: its flags, and its token as Bitex shows it 10 minutes after creation, 20 asterisks
 * and its last 10 characters (bitex-sdk-ruby spec/fixtures/api_keys/all.yml, recorded from sandbox.bitex.la).
 */
export function apiKeyView(key: ApiKey): Resource {
  const flags = ALL_KEY_FLAGS.filter((flag) => flag !== 'token').map((flag) => [flag, key.flags.has(flag)]);
  return resource('api_keys', key.id, {
    token: `${'*'.repeat(20)}${key.token.slice(-10)}`,
    ...Object.fromEntries(flags),
  });
}

/** Every currency Bitex lists in an account's balances, zero ones included (spec/fixtures/accounts/all.yml). */
const ACCOUNT_CURRENCIES = ['btc', 'usd', 'ars', 'clp', 'bch', 'pyg', 'uyu'];

/** A user's account: the balance (total, available) of every currency, related to its user. */
export function accountView(state: BitexState, user: BitexUser): Resource {
  const view = state.wallets.view(user.id);
  const currencies = [...new Set([...ACCOUNT_CURRENCIES, ...Object.keys(view)])];
  const balances = Object.fromEntries(
    currencies.map((currency) => [
      currency,
      { total: Number(view[currency]?.total ?? 0), available: Number(view[currency]?.available ?? 0) },
    ]),
  );
  return related(
    'accounts',
    user.id,
    { balances, country: 'AR' },
    {
      movements: { data: [] },
      pending_movements: { data: [] },
      user: toOne('users', user.id),
    },
  );
}
