import { formatDecimal } from '../decimal.js';
import type { ReceivedRequest, ServerAnswer } from '../http-server.js';
import { answer, insufficientFunds, invalid, refused } from './answers.js';
import { fieldsOf } from './body.js';
import { parsePositive } from './ledger.js';
import { referencePrice } from './market.js';
import { NETWORKS, PAIRS } from './markets.js';
import type { BitexbitState, Withdrawal, WithdrawalDetails } from './state.js';
import { createdWithdrawal, listedWithdrawal } from './views.js';

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/** `fee_payer`: the documented codes 1 (the account pays) and 2 (out of the amount); the old words still read. */
const FEE_PAYERS: Readonly<Record<string, 'sender' | 'receiver'>> = {
  1: 'sender',
  2: 'receiver',
  sender: 'sender',
  receiver: 'receiver',
};

/**
 * The buy order of `auto_buy_ticker`: the pair of it and the withdrawn ticker must be listed ("If pair doesn't
 * exist will return error"); the price is the pair's market price moved by `auto_buy_percent` (default 5).
 */
function autoBuyOf(body: Record<string, unknown>, ticker: string, amount: number) {
  const symbol = text(body.auto_buy_ticker);
  if (symbol === undefined) return null;
  const pair = [`${symbol}_${ticker}`, `${ticker}_${symbol}`].find((name) => PAIRS[name]);
  if (!pair) return undefined;
  const percent = typeof body.auto_buy_percent === 'number' ? body.auto_buy_percent : 5;
  const price = Math.round(Number(formatDecimal(referencePrice(pair))) * (100 + percent) * 1e6) / 1e8;
  return { symbol, amount, price };
}

function detailsOf(body: Record<string, unknown>, autoBuy: WithdrawalDetails['autoBuy']): WithdrawalDetails {
  return {
    comment: text(body.comment) ?? null,
    callbackUrl: text(body.callback_url) ?? null,
    paymentId: text(body.payment_id) ?? null,
    memo: text(body.memo) ?? null,
    destinationTag: text(body.destination_tag) ?? null,
    autoBuy,
  };
}

/**
 * Executes a withdrawal from a `{ticker, network, address | card, amount, client_order_id?, fee_payer?,
 * comment?, callback_url?, payment_id?, memo?, destination_tag?, auto_buy_ticker?, auto_buy_percent?}` body:
 * 400 naming each invalid field, 400 for a `client_order_id` already used or a balance too low. Answers as
 * "Withdraw Create" documents.
 */
export function withdraw(state: BitexbitState, json: unknown): ServerAnswer {
  const body = fieldsOf(json);
  const errors: Record<string, string> = {};
  const ticker = typeof body.ticker === 'string' ? body.ticker : '';
  const networks = NETWORKS[ticker];
  if (!networks) errors.ticker = `must be one of ${Object.keys(NETWORKS).join(', ')}`;
  const network = typeof body.network === 'string' ? body.network : '';
  if (networks && !networks.includes(network)) errors.network = `must be one of ${networks.join(', ')}`;
  const address = text(body.address);
  const card = text(body.card);
  if (!address && !card) errors.address = 'address or card is required';
  const amount = parsePositive(body.amount);
  if (amount === undefined) errors.amount = 'must be a positive number';
  const clientOrderId = body.client_order_id;
  if (clientOrderId !== undefined && (typeof clientOrderId !== 'string' || clientOrderId === '')) {
    errors.client_order_id = 'must be a non-empty string';
  }
  const feePayer = body.fee_payer === undefined ? 'sender' : FEE_PAYERS[String(body.fee_payer)];
  if (!feePayer) errors.fee_payer = 'must be 1 (from the balance) or 2 (from the amount)';
  const autoBuy = amount === undefined ? null : autoBuyOf(body, ticker, Number(formatDecimal(amount)));
  if (autoBuy === undefined) errors.auto_buy_ticker = `no pair of it and ${ticker} is listed`;
  if (amount === undefined || !feePayer || autoBuy === undefined || Object.keys(errors).length > 0) {
    return invalid(errors);
  }
  if (typeof clientOrderId === 'string' && state.clientOrderIds.has(clientOrderId)) {
    return refused(400, 'client_order_id already used');
  }
  if (!state.ledger.debit(ticker, amount)) return insufficientFunds(ticker);
  if (typeof clientOrderId === 'string') state.clientOrderIds.add(clientOrderId);
  const withdrawal: Withdrawal = {
    id: state.nextId(),
    ticker,
    network,
    address,
    card,
    amount: formatDecimal(amount),
    fee: '0',
    fee_payer: feePayer,
    client_order_id: typeof clientOrderId === 'string' ? clientOrderId : undefined,
    status: 'pending',
    created_at: state.timestamp(),
  };
  state.withdrawals.push(withdrawal);
  state.withdrawalDetails.set(withdrawal.id, detailsOf(body, autoBuy));
  return answer(200, createdWithdrawal(state, withdrawal));
}

/**
 * The withdrawal history, newest first, paged as the gateway answers it (`{count, next, previous, results}`):
 * `limit` per page (default all), `page` from 1; `next` and `previous` are the other pages' URLs, or `null`.
 */
export function withdrawalHistory(state: BitexbitState, request: ReceivedRequest): ServerAnswer {
  const all = [...state.withdrawals].reverse();
  const limit = Math.max(1, Number.parseInt(request.query.limit ?? '', 10) || all.length || 1);
  const page = Math.max(1, Number.parseInt(request.query.page ?? '', 10) || 1);
  const results = all
    .slice((page - 1) * limit, page * limit)
    .map((withdrawal) => listedWithdrawal(state, withdrawal));
  const link = (to: number) =>
    `http://${request.headers.host ?? '127.0.0.1'}${request.path}?${new URLSearchParams({
      ...request.query,
      page: String(to),
      limit: String(limit),
    })}`;
  return answer(200, {
    count: all.length,
    next: page * limit < all.length ? link(page + 1) : null,
    previous: page > 1 ? link(page - 1) : null,
    results,
  });
}
