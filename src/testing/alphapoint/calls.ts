import { randomUUID } from 'node:crypto';
import { formatDecimal, parseDecimal } from '../decimal.js';
import type { ServerAnswer } from '../http-server.js';
import type { SandboxAccount } from './accounts.js';
import { failed, succeeded } from './answers.js';
import { fieldOf, type NamedIds } from './ids.js';
import {
  INSTRUMENT,
  level1,
  type Market,
  orderView,
  position,
  productSymbol,
  userInfo,
  withdrawTicketView,
} from './views.js';

/** An order the sandbox accepted. */
export interface SandboxOrder {
  readonly orderId: number;
  readonly accountId: number;
  readonly userId: number;
  readonly instrumentId: number;
  readonly clientOrderId: number;
  readonly orderType: string;
  readonly side: 'Buy' | 'Sell';
  readonly quantity: string;
  readonly price: string;
  /** How much of `quantity` other users have taken (scripted with `market.fill`). */
  quantityExecuted: string;
  /** POSIX milliseconds. */
  readonly receivedAt: number;
  /** `FullyExecuted` once the sandbox's `fillOrder` traded it. */
  state: 'Working' | 'Canceled' | 'FullyExecuted';
}

/** A withdraw ticket the sandbox executed. */
export interface WithdrawTicket {
  readonly ticketId: number;
  readonly accountId: number;
  readonly userId: number;
  readonly productId: number;
  /** The product's symbol (`BTC`). */
  readonly product: string;
  readonly amount: string;
  readonly templateType: string;
  /** `TemplateForm` as a JSON string, as slate prints it. */
  readonly templateForm: string;
  readonly requestCode: string;
  /** POSIX milliseconds. */
  readonly createdAt: number;
}

/** What the private calls share. */
export interface Book {
  readonly orders: SandboxOrder[];
  readonly withdrawals: WithdrawTicket[];
  nextId: number;
  /** The sandbox's clock, POSIX milliseconds. */
  readonly now: () => number;
}

type Call = (account: SandboxAccount, payload: Record<string, unknown>, book: Book) => ServerAnswer;

/** OrderType names by the number SendOrder takes. */
const ORDER_TYPES = [
  'Unknown',
  'Market',
  'Limit',
  'StopMarket',
  'StopLimit',
  'TrailingStopMarket',
  'TrailingStopLimit',
  'BlockTrade',
];

/** Public calls: no session needed. They read the clock and the market. */
export const PUBLIC_CALLS: Readonly<
  Record<string, (context: { readonly now: number; readonly market: Market }) => ServerAnswer>
> = {
  GetInstruments: () => ({ status: 200, body: [INSTRUMENT] }),
  GetLevel1: ({ now, market }) => ({ status: 200, body: level1(now, market) }),
  // slate uncertain/_api_uncert_user_ping.md; the same on the WebSocket (a Bitazza capture).
  Ping: () => ({ status: 200, body: { msg: 'PONG' } }),
  // slate users/_api_users_system_getvalidate2farequiredendpoints.md: public, lower-case call names.
  GetValidate2FARequiredEndpoints: () => ({ status: 200, body: [...TWO_FACTOR_CALLS] }),
};

/** The calls that need a second factor on an API-key session, as slate's sample answers them. */
export const TWO_FACTOR_CALLS: readonly string[] = [
  'createwithdrawticket',
  'createdepositticket',
  'adduserpermission',
];

/** CreateWithdrawTicket's request: as documented, or inside NDAX's `{TfaType, TFaCode, Payload}`. */
function withdrawRequest(payload: Record<string, unknown>): Record<string, unknown> | undefined {
  if (typeof payload.Payload !== 'string') return payload;
  try {
    const inner: unknown = JSON.parse(payload.Payload);
    return typeof inner === 'object' && inner !== null ? (inner as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The ids each call names, checked (ids.ts) before it runs, with the request they are read from. As slate and the
 * Kiiex OpenAPI files print the requests: `OMSId` in every call; `AccountId` in all but CancelOrder, where it is
 * "conditionally optional"; `InstrumentId` of SendOrder (and GetOpenOrders' optional filter), GetLevel1;
 * `ProductId` of CreateWithdrawTicket, whose fields NDAX wraps in `Payload`; GetUserInfo's `UserId`/`UserName`.
 */
export const NAMED_IDS: Readonly<
  Record<string, { readonly ids: NamedIds; readonly read?: typeof withdrawRequest }>
> = {
  GetInstruments: { ids: { OMSId: 'required' } },
  GetLevel1: { ids: { OMSId: 'required', InstrumentId: 'required' } },
  GetUserInfo: { ids: { OMSId: 'optional', User: 'optional' } },
  GetAccountPositions: { ids: { OMSId: 'required', AccountId: 'required' } },
  SendOrder: { ids: { OMSId: 'required', AccountId: 'required', InstrumentId: 'required' } },
  CancelOrder: { ids: { OMSId: 'required', AccountId: 'optional' } },
  GetOpenOrders: { ids: { OMSId: 'required', AccountId: 'required', InstrumentId: 'optional' } },
  GetOrderStatus: { ids: { OMSId: 'required', AccountId: 'required' } },
  CreateWithdrawTicket: {
    ids: { OMSId: 'required', AccountId: 'required', ProductId: 'required' },
    read: withdrawRequest,
  },
  GetWithdrawTickets: { ids: { OMSId: 'required', AccountId: 'required' } },
  SubscribeAccountEvents: { ids: { OMSId: 'required', AccountId: 'required' } },
};

function needs(account: SandboxAccount, permission: 'Trading' | 'Withdraw'): ServerAnswer | undefined {
  // AlphaPoint documents no exact answer for a key without the permission; the sandbox says so plainly.
  return account.permissions.has(permission)
    ? undefined
    : failed(
        101,
        `Operation Failed: the API key lacks the ${permission} permission`,
        null,
        'missing-permission',
      );
}

/** Private calls, by function name. Each runs at most once per request it receives. */
export const PRIVATE_CALLS: Readonly<Record<string, Call>> = {
  // slate users/_api_users_system_getuserpermissions.md: Trading or AccountReadOnly users, for their own user
  // only; the answer is the permission names in lower case (`["trading","deposit","withdraw"]`).
  GetUserPermissions: (account, payload) => {
    if (!account.permissions.has('Trading') && !account.permissions.has('AccountReadOnly'))
      return failed(
        101,
        'Operation Failed: GetUserPermissions needs Trading or AccountReadOnly',
        null,
        'missing-permission',
      );
    if (String(fieldOf(payload, 'UserId')) !== account.userId)
      return failed(
        101,
        "Operation Failed: a user may list only its own user's permissions",
        null,
        'missing-permission',
      );
    return { status: 200, body: [...account.permissions].map((name) => name.toLowerCase()) };
  },
  GetUserInfo: (account) => ({ status: 200, body: userInfo(account) }),
  GetAccountPositions: (account) => ({
    status: 200,
    body: [...account.balances].map(([symbol, units]) => position(account, symbol, units)),
  }),
  SendOrder: (account, payload, book) => {
    const refused = needs(account, 'Trading');
    if (refused) return refused;
    const quantity = parseDecimal(fieldOf(payload, 'Quantity'));
    const price = parseDecimal(fieldOf(payload, 'LimitPrice') ?? '0');
    if (quantity === undefined || quantity <= 0n || price === undefined)
      return failed(100, 'Invalid Request');
    book.nextId += 1;
    book.orders.push({
      orderId: book.nextId,
      accountId: account.accountId,
      userId: Number(account.userId),
      instrumentId: Number(fieldOf(payload, 'InstrumentId')),
      clientOrderId: Number(fieldOf(payload, 'ClientOrderId') ?? 0),
      orderType: ORDER_TYPES[Number(fieldOf(payload, 'OrderType'))] ?? 'Unknown',
      receivedAt: book.now(),
      side: fieldOf(payload, 'Side') === 1 ? 'Sell' : 'Buy',
      quantity: formatDecimal(quantity),
      price: formatDecimal(price),
      quantityExecuted: '0',
      state: 'Working',
    });
    return { status: 200, body: { status: 'Accepted', errormsg: '', OrderId: book.nextId } };
  },
  CancelOrder: (account, payload, book) => {
    const refused = needs(account, 'Trading');
    if (refused) return refused;
    const order = book.orders.find((item) => item.orderId === Number(fieldOf(payload, 'OrderId')));
    if (!order || order.accountId !== account.accountId) return failed(104, 'Resource Not Found');
    order.state = 'Canceled';
    return succeeded();
  },
  GetOpenOrders: (account, _payload, book) => ({
    status: 200,
    body: book.orders
      .filter((order) => order.accountId === account.accountId && order.state === 'Working')
      .map(orderView),
  }),
  GetOrderStatus: (account, payload, book) => {
    const order = book.orders.find((item) => item.orderId === Number(fieldOf(payload, 'OrderId')));
    if (!order || order.accountId !== account.accountId) return failed(104, 'Resource Not Found');
    // NDAX answers the order itself (ccxt's fetchOrder sample); slate and Kiiex print a list of it.
    return { status: 200, body: [orderView(order)] };
  },
  CreateWithdrawTicket: (account, given, book) => {
    const refused = needs(account, 'Withdraw');
    if (refused) return refused;
    const payload = withdrawRequest(given);
    if (!payload) return failed(100, 'Invalid Request');
    const productId = Number(fieldOf(payload, 'ProductId'));
    const product = productSymbol(productId);
    const amount = parseDecimal(fieldOf(payload, 'Amount'));
    const balance = product === undefined ? undefined : account.balances.get(product);
    if (product === undefined || balance === undefined || amount === undefined || amount <= 0n)
      return failed(100, 'Invalid Request');
    if (amount > balance)
      return failed(101, 'Operation Failed: insufficient funds', null, 'insufficient-funds');
    account.balances.set(product, balance - amount);
    book.nextId += 1;
    const form = fieldOf(payload, 'TemplateForm');
    book.withdrawals.push({
      ticketId: book.nextId,
      accountId: account.accountId,
      userId: Number(account.userId),
      productId,
      product,
      amount: formatDecimal(amount),
      templateType: String(fieldOf(payload, 'TemplateType') ?? ''),
      templateForm: typeof form === 'string' ? form : JSON.stringify(form ?? {}),
      requestCode: randomUUID(),
      createdAt: book.now(),
    });
    return succeeded();
  },
  GetWithdrawTickets: (account, _payload, book) => ({
    status: 200,
    body: book.withdrawals.filter((ticket) => ticket.accountId === account.accountId).map(withdrawTicketView),
  }),
};
