import { z } from 'zod';
import { buildOnce } from '../../../core/build-once.js';
import { commonSchemas } from './common.js';

/** This module's schemas, built on first use: building every catalog's schemas at import made loading slow. */
export const tradesSchemas = buildOnce(() => {
  const { answer, apexEnum, decimal, int, ticks } = commonSchemas();
  // Trades: slate `trades/_api_trades_user_gettradeshistory.md`, `..._getaccounttrades.md`,
  // `..._getopentradereports.md`, `..._getallopentradereports.md` and "3.5.0 Behavior Changes" (OrderTrade); Kiiex
  // GetTradesHistory.yaml, GetAccountTrades.yaml, GetOpenTradeReports.yaml, GetAllOpenTradeReports.yaml.

  /**
   * One side of a trade (GetTradesHistory, GetAccountTrades). `UserName` is a string in the examples and an integer in
   * slate's table; `IsQuote` is `0` in the examples (an integer in Kiiex) and a Boolean for orders: each takes both.
   * The four notional fields were added in APEX 3.5.0: optional.
   */
  const trade = answer({
    OMSId: int,
    ExecutionId: int,
    TradeId: int,
    OrderId: int,
    AccountId: int,
    AccountName: z.string(),
    SubAccountId: int,
    ClientOrderId: int,
    InstrumentId: int,
    Side: apexEnum,
    OrderType: apexEnum,
    Quantity: decimal,
    RemainingQuantity: decimal,
    Price: decimal,
    Value: decimal,
    CounterParty: z.string(),
    OrderTradeRevision: int,
    Direction: apexEnum,
    IsBlockTrade: z.boolean(),
    Fee: decimal,
    FeeProductId: int,
    OrderOriginator: int,
    UserName: z.union([z.string(), int]),
    TradeTimeMS: int,
    MakerTaker: apexEnum,
    AdapterTradeId: int,
    InsideBid: decimal,
    InsideBidSize: decimal,
    InsideAsk: decimal,
    InsideAskSize: decimal,
    IsQuote: z.union([z.boolean(), int]),
    TradeTime: ticks,
    CounterPartyClientUserId: int.optional(),
    NotionalProductId: int.optional(),
    NotionalRate: decimal.optional(),
    NotionalValue: decimal.optional(),
  });

  /** A list of trades. */
  const trades = z.array(trade);

  /** GetTradesHistory body: "All values in the request other than omsId are optional." */
  const tradesHistoryBody = z.strictObject({
    OMSId: int,
    AccountId: int.optional(),
    InstrumentId: int.optional(),
    TradeId: int.optional(),
    OrderId: int.optional(),
    UserId: int.optional(),
    StartTimestamp: int.optional(),
    EndTimestamp: int.optional(),
    Depth: int.optional(),
    StartIndex: int.optional(),
    ExecutionId: int.optional(),
  });

  /** GetAccountTrades body. slate lists `StartIndex` and `Count` (up to 200); Kiiex adds the other filters. */
  const accountTradesBody = z.strictObject({
    OMSId: int,
    AccountId: int,
    StartIndex: int.optional(),
    Count: int.optional(),
    ExecutionId: int.optional(),
    TradeId: int.optional(),
    OrderId: int.optional(),
    UserId: int.optional(),
    StartTimestamp: int.optional(),
    EndTimestamp: int.optional(),
    Depth: int.optional(),
  });

  /** GetAllOpenTradeReports body: the block trades of one instrument. */
  const allOpenTradeReportsBody = z.strictObject({ OMSId: int, InstrumentId: int });
  return { trade, trades, tradesHistoryBody, accountTradesBody, allOpenTradeReportsBody };
});
