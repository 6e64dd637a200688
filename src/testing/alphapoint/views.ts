import { formatDecimal } from '../decimal.js';
import type { SandboxAccount } from './accounts.js';
import type { SandboxOrder, WithdrawTicket } from './calls.js';

// Records as AlphaPoint's APEX docs (alphapoint/slate) and the Kiiex OpenAPI files print them: every documented
// field, PascalCase as the wire carries it, enumerations as the names the wire sends (`"Side": "Buy"`).

/** The products the sandbox knows: ids as `ProductId`, symbols as the balances are kept. */
const PRODUCTS = [
  {
    ProductId: 1,
    Product: 'BTC',
    ProductFullName: 'Bitcoin',
    ProductType: 'CryptoCurrency',
    DecimalPlaces: 8,
  },
  {
    ProductId: 2,
    Product: 'USD',
    ProductFullName: 'US Dollar',
    ProductType: 'NationalCurrency',
    DecimalPlaces: 2,
  },
  {
    ProductId: 3,
    Product: 'USDT',
    ProductFullName: 'Tether',
    ProductType: 'CryptoCurrency',
    DecimalPlaces: 6,
  },
] as const;

/** The symbol of a product id, if the sandbox has it. */
export const productSymbol = (id: unknown): string | undefined =>
  PRODUCTS.find((product) => product.ProductId === id)?.Product;

const productId = (symbol: string) => PRODUCTS.find((product) => product.Product === symbol)?.ProductId ?? 0;

/** A .NET date-time string of a POSIX millisecond time, as the docs print them (`"2018-08-17T15:34:20Z"`). */
const dateTime = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`;

/** .NET ticks (100 ns since 0001-01-01) of a POSIX millisecond time. */
export const ticks = (ms: number) => ms * 10_000 + 621_355_968_000_000_000;

/** The one instrument, BTCUSD (GetInstruments). */
export const INSTRUMENT = {
  OMSId: 1,
  InstrumentId: 1,
  Symbol: 'BTCUSD',
  Product1: 1,
  Product1Symbol: 'BTC',
  Product2: 2,
  Product2Symbol: 'USD',
  InstrumentType: 'Standard',
  VenueInstrumentId: 1,
  VenueId: 1,
  SortIndex: 0,
  SessionStatus: 'Running',
  PreviousSessionStatus: 'Stopped',
  SessionStatusDateTime: '2018-08-17T15:34:20Z',
  SelfTradePrevention: true,
  QuantityIncrement: 0.00000001,
  PriceIncrement: 0.01,
};

/** The prices of BTCUSD that move: what {@link level1} shows of the market as it stands. */
export interface Market {
  BestBid: number;
  BestOffer: number;
  LastTradedPx: number;
  LastTradedQty: number;
  /** POSIX milliseconds; 0 until a trade, when Level1 shows the time it is read. */
  LastTradeTime: number;
}

/** The market the sandbox opens with. */
export const openingMarket = (): Market => ({
  BestBid: 29990,
  BestOffer: 30010,
  LastTradedPx: 30000,
  LastTradedQty: 0.01,
  LastTradeTime: 0,
});

/** GetLevel1 of BTCUSD, SubscribeLevel1's answer and its Level1UpdateEvent (slate: the same object). */
export function level1(now: number, market: Market): Record<string, unknown> {
  return {
    OMSId: 1,
    InstrumentId: 1,
    BestBid: market.BestBid,
    BestOffer: market.BestOffer,
    Volume: market.LastTradedQty,
    LastTradedPx: market.LastTradedPx,
    LastTradedQty: market.LastTradedQty,
    LastTradeTime: market.LastTradeTime || now,
    TimeStamp: String(now),
    BidQty: 0.5,
    AskQty: 0.5,
    BidOrderCt: 1,
    AskOrderCt: 1,
    SessionOpen: 29900,
    SessionHigh: Math.max(30100, market.LastTradedPx),
    SessionLow: Math.min(29800, market.LastTradedPx),
    SessionClose: 30000,
    CurrentDayVolume: 1.25,
    CurrentDayNumTrades: 12,
    CurrentDayPxChange: market.LastTradedPx - 29900,
    Rolling24HrVolume: 1.25,
    Rolling24HrNumTrades: 12,
    Rolling24HrPxChange: market.LastTradedPx - 29900,
    Rolling24HrPxChangePercent: Number((((market.LastTradedPx - 29900) / 29900) * 100).toFixed(2)),
  };
}

/** GetUserInfo: the password hash and salt come back empty, as slate shows. */
export function userInfo(account: SandboxAccount): Record<string, unknown> {
  return {
    UserId: Number(account.userId),
    UserName: `user${account.userId}`,
    Email: `user${account.userId}@example.com`,
    PasswordHash: '',
    PendingEmailCode: '',
    EmailVerified: true,
    AccountId: account.accountId,
    DateTimeCreated: '2018-08-17T15:34:20Z',
    AffiliateId: 0,
    RefererId: 0,
    OMSId: account.omsId,
    Use2FA: account.totpSecret !== undefined,
    Salt: '',
    PendingCodeTime: '0001-01-01T00:00:00',
    Locked: account.locked,
    LockedTime: '0001-01-01T00:00:00',
    NumberOfFailedAttempt: 0,
  };
}

/** One GetAccountPositions row. */
export function position(account: SandboxAccount, symbol: string, units: bigint): Record<string, unknown> {
  return {
    OMSId: account.omsId,
    AccountId: account.accountId,
    ProductSymbol: symbol,
    ProductId: productId(symbol),
    Amount: Number(formatDecimal(units)),
    Hold: 0,
    PendingDeposits: 0,
    PendingWithdraws: 0,
    TotalDayDeposits: 0,
    TotalMonthDeposits: 0,
    TotalYearDeposits: 0,
    TotalYearDepositNotional: 0,
    TotalDayWithdraws: 0,
    TotalMonthWithdraws: 0,
    TotalYearWithdraws: 0,
    TotalYearWithdrawNotional: 0,
  };
}

/** Why the order last changed: placed, cancelled by its user, or traded. */
const changeReason = (order: SandboxOrder, executed: number) =>
  order.state === 'Canceled' ? 'UserModified' : executed > 0 ? 'Trade' : 'NewInputAccepted';

/** An order as GetOpenOrders and GetOrderStatus show it. */
export function orderView(order: SandboxOrder): Record<string, unknown> {
  const quantity = Number(order.quantity);
  const executed = Number(order.quantityExecuted);
  const left = order.state === 'Working' ? quantity - executed : 0;
  return {
    Side: order.side,
    OrderId: order.orderId,
    Price: Number(order.price),
    Quantity: left,
    DisplayQuantity: left,
    Instrument: order.instrumentId,
    Account: order.accountId,
    OrderType: order.orderType,
    ClientOrderId: order.clientOrderId,
    OrderState: order.state,
    ReceiveTime: order.receivedAt,
    ReceiveTimeTicks: ticks(order.receivedAt),
    OrigQuantity: quantity,
    QuantityExecuted: executed,
    AvgPrice: executed > 0 ? Number(order.price) : 0,
    CounterPartyId: 0,
    ChangeReason: changeReason(order, executed),
    OrigOrderId: order.orderId,
    OrigClOrdId: order.clientOrderId,
    EnteredBy: order.userId,
    IsQuote: false,
    InsideAsk: 30010,
    InsideAskSize: 0.5,
    InsideBid: 29990,
    InsideBidSize: 0.5,
    LastTradePrice: 30000,
    RejectReason: '',
    IsLockedIn: false,
    CancelReason: order.state === 'Canceled' ? 'UserModified' : '',
    OMSId: 1,
  };
}

/** A withdraw ticket as GetWithdrawTickets shows it (slate: the JSON fields as strings). */
export function withdrawTicketView(ticket: WithdrawTicket): Record<string, unknown> {
  return {
    AssetManagerId: 1,
    AccountId: ticket.accountId,
    AssetId: ticket.productId,
    AssetName: ticket.product,
    Amount: Number(ticket.amount),
    TemplateForm: ticket.templateForm,
    TemplateFormType: ticket.templateType,
    OMSId: 1,
    RequestCode: ticket.requestCode,
    RequestIP: '127.0.0.1',
    RequestUserId: ticket.userId,
    RequestUserName: `user${ticket.userId}`,
    OperatorId: 1,
    Status: 'New',
    FeeAmt: 0,
    UpdatedByUser: ticket.userId,
    UpdatedByUserName: `user${ticket.userId}`,
    TicketNumber: ticket.ticketId,
    CreatedTimestamp: dateTime(ticket.createdAt),
    LastUpdateTimestamp: dateTime(ticket.createdAt),
    Comments: null,
    Attachments: null,
    AuditLog: null,
  };
}
