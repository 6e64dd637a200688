import { formatDecimal, parseDecimal } from '../decimal.js';
import type { ServerAnswer } from '../http-server.js';
import type { SandboxAccount } from './accounts.js';
import { failed, succeeded } from './answers.js';

/** An order the sandbox accepted. */
export interface SandboxOrder {
  readonly orderId: number;
  readonly accountId: number;
  readonly side: 'Buy' | 'Sell';
  readonly quantity: string;
  readonly price: string;
  state: 'Working' | 'Canceled';
}

/** A withdraw ticket the sandbox executed. */
export interface WithdrawTicket {
  readonly ticketId: number;
  readonly accountId: number;
  readonly product: string;
  readonly amount: string;
}

/** What the private calls share. */
export interface Book {
  readonly orders: SandboxOrder[];
  readonly withdrawals: WithdrawTicket[];
  nextId: number;
}

type Call = (account: SandboxAccount, payload: Record<string, unknown>, book: Book) => ServerAnswer;

const INSTRUMENTS = [
  { InstrumentId: 1, Symbol: 'BTCUSD', Product1Symbol: 'BTC', Product2Symbol: 'USD', OMSId: 1 },
];

/** Public calls: no session needed. */
export const PUBLIC_CALLS: Readonly<Record<string, () => ServerAnswer>> = {
  GetInstruments: () => ({ status: 200, body: INSTRUMENTS }),
  GetLevel1: () => ({
    status: 200,
    body: { OMSId: 1, InstrumentId: 1, BestBid: 29990, BestOffer: 30010, LastTradedPx: 30000 },
  }),
};

function needs(account: SandboxAccount, permission: 'Trading' | 'Withdraw'): ServerAnswer | undefined {
  // AlphaPoint documents no exact answer for a key without the permission; the sandbox says so plainly.
  return account.permissions.has(permission)
    ? undefined
    : failed(101, `Operation Failed: the API key lacks the ${permission} permission`);
}

/** Private calls, by function name. Each runs at most once per request it receives. */
export const PRIVATE_CALLS: Readonly<Record<string, Call>> = {
  GetUserInfo: (account) => ({
    status: 200,
    body: {
      UserId: Number(account.userId),
      UserName: `user${account.userId}`,
      AccountId: account.accountId,
      OMSId: 1,
    },
  }),
  GetAccountPositions: (account) => ({
    status: 200,
    body: [...account.balances].map(([symbol, units]) => ({
      OMSId: 1,
      AccountId: account.accountId,
      ProductSymbol: symbol,
      Amount: Number(formatDecimal(units)),
      Hold: 0,
    })),
  }),
  SendOrder: (account, payload, book) => {
    const refused = needs(account, 'Trading');
    if (refused) return refused;
    const quantity = parseDecimal(payload.Quantity);
    const price = parseDecimal(payload.LimitPrice ?? '0');
    if (quantity === undefined || quantity <= 0n || price === undefined)
      return failed(100, 'Invalid Request');
    book.nextId += 1;
    book.orders.push({
      orderId: book.nextId,
      accountId: account.accountId,
      side: payload.Side === 1 ? 'Sell' : 'Buy',
      quantity: formatDecimal(quantity),
      price: formatDecimal(price),
      state: 'Working',
    });
    return { status: 200, body: { status: 'Accepted', errormsg: '', OrderId: book.nextId } };
  },
  CancelOrder: (account, payload, book) => {
    const refused = needs(account, 'Trading');
    if (refused) return refused;
    const order = book.orders.find((item) => item.orderId === Number(payload.OrderId));
    if (!order || order.accountId !== account.accountId) return failed(104, 'Resource Not Found');
    order.state = 'Canceled';
    return succeeded();
  },
  GetOpenOrders: (account, _payload, book) => ({
    status: 200,
    body: book.orders
      .filter((order) => order.accountId === account.accountId && order.state === 'Working')
      .map((order) => ({
        OrderId: order.orderId,
        Side: order.side,
        Quantity: order.quantity,
        Price: order.price,
      })),
  }),
  GetOrderStatus: (account, payload, book) => {
    const order = book.orders.find((item) => item.orderId === Number(payload.OrderId));
    if (!order || order.accountId !== account.accountId) return failed(104, 'Resource Not Found');
    return { status: 200, body: { OrderId: order.orderId, OrderState: order.state } };
  },
  CreateWithdrawTicket: (account, payload, book) => {
    const refused = needs(account, 'Withdraw');
    if (refused) return refused;
    const product = String(payload.ProductSymbol ?? '');
    const amount = parseDecimal(payload.Amount);
    const balance = account.balances.get(product);
    if (balance === undefined || amount === undefined || amount <= 0n) return failed(100, 'Invalid Request');
    if (amount > balance) return failed(101, 'Operation Failed: insufficient funds');
    account.balances.set(product, balance - amount);
    book.nextId += 1;
    book.withdrawals.push({
      ticketId: book.nextId,
      accountId: account.accountId,
      product,
      amount: formatDecimal(amount),
    });
    return succeeded(JSON.stringify({ TicketId: book.nextId }));
  },
  GetWithdrawTickets: (account, _payload, book) => ({
    status: 200,
    body: book.withdrawals.filter((ticket) => ticket.accountId === account.accountId),
  }),
};
