import type { ServerAnswer } from '../http-server.js';
import type { SandboxAccount } from './accounts.js';
import type { SandboxOrder } from './calls.js';
import type { AlphaPointState } from './dispatch.js';
import { accountTopic } from './events.js';
import { fieldOf } from './ids.js';
import { orderView, position } from './views.js';

// The account events of SubscribeAccountEvents, as slate prints them (users/_api_users_user_subscribeaccountevents.md):
// OrderStateEvent when an order of the account changes state, OrderTradeEvent when it trades,
// AccountPositionEvent when a balance changes. An OrderStateEvent carries the order as GetOpenOrders shows it: every
// field slate lists for the event (Side, OrderId, Price, Quantity, Instrument, Account, OrderType, ClientOrderId,
// OrderState, ReceiveTime, OrigQuantity, QuantityExecuted, AvgPrice, ChangeReason) and the rest of the order record,
// as the recorded answers of APEX deployments carry it.

/** Tells the account's subscribers that an order changed state. */
export function publishOrderState(state: AlphaPointState, order: SandboxOrder): void {
  state.events.publish(accountTopic(order.accountId), 'OrderStateEvent', orderView(order));
}

/** Tells the account's subscribers the balance of one product, as GetAccountPositions shows it. */
export function publishPosition(state: AlphaPointState, account: SandboxAccount, symbol: string): void {
  const units = account.balances.get(symbol);
  if (units === undefined) return;
  state.events.publish(
    accountTopic(account.accountId),
    'AccountPositionEvent',
    position(account, symbol, units),
  );
}

const orderOf = (state: AlphaPointState, id: unknown) =>
  state.book.orders.find((order) => order.orderId === Number(id));

/** The events of a call that succeeded, whichever channel it came on. */
export function publishExecuted(
  state: AlphaPointState,
  name: string,
  account: SandboxAccount,
  payload: Record<string, unknown>,
  answer: ServerAnswer,
): void {
  if (name === 'SendOrder') {
    const order = orderOf(state, (answer.body as { OrderId?: unknown }).OrderId);
    if (order) publishOrderState(state, order);
  } else if (name === 'CancelOrder') {
    const order = orderOf(state, fieldOf(payload, 'OrderId'));
    if (order) publishOrderState(state, order);
  } else if (name === 'CreateWithdrawTicket') {
    const ticket = state.book.withdrawals.at(-1);
    if (ticket) publishPosition(state, account, ticket.product);
  }
}
