import { z } from 'zod';
import { buildOnce } from '../../../core/build-once.js';
import { jsonApiSchemas } from './json-api.js';

/** This module's schemas, built on first use: building every catalog's schemas at import made loading slow. */
export const accountSchemas = buildOnce(() => {
  const { decimal, includedOf, list, requestOf, resource, single, toMany, toOne, typeIs } = jsonApiSchemas();
  // The user, its balances, movements, API keys and webhook. Shapes from bitex-sdk-ruby:
  // lib/bitex/resources/{user,api_key,webhook}.rb, miscellaneous/{account,movement}.rb, wallets/*.rb, their specs
  // (which list each answer's attribute keys) and spec/fixtures/{users,accounts,coin_wallet,cash_wallet,movements,
  // api_keys,webhooks}/.

  /** A user: the key's own (`/users/me`) or one a master user manages. */
  const user = resource(
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
  const account = resource(
    'accounts',
    { balances: z.record(z.string(), balance), country: z.string() },
    { movements: toMany, pending_movements: toMany, user: toOne },
  );

  /** A crypto wallet: balance, what is available (not held by orders), and the deposit addresses. */
  const coinWallet = resource(
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
  const cashWallet = resource(
    'cash_wallets',
    { balance: decimal, available: decimal, currency: z.string() },
    {},
  );

  /** A balance movement of the last 3 days: a buy, sell, deposit or withdrawal. */
  const movement = resource(
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
  const apiKey = resource('api_keys', { token: z.string(), ...flags(z.boolean()) }, {});

  /** The account's webhook. */
  const webhook = resource('webhooks', { url: z.string() }, {});

  const userDocument = single(user);
  const userList = list(user);
  const accountList = list(account, includedOf(user));
  const coinWalletList = list(coinWallet);
  const coinWalletDocument = single(coinWallet);
  const cashWalletList = list(cashWallet);
  const cashWalletDocument = single(cashWallet);
  const movementList = list(movement);
  const apiKeyList = list(apiKey);
  const apiKeyDocument = single(apiKey);
  const webhookDocument = single(webhook);

  /** `POST /api_keys`: the flags the new key gets (those left out are false). */
  const apiKeyBody = requestOf('api_keys', flags(z.boolean().optional()));

  /** `POST /webhooks`: where Bitex sends notifications (with `WEBHOOK-AUTH`, the SHA-256 of the key). */
  const webhookBody = requestOf('webhooks', { url: z.url() });

  /**
   * `POST /users` (master users): `{"data":{"type":"users"}}` creates a user with nothing more (Bitex's guide);
   * the SDK also sends an email and a password.
   */
  const userBody = z.strictObject({
    data: z.strictObject({
      type: typeIs('users'),
      attributes: z.strictObject({ email: z.email(), password: z.string().min(1) }).optional(),
    }),
  });
  return {
    user,
    account,
    coinWallet,
    cashWallet,
    movement,
    apiKey,
    webhook,
    userDocument,
    userList,
    accountList,
    coinWalletList,
    coinWalletDocument,
    cashWalletList,
    cashWalletDocument,
    movementList,
    apiKeyList,
    apiKeyDocument,
    webhookDocument,
    apiKeyBody,
    webhookBody,
    userBody,
  };
});
