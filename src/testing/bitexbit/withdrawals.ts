import { formatDecimal } from '../decimal.js';
import type { ServerAnswer } from '../http-server.js';
import { answer, insufficientFunds, invalid, refused } from './answers.js';
import { fieldsOf } from './body.js';
import { parsePositive } from './ledger.js';
import { NETWORKS } from './markets.js';
import type { BitexbitState, Withdrawal } from './state.js';

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * Executes a withdrawal from a `{ticker, network, address | card, amount, client_order_id?, fee_payer?}` body:
 * 400 naming each invalid field, 400 for a `client_order_id` already used or a balance too low.
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
  if (amount === undefined || Object.keys(errors).length > 0) return invalid(errors);
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
    fee_payer: body.fee_payer === 'receiver' ? 'receiver' : 'sender',
    client_order_id: typeof clientOrderId === 'string' ? clientOrderId : undefined,
    status: 'pending',
    created_at: state.timestamp(),
  };
  state.withdrawals.push(withdrawal);
  return answer(200, withdrawal);
}

/** The withdrawal history, newest first, in one page as the gateway answers it. */
export function withdrawalHistory(state: BitexbitState): ServerAnswer {
  const results = [...state.withdrawals].reverse();
  return answer(200, { count: results.length, next: null, previous: null, results });
}
