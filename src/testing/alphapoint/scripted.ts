import { formatDecimal, multiplyDecimal, parseDecimal } from '../decimal.js';
import type { SandboxAccount } from './accounts.js';
import type { Book } from './calls.js';
import { INSTRUMENT } from './views.js';

/** Adds `units` (negative: takes them) to an account's balance of `symbol`, never below 0. */
export function changeBalance(account: SandboxAccount, symbol: string, units: bigint): void {
  const next = (account.balances.get(symbol) ?? 0n) + units;
  account.balances.set(symbol, next < 0n ? 0n : next);
}

/**
 * Another user takes `amount` (default all that is left) of the working order `orderId` at its price: the
 * account receives the bought product and pays the other. The order stays `Working` until it is filled whole,
 * then is `FullyExecuted`. An order no longer working is left alone (`false`).
 */
export function fillOrder(
  book: Book,
  accounts: Iterable<SandboxAccount>,
  orderId: number,
  amount?: string,
): boolean {
  const order = book.orders.find((item) => item.orderId === orderId);
  if (order?.state !== 'Working') return false;
  const account = [...accounts].find((item) => item.accountId === order.accountId);
  const quantity = parseDecimal(order.quantity) ?? 0n;
  const executed = parseDecimal(order.quantityExecuted) ?? 0n;
  const asked = amount === undefined ? undefined : parseDecimal(amount);
  const left = quantity - executed;
  const filled = asked === undefined || asked > left ? left : asked;
  if (account) {
    const value = multiplyDecimal(filled, parseDecimal(order.price) ?? 0n);
    const buying = order.side === 'Buy';
    changeBalance(account, INSTRUMENT.Product1Symbol, buying ? filled : -filled);
    changeBalance(account, INSTRUMENT.Product2Symbol, buying ? -value : value);
  }
  order.quantityExecuted = formatDecimal(executed + filled);
  if (executed + filled === quantity) order.state = 'FullyExecuted';
  return true;
}
