import { z } from 'zod';
import { buildOnce } from '../../../core/build-once.js';
import { commonSchemas } from './common.js';

/** This module's schemas, built on first use: building every catalog's schemas at import made loading slow. */
export const marketSchemas = buildOnce(() => {
  const { answer, apexEnum, dateTime, decimal, int, text } = commonSchemas();
  // Public calls: instruments, products, market data (slate `instrs/`, `products/_api_prods_user_*`,
  // `users/_api_users_user_getlevel1.md`, `users/_api_users_user_getl2snapshot.md`, `trades/..._gettickerhistory.md`,
  // `uncertain/_api_uncert_user_ping.md`; Kiiex GetInstrument(s).yaml, GetProduct(s).yaml, GetLevel1.yaml,
  // GetL2Snapshot.yaml, GetTickerHistory.yaml, misc/ping.md).

  /**
   * An instrument (GetInstrument, GetInstruments). Fields both sources print are required; the price-collar and
   * OTC fields (slate, added in APEX 3.5) and the Kiiex-only fields are optional.
   */
  const instrument = answer({
    OMSId: int,
    InstrumentId: int,
    Symbol: text,
    Product1: int,
    Product1Symbol: text,
    Product2: int,
    Product2Symbol: text,
    InstrumentType: apexEnum,
    VenueInstrumentId: int,
    VenueId: int,
    SortIndex: int,
    SessionStatus: apexEnum,
    PreviousSessionStatus: apexEnum,
    SessionStatusDateTime: dateTime,
    SelfTradePrevention: z.boolean(),
    QuantityIncrement: decimal,
    PriceIncrement: decimal,
    PriceCollarIndexDifference: decimal.optional(),
    PriceCollarConvertToOtcEnabled: z.boolean().optional(),
    PriceCollarConvertToOtcClientUserId: int.optional(),
    PriceCollarConvertToOtcAccountId: int.optional(),
    PriceCollarConvertToOtcThreshold: decimal.optional(),
    OtcConvertSizeEnabled: z.boolean().optional(),
    OtcConvertSizeThreshold: decimal.optional(),
    MinimumPrice: decimal.optional(),
    DisplaySymbol: z.string().optional(),
    IsDisable: z.boolean().optional(),
    MasterDataId: int.optional(),
    AllowOnlyMarketMakerCounterParty: z.boolean().optional(),
  });

  /** GetInstruments body. `InstrumentState` is listed by Kiiex only. */
  const getInstrumentsBody = z.strictObject({ OMSId: int, InstrumentState: z.string().optional() });

  /** GetInstrument body. */
  const getInstrumentBody = z.strictObject({ OMSId: int, InstrumentId: int });

  /** A product (GetProduct, GetProducts). `decimalPlaces` is printed as `0.0` by slate and `0` by Kiiex. */
  const product = answer({
    OMSId: int,
    ProductId: int,
    Product: text,
    ProductFullName: text,
    ProductType: apexEnum,
    DecimalPlaces: decimal,
    TickSize: decimal,
    NoFees: z.boolean(),
  });

  /** GetProducts body. `GetDisabled` is listed by Kiiex only. */
  const getProductsBody = z.strictObject({ OMSId: int, GetDisabled: z.boolean().optional() });

  /** GetProduct body. */
  const getProductBody = z.strictObject({ OMSId: int, ProductId: int });

  /** GetLevel1 body. */
  const getLevel1Body = z.strictObject({ OMSId: int, InstrumentId: int });

  /**
   * GetLevel1. slate and Kiiex print `exchangeId`/`productPairCode`, the wire (ccxt's NDAX sample, and slate's
   * SubscribeLevel1, which documents the same Level 1 object) carries `OMSId`/`InstrumentId`; the names of the
   * traded-quantity, notional and 24-hour trade-count fields differ between them too. Those are optional; the prices,
   * volumes and counts every source prints are required. `TimeStamp` is a number in the docs and a string of digits
   * in SubscribeLevel1's example.
   */
  const level1 = answer({
    ExchangeId: int.optional(),
    ProductPairCode: int.optional(),
    OMSId: int.optional(),
    InstrumentId: int.optional(),
    BestBid: decimal,
    BestOffer: decimal,
    Volume: decimal,
    LastTradedPx: decimal,
    LastTradedVolume: decimal.optional(),
    LastTradedQty: decimal.optional(),
    LastTradeTime: int,
    TimeStamp: z.union([int, z.string()]),
    BidQty: decimal,
    AskQty: decimal,
    BidOrderCt: int,
    AskOrderCt: int,
    SessionOpen: decimal,
    SessionHigh: decimal,
    SessionLow: decimal,
    SessionClose: decimal,
    CurrentDayVolume: decimal,
    CurrentDayNumTrades: decimal,
    CurrentDayPxChange: decimal,
    CurrentNotional: decimal.optional(),
    CurrentDayNotional: decimal.optional(),
    Rolling24HrNotional: decimal.optional(),
    Rolling24HrVolume: decimal,
    Rolling24NumTrades: decimal.optional(),
    Rolling24HrNumTrades: decimal.optional(),
    Rolling24HrPxChange: decimal,
    Rolling24HrPxChangePercent: decimal,
  });

  /** GetL2Snapshot body. `Depth` defaults to 100. */
  const getL2SnapshotBody = z.strictObject({ OMSId: int, InstrumentId: int, Depth: int.optional() });

  /**
   * One GetL2Snapshot entry: `[MDUpdateId, uniqueAccounts, ActionDateTime, ActionType, LastTradePrice, orders,
   * Price, ProductPairCode, Quantity, Side]`; numbers the exchange may append later pass through.
   */
  const l2Entry = z.tuple([int, int, int, int, decimal, int, decimal, int, decimal, int], z.unknown());

  /** GetL2Snapshot: the entries, bids and asks together (tell them apart by Side, 0 buy, 1 sell). */
  const l2Snapshot = z.array(l2Entry);

  /** GetTickerHistory body. `FromDate` and `ToDate` are date strings (`"2018-07-18"`), `Interval` seconds. */
  const getTickerHistoryBody = z.strictObject({
    OMSId: int,
    InstrumentId: int,
    Interval: int,
    FromDate: z.string(),
    ToDate: z.string(),
  });

  /**
   * One GetTickerHistory candle: `[DateTime (POSIX ms), High, Low, Open, Close, Volume, InsideBid, InsideAsk,
   * InstrumentId]`; numbers the exchange may append later pass through.
   */
  const tickerCandle = z.tuple(
    [int, decimal, decimal, decimal, decimal, decimal, decimal, decimal, int],
    z.unknown(),
  );

  /** GetTickerHistory: candles, oldest first. */
  const tickerHistory = z.array(tickerCandle);

  /** Ping: `{"msg": "PONG"}`. */
  const pong = answer({ msg: z.string() });

  /** GetValidate2FARequiredEndpoints: lowercase call names that need a second factor (`"createwithdrawticket"`). */
  const twoFactorEndpoints = z.array(z.string());
  return {
    instrument,
    getInstrumentsBody,
    getInstrumentBody,
    product,
    getProductsBody,
    getProductBody,
    getLevel1Body,
    level1,
    getL2SnapshotBody,
    l2Entry,
    l2Snapshot,
    getTickerHistoryBody,
    tickerCandle,
    tickerHistory,
    pong,
    twoFactorEndpoints,
  };
});
