import { type Examples, SLATE } from './examples.js';

/** The documented requests of the accounts calls. */
export const requestsAccounts: Examples = {
  GetAccountInfo: [
    {
      source: `${SLATE}/accounts/_api_accts_user_getaccountinfo.md`,
      // field names in the wire's PascalCase.
      value: {
        OMSId: 0,
        AccountId: 0,
      },
    },
  ],
  GetAccountPositions: [
    {
      source: `${SLATE}/accounts/_api_accts_user_getaccountpositions.md`,
      value: {
        AccountId: 4,
        OMSId: 1,
      },
    },
  ],
  GetAccountFees: [
    {
      source: `${SLATE}/accounts/_api_accts_system_getaccountfees.md`,
      value: {
        AccountId: 0,
        OMSId: 0,
      },
    },
  ],
  GetTreasuryProductsForAccount: [
    {
      source: `${SLATE}/accounts/_api_accts_user_gettreasuryproductsforaccount.md`,
      value: {
        AccountId: 1,
        OMSId: 1,
      },
    },
  ],
  GetAccountTransactions: [
    {
      source: `${SLATE}/trades/_api_trades_user_getaccounttransactions.md`,
      value: {
        OMSId: 1,
        AccountId: 1,
        Depth: 200,
      },
    },
  ],
};
