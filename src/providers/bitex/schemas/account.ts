import { z } from 'zod';
import { decimal, includedOf, list, requestOf, resource, single, toMany, toOne, typeIs } from './json-api.js';

// The user, its balances, movements, API keys and webhook. Shapes from bitex-sdk-ruby:
// lib/bitex/resources/{user,api_key,webhook}.rb, miscellaneous/{account,movement}.rb, wallets/*.rb, their specs
// (which list each answer's attribute keys) and spec/fixtures/{users,accounts,coin_wallet,cash_wallet,movements,
// api_keys,webhooks}/.

/** A user: the key's own (`/users/me`) or one a master user manages. */
export const user = resource(
  'users',
  {
    name: z.string(),
    email: z.string(),
    kyc_accepted: z.boolean(),
    otp_enabled: z.boolean(),
    do_not_email: z.boolean(),
    trezor_login_enabled: z.boolean(),
  },
  {},
);

const balance = z.looseObject({ total: decimal, available: decimal });

/** An account: every balance by currency code (`btc`, `usd` …) and the account's country. */
export const account = resource(
  'accounts',
  { balances: z.record(z.string(), balance), country: z.string() },
  { movements: toMany, pending_movements: toMany, user: toOne },
);

/** A crypto wallet: balance, what is available (not held by orders), and the deposit addresses. */
export const coinWallet = resource(
  'coin_wallets',
  {
    balance: decimal,
    available: decimal,
    currency: z.string(),
    address: z.string(),
    auto_sell_address: z.string().describe('coins sent here are sold at market'),
  },
  {},
);

/** A fiat wallet (`id` is the currency code). */
export const cashWallet = resource(
  'cash_wallets',
  { balance: decimal, available: decimal, currency: z.string() },
  {},
);

/** A balance movement of the last 3 days: a buy, sell, deposit or withdrawal. */
export const movement = resource(
  'movements',
  {
    timestamp: z.int(),
    currencies_involved: z.string(),
    currency: z.string(),
    amount: decimal,
    fee: decimal,
    fee_decimals: z.int(),
    fee_currency: z.string(),
    price: decimal,
    price_decimals: z.int(),
    kind: z.string().describe('Buy, Sell, Deposit or Withdrawal'),
  },
  {},
);

/** The v2.1 key flags. */
const KEY_FLAGS = [
  'fund_account',
  'create_withdrawal',
  'get_withdrawal',
  'get_balances',
  'trading',
  'payments',
  'compliance',
  'api_keys',
] as const;

type Flags<T> = { [K in (typeof KEY_FLAGS)[number]]: T };
const flags = <T extends z.ZodType>(value: T) =>
  Object.fromEntries(KEY_FLAGS.map((flag) => [flag, value])) as Flags<T>;

/** An API key and its flags; `token` is obfuscated 10 minutes after the key's creation. */
export const apiKey = resource('api_keys', { token: z.string(), ...flags(z.boolean()) }, {});

/** The account's webhook. */
export const webhook = resource('webhooks', { url: z.string() }, {});

export const userDocument = single(user);
export const userList = list(user);
export const accountList = list(account, includedOf(user));
export const coinWalletList = list(coinWallet);
export const coinWalletDocument = single(coinWallet);
export const cashWalletList = list(cashWallet);
export const cashWalletDocument = single(cashWallet);
export const movementList = list(movement);
export const apiKeyList = list(apiKey);
export const apiKeyDocument = single(apiKey);
export const webhookDocument = single(webhook);

/** `POST /api_keys`: the flags the new key gets (those left out are false). */
export const apiKeyBody = requestOf('api_keys', flags(z.boolean().optional()));

/** `POST /webhooks`: where Bitex sends notifications (with `WEBHOOK-AUTH`, the SHA-256 of the key). */
export const webhookBody = requestOf('webhooks', { url: z.url() });

/**
 * `POST /users` (master users): `{"data":{"type":"users"}}` creates a user with nothing more (Bitex's guide);
 * the SDK also sends an email and a password.
 */
export const userBody = z.strictObject({
  data: z.strictObject({
    type: typeIs('users'),
    attributes: z.strictObject({ email: z.email(), password: z.string().min(1) }).optional(),
  }),
});
