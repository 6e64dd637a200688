import { formatDecimal, parseDecimal } from '../../decimal.js';
import type { ServerAnswer } from '../../http-server.js';
import { jsonApi, problem } from '../answers.js';
import { attributesOf } from '../body.js';
import { CASH, COINS } from '../markets.js';
import { type PrivateCall, type PrivateRoute, privateRoute } from '../router.js';
import type { Withdrawal } from '../state.js';
import { withdrawalView } from '../views.js';

const optionalText = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

function create(kind: 'coin' | 'cash') {
  const currencies = kind === 'coin' ? COINS : CASH;
  return ({ state, actor, json }: PrivateCall): ServerAnswer => {
    const body = attributesOf(json, `${kind}_withdrawals`);
    if (!body.ok) return body.answer;
    const { attributes } = body;
    const currency = attributes.currency;
    if (typeof currency !== 'string' || !currencies.includes(currency)) {
      return problem({
        title: 'Invalid currency',
        detail: `currency must be one of ${currencies.join(', ')}`,
        code: 'invalid_currency',
        pointer: '/data/attributes/currency',
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
    if (!state.wallets.debit(actor.id, currency, amount)) {
      const available = formatDecimal(state.wallets.holding(actor.id, currency).available);
      return problem({
        title: 'Insufficient funds',
        detail: `${formatDecimal(amount)} ${currency} requested, ${available} ${currency} available`,
        code: 'insufficient_funds',
        pointer: '/data/attributes/amount',
      });
    }
    state.recordMovement(actor.id, 'withdrawal', currency, -amount);
    const withdrawal: Withdrawal = {
      id: state.nextId(),
      kind,
      userId: actor.id,
      currency,
      amount,
      status: 'received',
      label: optionalText(attributes.label),
      toAddresses,
      createdAt: state.now(),
    };
    state.withdrawals.push(withdrawal);
    return jsonApi(withdrawalView(withdrawal), 201);
  };
}

function list(kind: 'coin' | 'cash') {
  return ({ state, actor }: PrivateCall): ServerAnswer =>
    jsonApi(
      state.withdrawals.filter((item) => item.userId === actor.id && item.kind === kind).map(withdrawalView),
    );
}

/** Coin and cash withdrawals; creating one needs the `One-Time-Password` header. */
export const withdrawalRoutes: readonly PrivateRoute[] = [
  privateRoute('GET', '/api/coin_withdrawals', { flag: 'get_withdrawal' }, list('coin')),
  privateRoute('POST', '/api/coin_withdrawals', { flag: 'create_withdrawal' }, create('coin'), true),
  privateRoute('GET', '/api/cash_withdrawals', { flag: 'get_withdrawal' }, list('cash')),
  privateRoute('POST', '/api/cash_withdrawals', { flag: 'create_withdrawal' }, create('cash'), true),
];
