import { z } from 'zod';
import { buildOnce } from '../../../core/build-once.js';
import { commonSchemas } from './common.js';

/** This module's schemas, built on first use: building every catalog's schemas at import made loading slow. */
export const ordersSchemas = buildOnce(() => {
  const { answer, apexEnum, decimal, int, ticks } = commonSchemas();
  // Orders: slate `oms_orders/_api_omsord_user_*.md` (SendOrder, CancelOrder, CancelAllOrders, CancelReplaceOrder,
  // ModifyOrder, GetOpenOrders, GetOrderStatus, GetOrderHistory, GetOrdersHistory, GetOrderHistoryByOrderId,
  // GetOrderFee) and slate's "3.4.1 Revised Calls" (`source/index.html.md`); Kiiex SendOrder.yaml, CancelOrder.yaml,
  // CancelAllOrders.yaml, CancelReplaceOrder.yaml, ModifyOrder.yaml, GetOpenOrders.yaml, GetOrderStatus.yaml,
  // GetOrderHistory.yaml (and oms-orders/getorderhistory.md), GetOrdersHistory.yaml, GetOrderHistoryByOrderId.yaml,
  // GetOrderFee.yaml.

  /** Side: 0 Buy, 1 Sell, 2 Short, 3 Unknown (an error condition). */
  const side = z.literal([0, 1, 2, 3]);

  /** OrderType: 0 Unknown, 1 Market, 2 Limit, 3 StopMarket, 4 StopLimit, 5 TrailingStopMarket, 6 TrailingStopLimit, 7 BlockTrade. */
  const orderType = z.literal([0, 1, 2, 3, 4, 5, 6, 7]);

  /** TimeInForce: 0 Unknown, 1 GTC (the default), 2 OPG, 3 IOC, 4 FOK, 5 GTX, 6 GTD. */
  const timeInForce = z.literal([0, 1, 2, 3, 4, 5, 6]);

  /** PegPriceType: 1 Last, 2 Bid, 3 Ask, 4 Midpoint (CancelReplaceOrder also lists 0 Unknown). */
  const pegPriceType = z.literal([0, 1, 2, 3, 4]);

  /**
   * SendOrder body. `TimeInForce` is required by Kiiex and defaults to GTC in slate, so it may be left out. `Value`
   * is slate's 3.4.1 revision (a market buy up to that value), `PostOnly` is Kiiex's; `DisplayQuantity` and
   * `StopPrice` are not listed for SendOrder, but UseDisplayQuantity and the stop order types are, and
   * CancelReplaceOrder documents both fields for the same order.
   */
  const sendOrderBody = z.strictObject({
    InstrumentId: int,
    OMSId: int,
    AccountId: int,
    TimeInForce: timeInForce.optional(),
    ClientOrderId: int.optional(),
    OrderIdOCO: int.optional(),
    UseDisplayQuantity: z.boolean().optional(),
    DisplayQuantity: decimal.optional(),
    Side: side,
    Quantity: decimal,
    OrderType: orderType,
    PegPriceType: pegPriceType.optional(),
    LimitPrice: decimal.optional(),
    StopPrice: decimal.optional(),
    Value: decimal.optional(),
    PostOnly: z.boolean().optional(),
  });

  /** SendOrder: `status` is `"Accepted"` or `"Rejected"`; `OrderId` is the server's id for the order. */
  const sentOrder = answer({
    status: z.string(),
    errormsg: z.string(),
    OrderId: int,
  });

  /**
   * CancelOrder body. "The OMS ID and the Order ID precisely identify the order"; with the Account ID "you must also
   * specify at least the Client Order ID".
   */
  const cancelOrderBody = z
    .strictObject({
      OMSId: int,
      AccountId: int.optional(),
      ClOrderId: int.optional(),
      OrderId: int.optional(),
    })
    .refine(
      (body) => body.OrderId !== undefined || (body.AccountId !== undefined && body.ClOrderId !== undefined),
      {
        error: 'give OrderId, or AccountId with ClOrderId',
      },
    );

  /** CancelAllOrders body: all of an account's orders, or of one instrument (slate spells it `IntrumentId`). */
  const cancelAllOrdersBody = z.strictObject({
    OMSId: int,
    AccountId: int.optional(),
    InstrumentId: int.optional(),
  });

  /**
   * CancelReplaceOrder body (the docs print camelCase; sent in the wire's PascalCase). The replacement's client id
   * is `clientOrdId` in both examples and `clientOrderId` in slate's table: both are taken.
   */
  const cancelReplaceOrderBody = z.strictObject({
    OMSId: int,
    OrderIdToReplace: int,
    ClientOrdId: int.optional(),
    ClientOrderId: int.optional(),
    OrderType: orderType,
    Side: side,
    AccountId: int,
    InstrumentId: int,
    UseDisplayQuantity: z.boolean().optional(),
    DisplayQuantity: decimal.optional(),
    LimitPrice: decimal.optional(),
    StopPrice: decimal.optional(),
    ReferencePrice: decimal.optional(),
    PegPriceType: pegPriceType.optional(),
    TimeInForce: timeInForce.optional(),
    OrderIdOCO: int.optional(),
    Quantity: decimal,
  });

  /** CancelReplaceOrder: the new order's ids and the replaced one's. */
  const replacedOrder = answer({
    ReplacementOrderId: int,
    ReplacementClOrdId: int,
    OrigOrderId: int,
    OrigClOrdId: int,
  });

  /** ModifyOrder body: a lower quantity. `PreviousOrderRevision` and `AccountId` are listed by Kiiex only. */
  const modifyOrderBody = z.strictObject({
    OMSId: int,
    OrderId: int,
    InstrumentId: int,
    Quantity: decimal,
    PreviousOrderRevision: int.optional(),
    AccountId: int.optional(),
  });

  /** An order (GetOpenOrders, GetOrderStatus, the order histories, the open trade reports). */
  const order = answer({
    Side: apexEnum,
    OrderId: int,
    Price: decimal,
    Quantity: decimal,
    DisplayQuantity: decimal,
    Instrument: int,
    Account: int,
    OrderType: apexEnum,
    ClientOrderId: int,
    OrderState: apexEnum,
    ReceiveTime: int,
    ReceiveTimeTicks: ticks,
    OrigQuantity: decimal,
    QuantityExecuted: decimal,
    AvgPrice: decimal,
    CounterPartyId: int,
    ChangeReason: apexEnum,
    OrigOrderId: int,
    OrigClOrdId: int,
    EnteredBy: int,
    IsQuote: z.boolean(),
    InsideAsk: decimal,
    InsideAskSize: decimal,
    InsideBid: decimal,
    InsideBidSize: decimal,
    LastTradePrice: decimal,
    RejectReason: z.string(),
    IsLockedIn: z.boolean(),
    CancelReason: z.string(),
    OMSId: int,
  });

  /** A list of orders. */
  const orders = z.array(order);

  /** GetOpenOrders body. `InstrumentId` is listed by Kiiex only. */
  const openOrdersBody = z.strictObject({ OMSId: int, AccountId: int, InstrumentId: int.optional() });

  /** GetOrderStatus body. */
  const orderStatusBody = z.strictObject({ OMSId: int, AccountId: int, OrderId: int });

  /**
   * GetOrderStatus. Both sources print an array of orders; NDAX answers with the order itself (ccxt's fetchOrder
   * sample). Both are accepted.
   */
  const orderStatus = z.union([order, orders]);

  const historyFilters = {
    ClientOrderId: int.optional(),
    OriginalOrderId: int.optional(),
    OriginalClientOrderId: int.optional(),
    UserId: int.optional(),
    InstrumentId: int.optional(),
    StartTimestamp: int.optional(),
    EndTimestamp: int.optional(),
    Depth: int.optional(),
    StartIndex: int.optional(),
  };

  /** GetOrderHistory body. slate prints `{OMSId, AccountId}`; Kiiex adds the filters GetOrdersHistory has. */
  const orderHistoryBody = z.strictObject({ OMSId: int, AccountId: int, ...historyFilters });

  /** GetOrdersHistory body: "All values other than OMSId are optional" (the default account). */
  const ordersHistoryBody = z.strictObject({ OMSId: int, AccountId: int.optional(), ...historyFilters });

  /** GetOrderHistoryByOrderId body. */
  const orderHistoryByIdBody = z.strictObject({ OMSId: int, OrderId: int });

  /** GetOrderFee body: an estimate for a proposed order. `MakerTaker`: 0 Unknown, 1 Maker, 2 Taker. */
  const orderFeeBody = z.strictObject({
    OMSId: int,
    AccountId: int,
    InstrumentId: int,
    ProductId: int,
    Amount: decimal,
    Price: decimal,
    OrderType: orderType,
    MakerTaker: int,
    Side: side,
  });

  /** GetOrderFee. */
  const orderFee = answer({ OrderFee: decimal, ProductId: int });
  return {
    side,
    orderType,
    timeInForce,
    pegPriceType,
    sendOrderBody,
    sentOrder,
    cancelOrderBody,
    cancelAllOrdersBody,
    cancelReplaceOrderBody,
    replacedOrder,
    modifyOrderBody,
    order,
    orders,
    openOrdersBody,
    orderStatusBody,
    orderStatus,
    orderHistoryBody,
    ordersHistoryBody,
    orderHistoryByIdBody,
    orderFeeBody,
    orderFee,
  };
});
