import { type Examples, KIIEX, SLATE } from './examples.js';

/** The documented requests of the orders calls. */
export const requestsOrders: Examples = {
  SendOrder: [
    {
      source: `${SLATE}/oms_orders/_api_omsord_user_sendorder.md`,
      // field names in the wire's PascalCase.
      value: {
        InstrumentId: 1,
        OMSId: 1,
        AccountId: 1,
        TimeInForce: 1,
        ClientOrderId: 1,
        OrderIdOCO: 0,
        UseDisplayQuantity: false,
        Side: 0,
        Quantity: 1,
        OrderType: 2,
        PegPriceType: 3,
        LimitPrice: 8800,
      },
    },
    {
      source: `${KIIEX}/SendOrder.yaml`,
      value: {
        InstrumentId: 1,
        OMSId: 1,
        AccountId: 1,
        TimeInForce: 1,
        ClientOrderId: 1,
        OrderIdOCO: 0,
        UseDisplayQuantity: false,
        Side: 0,
        Quantity: 1,
        OrderType: 2,
        PegPriceType: 3,
        LimitPrice: 8800,
        PostOnly: false,
      },
    },
  ],
  CancelOrder: [
    {
      source: `${SLATE}/oms_orders/_api_omsord_user_cancelorder.md`,
      value: {
        OMSId: 0,
        AccountId: 0,
        ClOrderId: 0,
        OrderId: 0,
      },
    },
    {
      source: `${KIIEX}/CancelOrder.yaml`,
      value: {
        OMSId: 0,
        AccountId: 0,
        ClOrderId: 0,
        OrderId: 0,
      },
    },
  ],
  CancelAllOrders: [
    {
      source: `${SLATE}/oms_orders/_api_omsord_user_cancelallorders.md`,
      value: {
        AccountId: 0,
        OMSId: 0,
      },
    },
    {
      source: `${KIIEX}/CancelAllOrders.yaml`,
      value: {
        AccountId: 0,
        OMSId: 0,
      },
    },
  ],
  CancelReplaceOrder: [
    {
      source: `${SLATE}/oms_orders/_api_omsord_user_cancelreplaceorder.md`,
      // field names in the wire's PascalCase.
      value: {
        OMSId: 0,
        OrderIdToReplace: 0,
        ClientOrdId: 0,
        OrderType: 0,
        Side: 0,
        AccountId: 0,
        InstrumentId: 0,
        UseDisplayQuantity: false,
        DisplayQuantity: 0,
        LimitPrice: 0,
        StopPrice: 0,
        ReferencePrice: 0,
        PegPriceType: 0,
        TimeInForce: 0,
        OrderIdOCO: 0,
        Quantity: 0,
      },
    },
    {
      source: `${KIIEX}/CancelReplaceOrder.yaml`,
      // field names in the wire's PascalCase.
      value: {
        OMSId: 0,
        OrderIdToReplace: 0,
        ClientOrdId: 0,
        OrderType: 0,
        Side: 0,
        AccountId: 0,
        InstrumentId: 0,
        UseDisplayQuantity: false,
        DisplayQuantity: 0,
        LimitPrice: 0,
        StopPrice: 0,
        ReferencePrice: 0,
        PegPriceType: 0,
        TimeInForce: 0,
        OrderIdOCO: 0,
        Quantity: 0,
      },
    },
  ],
  ModifyOrder: [
    {
      source: `${SLATE}/oms_orders/_api_omsord_user_modifyorder.md`,
      value: {
        OMSId: 0,
        OrderId: 0,
        InstrumentId: 0,
        Quantity: 0,
      },
    },
    {
      source: `${KIIEX}/ModifyOrder.yaml`,
      value: {
        OMSId: 0,
        OrderId: 0,
        InstrumentId: 0,
        PreviousOrderRevision: 0,
        Quantity: 0,
        AccountId: 0,
      },
    },
  ],
  GetOpenOrders: [
    {
      source: `${SLATE}/oms_orders/_api_omsord_user_getopenorders.md`,
      // printed without the comma after `"OMSId": 1`.
      value: {
        OMSId: 1,
        AccountId: 4,
      },
    },
  ],
  GetOrderStatus: [
    {
      source: `${SLATE}/oms_orders/_api_omsord_user_getorderstatus.md`,
      // field names in the wire's PascalCase.
      value: {
        OMSId: 0,
        AccountId: 0,
        OrderId: 0,
      },
    },
  ],
  GetOrderHistory: [
    {
      source: `${SLATE}/oms_orders/_api_omsord_user_getorderhistory.md`,
      value: {
        OMSId: 1,
        AccountId: 1,
      },
    },
  ],
  GetOrdersHistory: [
    {
      source: `${SLATE}/oms_orders/_api_omsord_user_getordershistory.md`,
      // field names in the wire's PascalCase.
      value: {
        OMSId: 0,
        AccountId: 0,
        ClientOrderId: 0,
        OriginalOrderId: 0,
        OriginalClientOrderId: 0,
        UserId: 0,
        InstrumentId: 0,
        StartTimestamp: 0,
        EndTimestamp: 0,
        Depth: 100,
        StartIndex: 0,
      },
    },
  ],
  GetOrderHistoryByOrderId: [
    {
      source: `${SLATE}/oms_orders/_api_omsord_user_getorderhistorybyorderid.md`,
      // field names in the wire's PascalCase.
      value: {
        OMSId: 0,
        OrderId: 0,
      },
    },
  ],
  GetOrderFee: [
    {
      source: `${SLATE}/oms_orders/_api_omsord_user_getorderfee.md`,
      // field names in the wire's PascalCase.
      value: {
        OMSId: 0,
        AccountId: 0,
        InstrumentId: 0,
        ProductId: 0,
        Amount: 0,
        Price: 0,
        OrderType: 0,
        MakerTaker: 0,
        Side: 0,
      },
    },
  ],
};
