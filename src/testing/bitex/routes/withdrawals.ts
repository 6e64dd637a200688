import { formatDecimal, parseDecimal } from '../../decimal.js';
import type { ServerAnswer } from '../../http-server.js';
import { jsonApi, problem } from '../answers.js';
import { attributesOf } from '../body.js';
import { CASH, COINS } from '../markets.js';
import { type Call, type PrivateCall, type PrivateRoute, privateRoute } from '../router.js';
import type { BitexState, Withdrawal } from '../state.js';
import { cashWithdrawalView, coinWithdrawalView, instructionView } from '../views.js';

const optionalText = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/** The id a request's `relationships.withdrawal_instruction` names, if any. */
function instructionIdOf(json: Call['json']): number | undefined {
  const data = (
    json as { data?: { relationships?: { withdrawal_instruction?: { data?: { id?: unknown } } } } }
  )?.data;
  const id = data?.relationships?.withdrawal_instruction?.data?.id;
  return id === undefined ? undefined : Number(id);
}

/** A withdrawal as its kind's resource; a cash one with the instruction that pays it in `included`. */
function withdrawalDocument(state: BitexState, withdrawal: Withdrawal) {
  if (withdrawal.kind === 'coin') return { data: coinWithdrawalView(withdrawal), included: [] };
  const instruction = state.instructionOf(withdrawal.userId, withdrawal.instructionId);
  if (!instruction) return { data: coinWithdrawalView(withdrawal), included: [] };
  return { data: cashWithdrawalView(withdrawal, instruction), included: [instructionView(instruction)] };
}

function create(kind: 'coin' | 'cash') {
  const currencies = kind === 'coin' ? COINS : CASH;
  return ({ state, actor, json }: PrivateCall): ServerAnswer => {
    const body = attributesOf(json, `${kind}_withdrawals`);
    if (!body.ok) return body.answer;
    const { attributes } = body;
    // The SDK sends `coin_code` / `fiat_code`; `currency` is read too.
    const currency = attributes[kind === 'coin' ? 'coin_code' : 'fiat_code'] ?? attributes.currency;
    if (typeof currency !== 'string' || !currencies.includes(currency)) {
      return problem({
        title: 'Invalid currency',
        detail: `${kind === 'coin' ? 'coin_code' : 'fiat_code'} must be one of ${currencies.join(', ')}`,
        code: 'invalid_currency',
        pointer: `/data/attributes/${kind === 'coin' ? 'coin_code' : 'fiat_code'}`,
      });
    }
    const amount = parseDecimal(attributes.amount);
    if (amount === undefined || amount <= 0n) {
      return problem({
        title: 'Invalid amount',
        detail: 'amount must be a positive number with at most 8 decimals',
        code: 'invalid_amount',
        pointer: '/data/attributes/amount',
      });
    }
    const toAddresses = optionalText(attributes.to_addresses);
    if (kind === 'coin' && toAddresses === undefined) {
      return problem({
        title: 'Missing address',
        detail: 'to_addresses must name the address to send the coins to',
        code: 'missing_address',
        pointer: '/data/attributes/to_addresses',
      });
    }
    const instruction = kind === 'cash' ? state.instructionOf(actor.id, instructionIdOf(json)) : undefined;
    if (kind === 'cash' && !instruction) {
      return problem({
        title: 'Invalid withdrawal instruction',
        detail: 'withdrawal_instruction must name one of your withdrawal instructions',
        code: 'invalid_withdrawal_instruction',
        pointer: '/data/relationships/withdrawal_instruction',
      });
    }
    if (!state.wallets.debit(actor.id, currency, amount)) {
      const available = formatDecimal(state.wallets.holding(actor.id, currency).available);
      return problem({
        title: 'Insufficient funds',
        detail: `${formatDecimal(amount)} ${currency} requested, ${available} ${currency} available`,
        code: 'insufficient_funds',
        pointer: '/data/attributes/amount',
      });
    }
    state.recordMovement(actor.id, { kind: 'Withdrawal', currency, amount });
    const withdrawal: Withdrawal = {
      id: state.nextId(),
      kind,
      userId: actor.id,
      currency,
      amount,
      status: 'received',
      label: optionalText(attributes.label),
      toAddresses,
      instructionId: instruction?.id,
      createdAt: state.now(),
    };
    state.withdrawals.push(withdrawal);
    const document = withdrawalDocument(state, withdrawal);
    return jsonApi(document.data, 201, kind === 'cash' ? { included: document.included } : {});
  };
}

function list(kind: 'coin' | 'cash') {
  return ({ state, actor }: PrivateCall): ServerAnswer => {
    const documents = state.withdrawals
      .filter((item) => item.userId === actor.id && item.kind === kind)
      .map((item) => withdrawalDocument(state, item));
    const included = documents.flatMap((document) => document.included);
    const unique = [...new Map(included.map((item) => [item.id, item])).values()];
    return jsonApi(
      documents.map((document) => document.data),
      200,
      kind === 'cash' ? { included: unique } : {},
    );
  };
}

/** Coin and cash withdrawals; creating one needs the `One-Time-Password` header. */
export const withdrawalRoutes: readonly PrivateRoute[] = [
  privateRoute('GET', '/api/coin_withdrawals', { flag: 'get_withdrawal' }, list('coin')),
  privateRoute('POST', '/api/coin_withdrawals', { flag: 'create_withdrawal' }, create('coin'), true),
  privateRoute('GET', '/api/cash_withdrawals', { flag: 'get_withdrawal' }, list('cash')),
  privateRoute('POST', '/api/cash_withdrawals', { flag: 'create_withdrawal' }, create('cash'), true),
];
