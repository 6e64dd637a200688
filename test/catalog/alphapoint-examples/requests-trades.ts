import { type Examples, SLATE } from './examples.js';

/** The documented requests of the trades calls. */
export const requestsTrades: Examples = {
  GetTradesHistory: [
    {
      source: `${SLATE}/trades/_api_trades_user_gettradeshistory.md`,
      // field names in the wire's PascalCase.
      value: {
        OMSId: 0,
        AccountId: 0,
        InstrumentId: 0,
        TradeId: 0,
        OrderId: 0,
        UserId: 0,
        StartTimestamp: 0,
        EndTimestamp: 0,
        Depth: 100,
        StartIndex: 0,
        ExecutionId: 0,
      },
    },
  ],
  GetAccountTrades: [
    {
      source: `${SLATE}/trades/_api_trades_user_getaccounttrades.md`,
      value: {
        OMSId: 0,
        AccountId: 0,
        StartIndex: 0,
        Count: 0,
      },
    },
  ],
  GetOpenTradeReports: [
    {
      source: `${SLATE}/trades/_api_trades_user_getopentradereports.md`,
      value: {
        OMSId: 1,
        AccountId: 1,
      },
    },
  ],
  GetAllOpenTradeReports: [
    {
      source: `${SLATE}/trades/_api_trades_user_getallopentradereports.md`,
      value: {
        OMSId: 1,
        InstrumentId: 1,
      },
    },
  ],
};
