import { type Examples, KIIEX, SLATE } from './examples.js';

/** The documented answers of the market calls. */
export const answersMarket: Examples = {
  GetInstruments: [
    {
      source: `${SLATE}/instrs/_api_instrs_user_getinstruments.md`,
      value: [
        {
          omsId: 0,
          instrumentId: 0,
          symbol: '',
          product1: 0,
          product1Symbol: '',
          product2: 0,
          product2Symbol: '',
          instrumentType: 0,
          venueInstrumentId: 0,
          venueId: 0,
          sortIndex: 0,
          sessionStatus: 0,
          previousSessionStatus: 0,
          sessionStatusDateTime: '0001-01-01T00:00:00',
          selfTradePrevention: false,
          quantityIncrement: 0.0,
          priceIncrement: 0.0,
          priceCollarIndexDifference: 0.0,
          priceCollarConvertToOtcEnabled: false,
          priceCollarConvertToOtcClientUserId: 1,
          priceCollarConvertToOtcAccountId: 0,
          priceCollarConvertToOtcThreshold: 0.0,
          otcConvertSizeEnabled: false,
          otcConvertSizeThreshold: 0.0,
        },
      ],
    },
    {
      source: `${KIIEX}/GetInstruments.yaml`,
      value: [
        {
          omsId: 0,
          instrumentId: 0,
          symbol: '',
          product1: 0,
          product1Symbol: '',
          product2: 0,
          product2Symbol: '',
          instrumentType: 'Unknown',
          venueInstrumentId: 0,
          venueId: 0,
          sortIndex: 0,
          sessionStatus: 'Unknown',
          previousSessionStatus: 'Unknown',
          sessionStatusDateTime: '0001-01-01T00:00:00',
          selfTradePrevention: false,
          quantityIncrement: 0.0,
          priceIncrement: 0.0,
          minimumPrice: 0.0,
          displaySymbol: '',
          isDisable: false,
          masterDataId: 0,
          allowOnlyMarketMakerCounterParty: false,
        },
      ],
    },
  ],
  GetInstrument: [
    {
      source: `${SLATE}/instrs/_api_instrs_user_getinstrument.md`,
      value: {
        omsId: 0,
        instrumentId: 0,
        symbol: null,
        product1: 0,
        product1Symbol: null,
        product2: 0,
        product2Symbol: null,
        instrumentType: 0,
        venueInstrumentId: 0,
        venueId: 0,
        sortIndex: 0,
        sessionStatus: 0,
        previousSessionStatus: 0,
        sessionStatusDateTime: '0001-01-01T00:00:00',
        selfTradePrevention: false,
        quantityIncrement: 0.0,
        priceIncrement: 0.0,
        priceCollarIndexDifference: 0.0,
        priceCollarConvertToOtcEnabled: false,
        priceCollarConvertToOtcClientUserId: 1,
        priceCollarConvertToOtcAccountId: 0,
        priceCollarConvertToOtcThreshold: 0.0,
        otcConvertSizeEnabled: false,
        otcConvertSizeThreshold: 0.0,
      },
    },
    {
      source: `${KIIEX}/GetInstrument.yaml`,
      value: {
        omsId: 0,
        instrumentId: 0,
        symbol: null,
        product1: 0,
        product1Symbol: null,
        product2: 0,
        product2Symbol: null,
        instrumentType: 'Unknown',
        venueInstrumentId: 0,
        venueId: 0,
        sortIndex: 0,
        sessionStatus: 'Unknown',
        previousSessionStatus: 'Unknown',
        sessionStatusDateTime: '0001-01-01T00:00:00',
        selfTradePrevention: false,
        quantityIncrement: 0.0,
        priceIncrement: 0.0,
        minimumPrice: 0.0,
        displaySymbol: '',
        isDisable: false,
        masterDataId: 0,
      },
    },
  ],
  GetProducts: [
    {
      source: `${SLATE}/products/_api_prods_user_getproducts.md`,
      value: [
        {
          omsId: 0,
          productId: 0,
          product: '',
          productFullName: '',
          productType: 0,
          decimalPlaces: 0.0,
          tickSize: 0.0,
          noFees: false,
        },
      ],
    },
    {
      source: `${KIIEX}/GetProducts.yaml`,
      value: [
        {
          omsId: 0,
          productId: 0,
          product: '',
          productFullName: '',
          productType: 'Unknown',
          decimalPlaces: 0,
          tickSize: 0.0,
          noFees: false,
        },
      ],
    },
  ],
  GetProduct: [
    {
      source: `${SLATE}/products/_api_prods_user_getproduct.md`,
      value: {
        omsId: 0,
        productId: 0,
        product: null,
        productFullName: null,
        productType: 0,
        decimalPlaces: 0.0,
        tickSize: 0.0,
        noFees: false,
      },
    },
    {
      source: `${KIIEX}/GetProduct.yaml`,
      value: {
        omsId: 0,
        productId: 0,
        product: null,
        productFullName: null,
        productType: 'Unknown',
        decimalPlaces: 0,
        tickSize: 0.0,
        noFees: false,
      },
    },
  ],
  GetLevel1: [
    {
      source: `${SLATE}/users/_api_users_user_getlevel1.md`,
      value: {
        exchangeId: 0,
        productPairCode: 0,
        bestBid: 0.0,
        bestOffer: 0.0,
        volume: 0.0,
        lastTradedPx: 0.0,
        lastTradedVolume: 0.0,
        lastTradeTime: 0,
        timeStamp: 0,
        bidQty: 0.0,
        askQty: 0.0,
        bidOrderCt: 0,
        askOrderCt: 0,
        sessionOpen: 0.0,
        sessionHigh: 0.0,
        sessionLow: 0.0,
        sessionClose: 0.0,
        currentDayVolume: 0.0,
        currentDayNumTrades: 0.0,
        currentDayPxChange: 0.0,
        currentNotional: 0.0,
        rolling24HrNotional: 0.0,
        rolling24HrVolume: 0.0,
        rolling24NumTrades: 0.0,
        rolling24HrPxChange: 0.0,
        rolling24HrPxChangePercent: 0.0,
      },
    },
    {
      source: `${KIIEX}/GetLevel1 (1).yaml`,
      value: {
        exchangeId: 0,
        productPairCode: 0,
        bestBid: 0.0,
        bestOffer: 0.0,
        volume: 0.0,
        lastTradedPx: 0.0,
        lastTradedVolume: 0.0,
        lastTradeTime: 0,
        timeStamp: 0,
        bidQty: 0.0,
        askQty: 0.0,
        bidOrderCt: 0,
        askOrderCt: 0,
        sessionOpen: 0.0,
        sessionHigh: 0.0,
        sessionLow: 0.0,
        sessionClose: 0.0,
        currentDayVolume: 0.0,
        currentDayNumTrades: 0,
        currentDayPxChange: 0.0,
        rolling24HrVolume: 0.0,
        rolling24HrNumTrades: 0.0,
        rolling24HrPxChange: 0.0,
        rolling24HrPxChangePercent: 0.0,
      },
    },
  ],
  GetL2Snapshot: [
    // Not used: Kiiex's GetL2Snapshot.yaml example, `[[1, 123, 0, 0.0, 0, 0.0, 0, 0.0, 0]]`, has 9 numbers where
    // slate and Kiiex's own commented copy (GetL2Snapshot (2).yaml) list 10 fields; one was lost.
    {
      source: `${SLATE}/users/_api_users_user_getl2snapshot.md (commented)`,
      value: [
        [
          0, // MDUpdateId
          1, // Number of Unique Accounts
          123, // ActionDateTime in Posix format X 1000
          0, // ActionType 0 (New), 1 (Update), 2(Delete)
          0.0, // LastTradePrice
          0, // Number of Orders
          0.0, //Price
          0, // ProductPairCode
          0.0, // Quantity
          0, // Side
        ],
      ],
    },
    {
      source: `${SLATE}/users/_api_users_user_getl2snapshot.md (as sent)`,
      value: [[0, 1, 123, 0, 0.0, 0, 0.0, 0, 0.0, 0]],
    },
  ],
  GetTickerHistory: [
    // Not valid JSON as published: its comments are written `\\High`; here `// High`.
    {
      source: `${SLATE}/trades/_api_trades_user_gettickerhistory.md`,
      value: [
        [
          1501603632000, // DateTime - UTC - Milliseconds since 1/1/1970 - POSIX format
          2700.33, // High
          2687.01, // Low
          2687.01, // Open
          2687.01, // Close
          24.86100992, // Volume
          0, // Inside Bid Price
          2870.95, // Inside Ask Price
          1, // InstrumentId
        ],
        [1501604532000, 2792.73, 2667.95, 2687.01, 2700.81, 242.61340767, 0, 2871, 0],
      ],
    },
    {
      source: `${KIIEX}/GetTickerHistory.yaml`,
      value: [
        [1501603632000, 2700.33, 2687.01, 2687.01, 2687.01, 24.86100992, 0, 2870.95, 1],
        [1501604532000, 2792.73, 2667.95, 2687.01, 2700.81, 242.61340767, 0, 2871, 0],
      ],
    },
  ],
  Ping: [
    {
      source: `${SLATE}/uncertain/_api_uncert_user_ping.md`,
      value: {
        msg: 'PONG',
      },
    },
  ],
  GetValidate2FARequiredEndpoints: [
    {
      source: `${SLATE}/users/_api_users_system_getvalidate2farequiredendpoints.md`,
      value: ['createwithdrawticket', 'createdepositticket', 'adduserpermission'],
    },
    {
      source: `${KIIEX}/GetValidate2FARequiredEndpoints.yaml`,
      value: ['createwithdrawticket', 'createdepositticket', 'adduserpermission'],
    },
  ],
};
