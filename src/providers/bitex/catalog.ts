import type { z } from 'zod';
import { type EndpointDefinition, lazyCatalog } from '../../core/catalog.js';
import type { RequiredPermission } from '../../core/permissions.js';
import type { HttpMethod } from '../../core/request.js';
import type { BitexCatalog } from './catalog-types.js';
import { accountSchemas } from './schemas/account.js';
import { complianceSchemas } from './schemas/compliance.js';
import { fundingSchemas } from './schemas/funding.js';
import { jsonApiSchemas } from './schemas/json-api.js';
import { marketSchemas } from './schemas/market.js';
import { merchantsSchemas } from './schemas/merchants.js';
import { SUMMARIES } from './schemas/summaries.js';
import { tradingSchemas } from './schemas/trading.js';

type Route = `${HttpMethod} /${string}`;
type MethodOf<R> = R extends `${infer M extends HttpMethod} ${string}` ? M : never;
type PathOf<R> = R extends `${HttpMethod} ${infer P extends `/${string}`}` ? P : never;
type Extra = Partial<Omit<EndpointDefinition, 'method' | 'path' | 'permission' | 'response'>>;

/**
 * One catalog entry from `'METHOD /path'`. GET, PATCH and DELETE repeat harmlessly; a POST is idempotent only
 * when `extra.idempotent` says so (cancels: cancelling twice moves nothing). Bitex documents which calls are
 * public and which need a master user, but not which key flag guards which call: every other permission is the
 * catalog's reading of the flag names, marked `permissionDocumented: false`.
 */
function endpoint<
  const R extends Route,
  const P extends RequiredPermission,
  const S extends z.ZodType,
  const X extends Extra = Record<never, never>,
>(route: R, permission: P, response: S, extra?: X) {
  const [method, path] = route.split(' ') as [MethodOf<R>, PathOf<R>];
  return {
    method,
    path,
    permission,
    idempotent: method !== 'POST',
    permissionDocumented: permission === 'public' || permission === 'manage-users',
    response,
    ...extra,
  } as { readonly method: MethodOf<R>; readonly path: PathOf<R>; readonly permission: P } & {
    // A literal, so that call() knows which endpoints move money (and may answer with drift).
    readonly idempotent: X extends { readonly idempotent: infer I extends boolean }
      ? I
      : MethodOf<R> extends 'POST'
        ? false
        : true;
    readonly permissionDocumented: boolean;
    readonly response: S;
  } & Omit<X, 'idempotent'>;
}

const body = <const B extends z.ZodType>(schema: B) => ({ request: { body: schema } }) as const;
const query = <const Q extends z.ZodType>(schema: Q) => ({ request: { query: schema } }) as const;
const withOtp = <const B extends z.ZodType>(schema: B) =>
  ({ requiresOtp: true, request: { body: schema } }) as const;
type Name = keyof typeof SUMMARIES;

/** Adds each entry's summary (kept apart so that the table below stays one entry a line); one for each name. */
function summarised<
  const C extends Record<Name, EndpointDefinition> & {
    [K in keyof C]: K extends Name ? EndpointDefinition : never;
  },
>(entries: C) {
  const named = Object.entries(entries).map(([name, entry]) => [
    name,
    { ...entry, summary: SUMMARIES[name as Name] },
  ]);
  return Object.fromEntries(named) as { readonly [K in keyof C]: C[K] & { readonly summary: string } };
}

/**
 * The Bitex catalog as written, with the types inferred from its schemas (the type tests check the declared
 * types against them); {@link bitexCatalog} is the same object with its declared type.
 */
export const bitexEndpoints = lazyCatalog(buildBitexEndpoints);

function buildBitexEndpoints() {
  const account = accountSchemas();
  const compliance = complianceSchemas();
  const funding = fundingSchemas();
  const market = marketSchemas();
  const merchants = merchantsSchemas();
  const trading = tradingSchemas();
  const { emptyBody, noContent } = jsonApiSchemas();
  /** An action with an empty body (`{}`, as the SDK sends it) that is harmless to repeat. */
  const action = { idempotent: true, request: { body: emptyBody } } as const;
  /** A compliance seed: created by a master user for a user it manages. */
  const seed = <const K extends Parameters<typeof compliance.seedBody>[0]>(kind: K) =>
    endpoint(`POST /${kind}`, 'read', compliance.seedDocument(kind), body(compliance.seedBody(kind)));

  return summarised({
    'tickers.list': endpoint('GET /tickers', 'public', market.tickerList),
    'tickers.get': endpoint('GET /tickers/:orderbook', 'public', market.tickerDocument),
    'orderbooks.list': endpoint('GET /orderbooks', 'public', market.orderbookList),
    'markets.get': endpoint(
      'GET /markets/:orderbook',
      'public',
      market.marketDocument,
      query(market.marketQuery),
    ),
    'transactions.list': endpoint(
      'GET /transactions',
      'public',
      market.transactionList,
      query(market.transactionQuery),
    ),
    'transactions.get': endpoint('GET /transactions/:id', 'public', market.transactionDocument),
    'candles.list': endpoint('GET /candles', 'public', market.candleList, query(market.candleQuery)),

    'accounts.list': endpoint('GET /accounts', 'read', account.accountList),
    'users.me': endpoint('GET /users/me', 'read', account.userDocument),
    'users.updateMe': endpoint('PATCH /users/me', 'read', account.userDocument),
    'coinWallets.list': endpoint('GET /coin_wallets', 'read', account.coinWalletList),
    'coinWallets.get': endpoint('GET /coin_wallets/:id', 'read', account.coinWalletDocument),
    'cashWallets.list': endpoint('GET /cash_wallets', 'read', account.cashWalletList),
    'cashWallets.get': endpoint('GET /cash_wallets/:currency', 'read', account.cashWalletDocument),
    'movements.list': endpoint('GET /movements', 'read', account.movementList),

    'bids.list': endpoint('GET /bids', 'trade', trading.bidList, query(trading.orderQuery)),
    'bids.get': endpoint('GET /bids/:id', 'trade', trading.bidDocument),
    'bids.create': endpoint('POST /bids', 'trade', trading.bidDocument, body(trading.orderBody('bids'))),
    'bids.cancel': endpoint('POST /bids/:id/cancel', 'trade', noContent, action),
    'asks.list': endpoint('GET /asks', 'trade', trading.askList, query(trading.orderQuery)),
    'asks.get': endpoint('GET /asks/:id', 'trade', trading.askDocument),
    'asks.create': endpoint('POST /asks', 'trade', trading.askDocument, body(trading.orderBody('asks'))),
    'asks.cancel': endpoint('POST /asks/:id/cancel', 'trade', noContent, action),
    'orders.list': endpoint('GET /orders', 'trade', trading.orderList),
    'orders.cancelAll': endpoint('POST /orders/cancel', 'trade', noContent, action),
    'trades.list': endpoint('GET /trades', 'trade', trading.tradeList, query(trading.tradeQuery)),
    'buys.list': endpoint('GET /buys', 'read', trading.buyList, query(trading.tradeQuery)),
    'buys.get': endpoint('GET /buys/:id', 'read', trading.buyDocument),
    'sells.list': endpoint('GET /sells', 'read', trading.sellList, query(trading.tradeQuery)),
    'sells.get': endpoint('GET /sells/:id', 'read', trading.sellDocument),
    'buyingBots.list': endpoint('GET /buying_bots', 'trade', trading.buyingBotList),
    'buyingBots.get': endpoint('GET /buying_bots/:id', 'trade', trading.buyingBotDocument),
    'buyingBots.create': endpoint(
      'POST /buying_bots',
      'trade',
      trading.buyingBotDocument,
      body(trading.botBody('buying_bots')),
    ),
    'buyingBots.cancel': endpoint('POST /buying_bots/:id/cancel', 'trade', noContent, action),
    'sellingBots.list': endpoint('GET /selling_bots', 'trade', trading.sellingBotList),
    'sellingBots.get': endpoint('GET /selling_bots/:id', 'trade', trading.sellingBotDocument),
    'sellingBots.create': endpoint(
      'POST /selling_bots',
      'trade',
      trading.sellingBotDocument,
      body(trading.botBody('selling_bots')),
    ),
    'sellingBots.cancel': endpoint('POST /selling_bots/:id/cancel', 'trade', noContent, action),

    'coinWithdrawals.list': endpoint(
      'GET /coin_withdrawals',
      'read',
      funding.coinWithdrawalList,
      query(funding.fromQuery),
    ),
    'coinWithdrawals.get': endpoint('GET /coin_withdrawals/:id', 'read', funding.coinWithdrawalDocument),
    'coinWithdrawals.create': endpoint(
      'POST /coin_withdrawals',
      'withdraw',
      funding.coinWithdrawalDocument,
      withOtp(funding.coinWithdrawalBody),
    ),
    'cashWithdrawals.list': endpoint(
      'GET /cash_withdrawals',
      'read',
      funding.cashWithdrawalList,
      query(funding.fromQuery),
    ),
    'cashWithdrawals.get': endpoint('GET /cash_withdrawals/:id', 'read', funding.cashWithdrawalDocument),
    'cashWithdrawals.create': endpoint(
      'POST /cash_withdrawals',
      'withdraw',
      funding.cashWithdrawalDocument,
      withOtp(funding.cashWithdrawalBody),
    ),
    'withdrawalInstructions.list': endpoint(
      'GET /withdrawal_instructions',
      'read',
      funding.withdrawalInstructionList,
    ),
    'withdrawalInstructions.get': endpoint(
      'GET /withdrawal_instructions/:id',
      'read',
      funding.withdrawalInstructionDocument,
    ),
    'withdrawalInstructions.create': endpoint(
      'POST /withdrawal_instructions',
      'withdraw',
      funding.withdrawalInstructionDocument,
      body(funding.withdrawalInstructionsBody),
    ),
    'withdrawalInstructions.delete': endpoint('DELETE /withdrawal_instructions/:id', 'withdraw', noContent),
    'coinDeposits.list': endpoint(
      'GET /coin_deposits',
      'read',
      funding.coinDepositList,
      query(funding.fromQuery),
    ),
    'coinDeposits.get': endpoint('GET /coin_deposits/:id', 'read', funding.coinDepositDocument),
    'cashDeposits.list': endpoint(
      'GET /cash_deposits',
      'read',
      funding.cashDepositList,
      query(funding.fromQuery),
    ),
    'cashDeposits.get': endpoint('GET /cash_deposits/:id', 'read', funding.cashDepositDocument),
    'cashDepositInstructions.list': endpoint(
      'GET /cash_deposit_instructions',
      'read',
      funding.cashDepositInstructionList,
      query(funding.fromQuery),
    ),

    'apiKeys.list': endpoint('GET /api_keys', 'read', account.apiKeyList),
    'apiKeys.get': endpoint('GET /api_keys/:id', 'read', account.apiKeyDocument),
    'apiKeys.create': endpoint(
      'POST /api_keys',
      'withdraw',
      account.apiKeyDocument,
      withOtp(account.apiKeyBody),
    ),
    'apiKeys.delete': endpoint('DELETE /api_keys/:id', 'withdraw', noContent),
    'webhooks.list': endpoint('GET /webhooks', 'read', account.webhookDocument),
    'webhooks.create': endpoint('POST /webhooks', 'read', account.webhookDocument, body(account.webhookBody)),
    'payments.list': endpoint('GET /merchants/payments', 'read', merchants.paymentList),
    'payments.get': endpoint('GET /merchants/payments/:id', 'read', merchants.paymentDocument),
    'payments.create': endpoint(
      'POST /merchants/payments',
      'trade',
      merchants.paymentDocument,
      body(merchants.paymentBody),
    ),
    'pos.create': endpoint('POST /merchants/pos', 'trade', merchants.posDocument, {
      idempotent: true,
      ...body(merchants.posBody),
    }),

    'users.list': endpoint('GET /users', 'manage-users', account.userList),
    'users.create': endpoint('POST /users', 'manage-users', account.userDocument, body(account.userBody)),

    'issues.current': endpoint('GET /issues/current', 'read', compliance.issueDocument),
    'issues.complete': endpoint(
      'POST /issues/current/complete',
      'read',
      compliance.completedIssueDocument,
      action,
    ),
    'naturalDocketSeeds.create': seed('natural_docket_seeds'),
    'identificationSeeds.create': seed('identification_seeds'),
    'domicileSeeds.create': seed('domicile_seeds'),
    'phoneSeeds.create': seed('phone_seeds'),
    'emailSeeds.create': seed('email_seeds'),
    'noteSeeds.create': seed('note_seeds'),
    'allowanceSeeds.create': seed('allowance_seeds'),
    'argentinaInvoicingDetailSeeds.create': seed('argentina_invoicing_detail_seeds'),
    'chileInvoicingDetailSeeds.create': seed('chile_invoicing_detail_seeds'),
    'attachments.create': endpoint(
      'POST /attachments',
      'read',
      compliance.attachmentDocument,
      body(compliance.attachmentBody),
    ),
  });
}

/**
 * Every Bitex v2.1 endpoint documented by Bitex's guides and its official SDK (bitex-sdk-ruby), with the
 * permission it needs, whether a repeat is harmless, and the schemas of its request (strict) and answer (loose).
 * Key flags map by name: `get_balances` and the other reading flags → read, `trading` → trade (placing, listing
 * and cancelling orders), `create_withdrawal` and `api_keys` → withdraw; master-only endpoints need
 * `manage-users`. Compliance endpoints are called by a master user for a user it manages (`onBehalfOf`).
 */
export const bitexCatalog: BitexCatalog = bitexEndpoints;

// Its type is declared in catalog-types.ts, generated from the schemas (`npx tsx scripts/catalog-types.ts bitex`).
export type { BitexCatalog, BitexEndpointTypes, BitexSchemaTypes } from './catalog-types.js';
