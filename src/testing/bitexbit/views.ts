import { divideDecimal, formatDecimal } from '../decimal.js';
import type { BitexbitState, Fill, Order, TapeTrade, Withdrawal } from './state.js';

// Records as bitexbit's documented examples show them (bitexbit/api-docs-v2, bitexbit/api-docs-gateway):
// field names, and JSON types, as in each example.

const text = (units: bigint) => formatDecimal(units);
const textOrNull = (units: bigint) => (units > 0n ? formatDecimal(units) : null);

/** The average price of what an order matched, or `null` when nothing did. */
const priceAvg = (order: Order) =>
  order.filled > 0n ? text(divideDecimal(order.value, order.filled)) : null;

/**
 * An order as the lists show it ("Public Orders", "Private Orders"): amounts not reached yet are `null`, as in
 * their examples of a submitted order. `fee_filled` only on the account's own list.
 */
export function listedOrder(order: Order, withFee: boolean): Record<string, unknown> {
  return {
    id: order.id,
    date: order.date,
    type: order.type,
    symbol: order.symbol,
    price: text(order.price),
    amount: text(order.amount),
    amount_unfilled: text(order.amount - order.filled - order.cancelled),
    amount_filled: textOrNull(order.filled),
    amount_cancelled: textOrNull(order.cancelled),
    value_filled: textOrNull(order.value),
    ...(withFee ? { fee_filled: textOrNull(order.fee) } : {}),
    price_avg: priceAvg(order),
    done_at: order.doneAt ?? null,
    state: order.state,
  };
}

/** An order as "Create Order" and "Cancel Order" answer with it: matched amounts as strings, zero included. */
export function answeredOrder(order: Order): Record<string, unknown> {
  return {
    id: order.id,
    date: order.date,
    symbol: order.symbol,
    type: order.type,
    price: text(order.price),
    amount: text(order.amount),
    amount_unfilled: text(order.amount - order.filled - order.cancelled),
    amount_filled: text(order.filled),
    amount_cancelled: order.state === 'canceled' ? text(order.cancelled) : null,
    value_filled: text(order.value),
    fee_filled: text(order.fee),
    price_avg: priceAvg(order),
    done_at: order.doneAt ?? null,
    state: order.state,
  };
}

/** A trade made when a new order matched ("Create Order" `trades`). */
export function orderTrade(fill: Fill): Record<string, unknown> {
  return { id: fill.id, price: text(fill.price), amount: text(fill.amount), side_order: fill.sideOrder };
}

/** One of the account's trades ("Private Trades"). */
export function privateTrade(fill: Fill, feeRate: string): Record<string, unknown> {
  return {
    id: fill.id,
    date: fill.date,
    type: fill.type,
    symbol: fill.symbol,
    price: text(fill.price),
    amount: text(fill.amount),
    fee_amount: text(fill.fee),
    fee_rate: feeRate,
    fee_symbol: fill.feeSymbol,
  };
}

/** A trade of the public tape ("Public Trades"). */
export function publicTrade(trade: TapeTrade): Record<string, unknown> {
  return {
    date: trade.date,
    id: trade.id,
    symbol: trade.symbol,
    price: text(trade.price),
    amount: text(trade.amount),
    type: trade.type,
  };
}

/** The documented codes of `fee_payer`: 1 the account pays the fee, 2 it comes out of the amount. */
const FEE_PAYER: Readonly<Record<string, number>> = { sender: 1, receiver: 2 };

/** The documented status code of a withdrawal the sandbox executed: 10, NEW. */
const NEW = 10;

function withdrawalFields(state: BitexbitState, withdrawal: Withdrawal) {
  const details = state.withdrawalDetails.get(withdrawal.id);
  const autoBuy = details?.autoBuy;
  return {
    id: withdrawal.id,
    ticker: withdrawal.ticker,
    network: withdrawal.network,
    address: withdrawal.address ?? null,
    payment_id: details?.paymentId ?? null,
    memo: details?.memo ?? null,
    comment: details?.comment ?? null,
    destination_tag: details?.destinationTag ?? null,
    callback_url: details?.callbackUrl ?? null,
    client_order_id: withdrawal.client_order_id ?? null,
    fee_payer: FEE_PAYER[withdrawal.fee_payer] ?? 1,
    status: NEW,
    auto_buy: autoBuy ? { ...autoBuy, side: 1, state: 'submitted' } : null,
    created_at: withdrawal.created_at,
  };
}

/** A withdrawal as "Withdraw Create" answers it: the amount as a decimal string. */
export function createdWithdrawal(state: BitexbitState, withdrawal: Withdrawal): Record<string, unknown> {
  const fields = withdrawalFields(state, withdrawal);
  return { ...fields, amount: withdrawal.amount };
}

/** A withdrawal as "Withdraw History" lists it: the amount as a number, with its transaction and AML check. */
export function listedWithdrawal(state: BitexbitState, withdrawal: Withdrawal): Record<string, unknown> {
  const fields = withdrawalFields(state, withdrawal);
  return {
    ...fields,
    amount: Number(withdrawal.amount),
    txid: `sandbox-tx-${withdrawal.id}`,
    aml_success: 'true',
    aml_risk: '0',
    aml_url: `https://aml.sandbox.invalid/withdrawals/${withdrawal.id}`,
  };
}
