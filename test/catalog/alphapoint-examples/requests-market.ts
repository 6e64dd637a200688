import { type Examples, SLATE } from './examples.js';

/** The documented requests of the market calls. */
export const requestsMarket: Examples = {
  GetInstruments: [
    {
      source: `${SLATE}/instrs/_api_instrs_user_getinstruments.md`,
      value: {
        OMSId: 1,
      },
    },
  ],
  GetInstrument: [
    {
      source: `${SLATE}/instrs/_api_instrs_user_getinstrument.md`,
      value: {
        OMSId: 1,
        InstrumentId: 1,
      },
    },
  ],
  GetProducts: [
    {
      source: `${SLATE}/products/_api_prods_user_getproducts.md`,
      value: {
        OMSId: 1,
      },
    },
  ],
  GetProduct: [
    {
      source: `${SLATE}/products/_api_prods_user_getproduct.md`,
      value: {
        OMSId: 1,
        ProductId: 1,
      },
    },
  ],
  GetLevel1: [
    {
      source: `${SLATE}/users/_api_users_user_getlevel1.md`,
      value: {
        OMSId: 1,
        InstrumentId: 1,
      },
    },
  ],
  GetL2Snapshot: [
    {
      source: `${SLATE}/users/_api_users_user_getl2snapshot.md`,
      value: {
        OMSId: 1,
        InstrumentId: 1,
        Depth: 100,
      },
    },
  ],
  GetTickerHistory: [
    {
      source: `${SLATE}/trades/_api_trades_user_gettickerhistory.md`,
      value: {
        InstrumentId: 1,
        Interval: 60,
        FromDate: '2018-07-18',
        ToDate: '2018-07-19',
        OMSId: 1,
      },
    },
  ],
  Ping: [
    {
      source: `${SLATE}/uncertain/_api_uncert_user_ping.md`,
      value: {},
    },
  ],
  GetValidate2FARequiredEndpoints: [
    {
      source: `${SLATE}/users/_api_users_system_getvalidate2farequiredendpoints.md`,
      value: {},
    },
  ],
};
