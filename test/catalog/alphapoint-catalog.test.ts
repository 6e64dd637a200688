import { describe, expect, it } from 'vitest';
import type { EndpointDefinition } from '../../src/index.js';
import { alphapointCatalog } from '../../src/providers/alphapoint/catalog.js';

// The AlphaPoint catalog against the documented examples, copied from the public docs:
//   SLATE = github.com/alphapoint/slate @ a17bbe4, AlphaPoint's APEX API reference (source/includes/**)
//   KIIEX = github.com/KiiChain/kiichain-docs @ a00f027, Kiiex's OpenAPI files (.gitbook/assets/*.yaml), their
//           `example` values as JSON
// Each answer schema accepts each documented answer, and the same with a field added; each request schema accepts
// the documented request and refuses it with an unknown field added. Where a published example is not valid JSON,
// or prints an enumeration as `{"Options": [...]}` (the list of its names, where the value goes), the copy says
// what it changes. Requests are copied with their field names in the wire's PascalCase (`omsId` -> `OMSId`).

type Name = keyof typeof alphapointCatalog;

interface Example {
  readonly source: string;
  readonly value: unknown;
}

const SLATE = 'alphapoint/slate source/includes';
const KIIEX = 'KiiChain/kiichain-docs .gitbook/assets';

/**
 * Replaces each `{"Options": [name, ...]}` (some examples list an enumeration's names where its value goes) with the
 * first name, as the wire carries it.
 */
function firstOption(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(firstOption);
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 1 && keys[0] === 'Options' && Array.isArray(record.Options)) return record.Options[0];
  return Object.fromEntries(keys.map((key) => [key, firstOption(record[key])]));
}

/** Each endpoint's documented answers. */
const ANSWERS: Partial<Record<Name, readonly Example[]>> = {
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
  GetUserInfo: [
    {
      source: `${SLATE}/users/_api_users_system_getuserinfo.md`,
      value: {
        userId: 0,
        userName: '',
        email: '',
        passwordHash: '',
        pendingEmailCode: '',
        emailVerified: false,
        accountId: 0,
        dateTimeCreated: '0001-01-01T00:00:00',
        affiliateId: 0,
        refererId: 0,
        omsId: 0,
        use2FA: false,
        salt: '',
        pendingCodeTime: '0001-01-01T00:00:00',
        locked: false,
        lockedTime: '0001-01-01T00:00:00',
        numberOfFailedAttempt: 0,
      },
    },
  ],
  GetUserAccounts: [
    // Not valid JSON as published: printed as `{ 0, // a list of account IDs }`; "The response returns list of comma-separated account IDs".
    {
      source: `${SLATE}/users/_api_users_user_getuseraccounts.md`,
      value: [0],
    },
    {
      source: `${KIIEX}/GetUserAccounts.yaml`,
      value: [123, 456, 789],
    },
  ],
  GetUserAccountInfos: [
    // Printed as one object; "Returns a JSON list of account objects; one for each account".
    {
      source: `${SLATE}/users/_api_users_user_getuseraccountinfos.md`,
      value: firstOption([
        {
          OMSID: 0,
          AccountId: 0,
          AccountName: '',
          AccountHandle: '',
          FirmId: '',
          FirmName: '',
          AccountType: {
            Options: ['Asset', 'Liability', 'ProfitLoss'],
          },
          FeeGroupID: 0,
          ParentID: 0,
          RiskType: {
            Options: ['Unknown', 'Normal', 'NoRiskCheck', 'NoTrading'],
          },
          VerificationLevel: 0,
          FeeProductType: {
            Options: ['BaseProduct', 'SingleProduct'],
          },
          FeeProduct: 0,
          RefererId: 0,
          SupportedVenueIds: [0],
        },
      ]),
    },
    {
      source: `${KIIEX}/GetUserAccountInfos.yaml`,
      value: [
        {
          OMSID: 1,
          AccountId: 123,
          AccountName: 'My Account',
          AccountHandle: 'my_account_1',
          FirmId: 'ABC',
          FirmName: 'ABC Trading',
          AccountType: 'Asset',
          FeeGroupID: 1,
          ParentID: 0,
          RiskType: 'Normal',
          VerificationLevel: 1,
          FeeProductType: 'BaseProduct',
          FeeProduct: 0,
          RefererId: 0,
          LoyaltyProductId: 0,
          LoyaltyEnabled: false,
          MarginEnabled: false,
          LiabilityAccountId: 0,
          LendingAccountId: 0,
          ProfitLossAccountId: 0,
        },
        {
          OMSID: 1,
          AccountId: 456,
          AccountName: 'Another Account',
          AccountHandle: 'another_account_1',
          FirmId: 'ABC',
          FirmName: 'ABC Trading',
          AccountType: 'Asset',
          FeeGroupID: 1,
          ParentID: 0,
          RiskType: 'Normal',
          VerificationLevel: 1,
          FeeProductType: 'BaseProduct',
          FeeProduct: 0,
          RefererId: 0,
          LoyaltyProductId: 0,
          LoyaltyEnabled: false,
          MarginEnabled: false,
          LiabilityAccountId: 0,
          LendingAccountId: 0,
          ProfitLossAccountId: 0,
        },
      ],
    },
  ],
  GetUserPermissions: [
    // Not valid JSON as published: printed as `["trading", "deposit", "withdraw"...]]`.
    {
      source: `${SLATE}/users/_api_users_system_getuserpermissions.md`,
      value: ['trading', 'deposit', 'withdraw'],
    },
  ],
  GetUserConfig: [
    {
      source: `${SLATE}/users/_api_users_system_getuserconfig.md`,
      value: [
        {
          Key: 'Config1',
          Value: 'Config1Val',
        },
      ],
    },
    {
      source: `${KIIEX}/GetUserConfig.yaml`,
      value: [
        {
          Key: 'Config1',
          Value: 'Config1Val',
        },
        {
          Key: 'Setting2',
          Value: 'Value2',
        },
        {
          Key: 'API_KEY',
          Value: 'REDACTED_API_KEY',
        },
      ],
    },
  ],
  GetAllUnredactedUserConfigsForUser: [
    {
      source: `${SLATE}/users/_api_users_system_getallunredacteduserconfigsforuser.md`,
      value: [
        {
          Key: 'Config1',
          Value: 'Config1Val',
        },
      ],
    },
    {
      source: `${KIIEX}/GetAllUnredactedUserConfigsForUser.yaml`,
      value: [
        {
          Key: 'Config1',
          Value: 'Config1Val',
        },
        {
          Key: 'Setting2',
          Value: 'Value2',
        },
        {
          Key: 'API_KEY',
          Value: 'Actual_API_KEY',
        },
      ],
    },
  ],
  GetUnredactedUserConfigByKey: [
    {
      source: `${SLATE}/users/_api_users_system_getunredacteduserconfigbykey.md`,
      value: [
        {
          Key: 'Config1',
          Value: 'Config1Val',
        },
      ],
    },
    {
      source: `${KIIEX}/GetUnredactedUserConfigByKey.yaml`,
      value: [
        {
          Key: 'Config1',
          Value: 'Config1Val',
        },
      ],
    },
  ],
  GetUserDevices: [
    {
      source: `${SLATE}/users/_api_users_system_getuserdevices.md`,
      value: [
        {
          HashCode: 1,
          Location: 'location',
          DeviceName: 'name',
          IpAddress: '127.0.0.0',
          UserId: 1,
          IsTrusted: true,
          // biome-ignore lint/correctness/noPrecisionLoss: copied as published (.NET ticks); JSON.parse rounds it the same way.
          ExpirationTime: 637020116076891148,
        },
      ],
    },
    {
      source: `${KIIEX}/GetUserDevices.yaml`,
      value: [
        {
          HashCode: 12345,
          Location: 'New York',
          DeviceName: 'My Laptop',
          IpAddress: '192.168.1.100',
          UserId: 1,
          IsTrusted: true,
          ExpirationTime: 1678886400,
        },
        {
          HashCode: 67890,
          Location: 'London',
          DeviceName: 'My Phone',
          IpAddress: '10.0.0.1',
          UserId: 1,
          IsTrusted: false,
          ExpirationTime: 1678972800,
        },
      ],
    },
  ],
  GetUserAffiliateCount: [
    {
      source: `${SLATE}/users/_api_users_user_getuseraffiliatecount.md`,
      value: {
        Count: 0,
      },
    },
    {
      source: `${KIIEX}/GetUserAffiliateCount.yaml`,
      value: {
        Count: 123,
      },
    },
  ],
  GetUserAffiliateTag: [
    {
      source: `${SLATE}/users/_api_users_user_getuseraffiliatetag.md`,
      value: [
        {
          omsId: 0,
          userId: 0,
          affiliateId: 0,
          affiliateTag: '',
        },
      ],
    },
    {
      source: `${KIIEX}/GetUserAffiliateTag.yaml`,
      value: [
        {
          omsId: 1,
          userId: 123,
          affiliateId: 456,
          affiliateTag: 'ABC123',
        },
        {
          omsId: 1,
          userId: 123,
          affiliateId: 789,
          affiliateTag: 'XYZ789',
        },
      ],
    },
  ],
  AddUserAffiliateTag: [
    {
      source: `${SLATE}/users/_api_users_user_adduseraffiliatetag.md`,
      value: {
        result: true,
        errormsg: '',
        errorcode: 0,
        detail: '',
      },
    },
  ],
  UpdateUserAffiliateTag: [
    {
      source: `${SLATE}/users/_api_users_user_updateuseraffiliatetag.md`,
      value: {
        result: true,
        errormsg: '',
        errorcode: 0,
        detail: '',
      },
    },
    {
      source: `${KIIEX}/UpdateUserAffiliateTag.yaml`,
      value: {
        result: true,
        errormsg: '',
        errorcode: 0,
        detail: '',
      },
    },
  ],
  Validate2FA: [
    {
      source: `${SLATE}/users/_api_users_system_validate2fa.md`,
      value: {
        TFaAuthenticated: true,
      },
    },
    {
      source: `${KIIEX}/Validate2FA.yaml`,
      value: {
        TFaAuthenticated: true,
      },
    },
  ],
  GetAccountInfo: [
    {
      source: `${SLATE}/accounts/_api_accts_user_getaccountinfo.md`,
      value: firstOption({
        omsid: 0,
        accountId: 0,
        accountName: '',
        accountHandle: '',
        firmId: '',
        firmName: '',
        accountType: {
          Options: [
            'Asset', // 0
            'Liability', // 1
            'ProfitLoss', // 2
          ],
        },
        feeGroupID: 0,
        parentID: 0,
        riskType: {
          Options: [
            'Unknown', // 0
            'Normal', // 1
            'NoRiskCheck', // 2
            'NoTrading', // 3
          ],
        },
        verificationLevel: 0,
        feeProductType: {
          Options: [
            'BaseProduct', // 0
            'SingleProduct', // 1
          ],
        },
        feeProduct: 0,
        refererId: 0,
        loyaltyProductId: 0,
        loyaltyEnabled: false,
        marginEnabled: false,
        liabilityAccountId: 0,
        lendingAccountId: 0,
        profitLossAccountId: 0,
      }),
    },
    {
      source: `${KIIEX}/GetAccountInfo.yaml`,
      value: firstOption({
        omsid: 0,
        accountId: 0,
        accountName: '',
        accountHandle: '',
        firmId: '',
        firmName: '',
        accountType: {
          Options: ['Asset'],
        },
        feeGroupID: 0,
        parentID: 0,
        riskType: {
          Options: ['Normal'],
        },
        verificationLevel: 0,
        feeProductType: {
          Options: ['BaseProduct'],
        },
        feeProduct: 0,
        refererId: 0,
        loyaltyProductId: 0,
        loyaltyEnabled: false,
        marginEnabled: false,
        liabilityAccountId: 0,
        lendingAccountId: 0,
        profitLossAccountId: 0,
        frozen: false,
      }),
    },
  ],
  GetAccountPositions: [
    {
      source: `${SLATE}/accounts/_api_accts_user_getaccountpositions.md`,
      value: [
        {
          omsId: 1,
          accountId: 4,
          productSymbol: 'BTC',
          productId: 1,
          amount: 0.0,
          hold: 0.0,
          pendingDeposits: 0.0,
          pendingWithdraws: 0.0,
          totalDayDeposits: 0.0,
          totalMonthDeposits: 0.0,
          totalYearDeposits: 0.0,
          totalYearDepositNotional: 0.0,
          totalDayWithdraws: 0.0,
          totalMonthWithdraws: 0.0,
          totalYearWithdraws: 0.0,
          totalYearWithdrawNotional: 0.0,
          notionalHoldAmount: 0.0,
          notionalRate: 0.0,
          totalDayDepositNotional: 0.0,
          totalMonthDepositNotional: 0.0,
          totalDayWithdrawNotional: 0.0,
          totalMonthWithdrawNotional: 0.0,
        },
        {
          omsId: 1,
          accountId: 4,
          productSymbol: 'USD',
          productId: 2,
          amount: 0.0,
          hold: 0.0,
          pendingDeposits: 0.0,
          pendingWithdraws: 0.0,
          totalDayDeposits: 0.0,
          totalMonthDeposits: 0.0,
          totalYearDeposits: 0.0,
          totalYearDepositNotional: 0.0,
          totalDayWithdraws: 0.0,
          totalMonthWithdraws: 0.0,
          totalYearWithdraws: 0.0,
          totalYearWithdrawNotional: 0.0,
          notionalHoldAmount: 0.0,
          notionalRate: 0.0,
          totalDayDepositNotional: 0.0,
          totalMonthDepositNotional: 0.0,
          totalDayWithdrawNotional: 0.0,
          totalMonthWithdrawNotional: 0.0,
        },
      ],
    },
    {
      source: `${KIIEX}/GetAccountPositions.yaml`,
      value: [
        {
          omsId: 1,
          accountId: 4,
          productSymbol: 'BTC',
          productId: 1,
          amount: 0.0,
          hold: 0.0,
          pendingDeposits: 0.0,
          pendingWithdraws: 0.0,
          totalDayDeposits: 0.0,
          totalMonthDeposits: 0.0,
          totalYearDeposits: 0.0,
          totalYearDepositNotional: 0.0,
          totalDayWithdraws: 0.0,
          totalMonthWithdraws: 0.0,
          totalYearWithdraws: 0.0,
          totalYearWithdrawNotional: 0.0,
          notionalHoldAmount: 0.0,
          notionalRate: 0.0,
          totalDayDepositNotional: 0.0,
          totalMonthDepositNotional: 0.0,
          totalDayWithdrawNotional: 0.0,
          totalMonthWithdrawNotional: 0.0,
        },
      ],
    },
  ],
  GetAccountFees: [
    {
      source: `${SLATE}/accounts/_api_accts_system_getaccountfees.md`,
      value: [
        {
          feeId: 0,
          feeAmt: 0.0,
          feeCalcType: 0,
          feeType: 0,
          ladderThreshold: 0.0,
          ladderSeconds: 0,
          isActive: false,
          instrumentId: 0,
          orderType: 0,
          omsId: 0,
          accountId: 0,
        },
      ],
    },
  ],
  GetTreasuryProductsForAccount: [
    // Not valid JSON as published: printed as `[ { "LTC", "BTC", "USD" }, ]`.
    {
      source: `${SLATE}/accounts/_api_accts_user_gettreasuryproductsforaccount.md`,
      value: ['LTC', 'BTC', 'USD'],
    },
    {
      source: `${KIIEX}/GetTreasuryProductsForAccount.yaml`,
      value: ['LTC', 'BTC', 'USD'],
    },
  ],
  GetAccountTransactions: [
    {
      source: `${SLATE}/trades/_api_trades_user_getaccounttransactions.md`,
      value: [
        {
          transactionId: 0,
          omsId: 0,
          accountId: 0,
          cr: 0.0,
          dr: 0.0,
          counterparty: 0,
          transactionType: 0,
          referenceId: 0,
          referenceType: 0,
          productId: 0,
          balance: 0.0,
          timeStamp: 0,
        },
      ],
    },
    {
      source: `${KIIEX}/GetAccountTransactions.yaml`,
      value: [
        {
          transactionId: 0,
          omsId: 0,
          accountId: 0,
          cr: 0.0,
          dr: 0.0,
          counterparty: 0,
          transactionType: 0,
          referenceId: 0,
          referenceType: 0,
          productId: 0,
          balance: 0.0,
          timeStamp: 0,
        },
      ],
    },
  ],
  GenerateTradeActivityReport: [
    {
      source: `${SLATE}/accounts/_api_accts_user_generatetradeactivityreport.md`,
      value: firstOption({
        RequestingUser: 1,
        OMSId: 1,
        reportFlavor: {
          Options: ['TradeActivity', 'Transaction', 'Treasury'],
        },
        createTime: '2018-08-17T15:34:20Z',
        initialRunTime: '2018-08-17T15:34:20Z',
        intervalStartTime: '2019-04-10T04:00:00Z',
        intervalEndTime: '2020-04-10T04:00:00Z',
        RequestStatus: {
          Options: [
            'Submitted',
            'Validating',
            'Scheduled',
            'InProgress',
            'Completed',
            'Aborting',
            'Aborted',
            'UserCancelled',
            'SysRetired',
            'UserCancelledPending',
          ],
        },
        ReportFrequency: {
          Options: ['onDemand', 'Hourly', 'Daily', 'Weekly', 'Monthly', 'Annually'],
        },
        intervalDuration: 316224000000000,
        RequestId: 'Moy/IpfPA0SLUHNYt54q4w==',
        lastInstanceId: 'AAAAAAAAAAAAAAAAAAAAAA==',
        accountIds: [1],
      }),
    },
    {
      source: `${KIIEX}/GenerateTradeActivityReport.yaml`,
      value: firstOption({
        RequestingUser: 1,
        OMSId: 1,
        reportFlavor: {
          Options: ['TradeActivity'],
        },
        createTime: '2018-08-17T15:34:20Z',
        initialRunTime: '2018-08-17T15:34:20Z',
        intervalStartTime: '2019-04-10T04:00:00Z',
        intervalEndTime: '2020-04-10T04:00:00Z',
        RequestStatus: {
          Options: ['Submitted'],
        },
        ReportFrequency: {
          Options: ['onDemand'],
        },
        intervalDuration: 316224000000000,
        RequestId: 'Moy/IpfPA0SLUHNYt54q4w==',
        lastInstanceId: null,
        accountIds: [1],
      }),
    },
  ],
  GenerateTransactionActivityReport: [
    {
      source: `${SLATE}/accounts/_api_accts_user_generatetransactionactivityreport.md`,
      value: firstOption({
        RequestingUser: 1,
        OMSId: 1,
        reportFlavor: {
          Options: ['TradeActivity', 'Transaction', 'Treasury'],
        },
        createTime: '2018-08-17T15:46:07Z',
        initialRunTime: '2018-08-17T15:46:07Z',
        intervalStartTime: '2019-04-10T04:00:00Z',
        intervalEndTime: '2020-04-10T04:00:00Z',
        RequestStatus: {
          Options: [
            'Submitted',
            'Validating',
            'Scheduled',
            'InProgress',
            'Completed',
            'Aborting',
            'Aborted',
            'UserCancelled',
            'SysRetired',
            'UserCancelledPending',
          ],
        },
        ReportFrequency: {
          Options: ['onDemand', 'Hourly', 'Daily', 'Weekly', 'Monthly', 'Annually'],
        },
        intervalDuration: 316224000000000,
        RequestId: '+QgyhnEFqEazyZ46Q902MA==',
        lastInstanceId: 'AAAAAAAAAAAAAAAAAAAAAA==',
        accountIds: [1],
      }),
    },
    {
      source: `${KIIEX}/GenerateTransactionActivityReport.yaml`,
      value: firstOption({
        RequestingUser: 1,
        OMSId: 1,
        reportFlavor: {
          Options: ['Transaction'],
        },
        createTime: '2018-08-17T15:46:07Z',
        initialRunTime: '2018-08-17T15:46:07Z',
        intervalStartTime: '2019-04-10T04:00:00Z',
        intervalEndTime: '2020-04-10T04:00:00Z',
        RequestStatus: {
          Options: ['Submitted'],
        },
        ReportFrequency: {
          Options: ['onDemand'],
        },
        intervalDuration: 316224000000000,
        RequestId: '+QgyhnEFqEazyZ46Q902MA==',
        lastInstanceId: null,
        accountIds: [1],
      }),
    },
  ],
  GenerateTreasuryActivityReport: [
    {
      source: `${SLATE}/accounts/_api_accts_user_generatetreasuryactivityreport.md`,
      value: firstOption({
        RequestingUser: 1,
        OMSId: 1,
        reportFlavor: {
          Options: ['TradeActivity', 'Transaction', 'Treasury'],
        },
        createTime: '2018-08-17T15:38:59Z',
        initialRunTime: '2018-08-17T15:38:59Z',
        intervalStartTime: '2019-04-10T04:00:00Z',
        intervalEndTime: '2020-04-10T04:00:00Z',
        RequestStatus: {
          Options: [
            'Submitted',
            'Validating',
            'Scheduled',
            'InProgress',
            'Completed',
            'Aborting',
            'Aborted',
            'UserCancelled',
            'SysRetired',
            'UserCancelledPending',
          ],
        },
        ReportFrequency: {
          Options: ['onDemand', 'Hourly', 'Daily', 'Weekly', 'Monthly', 'Annually'],
        },
        intervalDuration: 316224000000000,
        RequestId: 'adduAIKE6Ee0eGxFM+ydsg==',
        lastInstanceId: 'AAAAAAAAAAAAAAAAAAAAAA==',
        accountIds: [1],
      }),
    },
    {
      source: `${KIIEX}/GenerateTreasuryActivityReport.yaml`,
      value: firstOption({
        RequestingUser: 1,
        OMSId: 1,
        reportFlavor: {
          Options: ['Treasury'],
        },
        createTime: '2018-08-17T15:38:59Z',
        initialRunTime: '2018-08-17T15:38:59Z',
        intervalStartTime: '2019-04-10T04:00:00Z',
        intervalEndTime: '2020-04-10T04:00:00Z',
        RequestStatus: {
          Options: ['Submitted'],
        },
        ReportFrequency: {
          Options: ['onDemand'],
        },
        intervalDuration: 316224000000000,
        RequestId: 'adduAIKE6Ee0eGxFM+ydsg==',
        lastInstanceId: null,
        accountIds: [1],
      }),
    },
  ],
  ScheduleTradeActivityReport: [
    {
      source: `${SLATE}/accounts/_api_accts_user_scheduletradeactivityreport.md`,
      value: firstOption({
        RequestingUser: 1,
        OMSId: 1,
        reportFlavor: {
          // enumerated string
          Options: ['TradeActivity', 'Transaction', 'Treasury'],
        },
        createTime: '2018-08-17T17:57:51Z',
        initialRunTime: '2018-08-10T04:00:00Z',
        intervalStartTime: '2018-08-10T04:00:00Z',
        intervalEndTime: '2018-08-10T05:00:00Z',
        RequestStatus: {
          // enumerated string
          Options: [
            'Submitted',
            'Validating',
            'Scheduled',
            'InProgress',
            'Completed',
            'Aborting',
            'Aborted',
            'UserCancelled',
            'SysRetired',
            'UserCancelledPending',
          ],
        },
        ReportFrequency: {
          // enumerated string
          Options: ['onDemand', 'Hourly', 'Daily', 'Weekly', 'Monthly', 'Annually'],
        },
        intervalDuration: 36000000000,
        RequestId: 'mGzjUfylGEmqgJIxu651aQ==',
        lastInstanceId: 'AAAAAAAAAAAAAAAAAAAAAA==',
        accountIds: [1],
      }),
    },
    {
      source: `${KIIEX}/ScheduleTradeActivityReport.yaml`,
      value: firstOption({
        RequestingUser: 1,
        OMSId: 1,
        reportFlavor: {
          Options: ['TradeActivity'],
        },
        createTime: '2018-08-17T17:57:51Z',
        initialRunTime: '2018-08-10T04:00:00Z',
        intervalStartTime: '2018-08-10T04:00:00Z',
        intervalEndTime: '2018-08-10T05:00:00Z',
        RequestStatus: {
          Options: ['Submitted'],
        },
        ReportFrequency: {
          Options: ['Daily'],
        },
        intervalDuration: 36000000000,
        RequestId: 'mGzjUfylGEmqgJIxu651aQ==',
        lastInstanceId: null,
        accountIds: [1],
      }),
    },
  ],
  ScheduleTransactionActivityReport: [
    {
      source: `${SLATE}/accounts/_api_accts_user_scheduletransactionactivityreport.md`,
      value: {
        RequestingUser: 1,
        OMSId: 1,
        reportFlavor: 'Transaction',
        createTime: '2018-08-17T18:02:23Z',
        initialRunTime: '2018-08-10T04:00:00Z',
        intervalStartTime: '2018-08-10T04:00:00Z',
        intervalEndTime: '2018-08-10T05:00:00Z',
        RequestStatus: 'Submitted',
        ReportFrequency: 'Hourly',
        intervalDuration: 36000000000,
        RequestId: 'I2nCtvyY8UuHsoSyrLe2QA==',
        lastInstanceId: 'AAAAAAAAAAAAAAAAAAAAAA==',
        accountIds: [1],
      },
    },
  ],
  ScheduleTreasuryActivityReport: [
    {
      source: `${SLATE}/accounts/_api_accts_user_scheduletreasuryactivityreport.md`,
      value: {
        RequestingUser: 1,
        OMSId: 1,
        reportFlavor: 'Treasury',
        createTime: '2018-08-17T18:02:03Z',
        initialRunTime: '2018-08-10T04:00:00Z',
        intervalStartTime: '2018-08-10T04:00:00Z',
        intervalEndTime: '2018-08-10T05:00:00Z',
        RequestStatus: 'Submitted',
        ReportFrequency: 'Hourly',
        intervalDuration: 36000000000,
        RequestId: 'xbsVgAuUcEyTFgf/gpWB2A==',
        lastInstanceId: 'AAAAAAAAAAAAAAAAAAAAAA==',
        accountIds: [1],
      },
    },
  ],
  GetUserReportTickets: [
    // Not valid JSON as published: each ticket is wrapped in a second pair of braces, and a comma is missing after ReportFrequency.
    {
      source: `${SLATE}/users/_api_users_user_getuserreporttickets.md`,
      value: firstOption([
        {
          RequestingUser: 0,
          OMSId: 0,
          reportFlavor: {
            Options: ['TradeActivity', 'Transaction', 'Treasury'],
          },
          createTime: '0001-01-01T05:00:00Z',
          initialRunTime: '0001-01-01T05:00:00Z',
          intervalStartTime: '0001-01-01T05:00:00Z',
          intervalEndTime: '0001-01-01T05:00:00Z',
          RequestStatus: {
            Options: [
              'Submitted',
              'Validating',
              'Scheduled',
              'InProgress',
              'Completed',
              'Aborting',
              'Aborted',
              'UserCancelled',
              'SysRetired',
              'UserCancelledPending',
            ],
          },
          ReportFrequency: {
            Options: ['onDemand', 'Hourly', 'Daily', 'Weekly', 'Monthly', 'Annually'],
          },
          intervalDuration: 0,
          RequestId: 'I2nCtvyY8UuHsoSyrLe2QA==',
          lastInstanceId: 'AAAAAAAAAAAAAAAAAAAAAA==',
          accountIds: [1],
        },
      ]),
    },
    {
      source: `${KIIEX}/GetUserReportTickets.yaml`,
      value: [
        {
          RequestingUser: 123,
          OMSId: 456,
          reportFlavor: 'TradeActivity',
          createTime: '2024-07-26T12:00:00Z',
          initialRunTime: '2024-07-26T13:00:00Z',
          intervalStartTime: '2024-07-25T00:00:00Z',
          intervalEndTime: '2024-07-26T00:00:00Z',
          RequestStatus: 'Completed',
          ReportFrequency: 'Daily',
          intervalDuration: 86400,
          RequestId: 'I2nCtvyY8UuHsoSyrLe2QA==',
          lastInstanceId: 'AAAAAAAAAAAAAAAAAAAAAA==',
          accountIds: [1, 2, 3],
        },
        {
          RequestingUser: 789,
          OMSId: 1011,
          reportFlavor: 'Transaction',
          createTime: '2024-07-27T10:00:00Z',
          initialRunTime: '2024-07-27T11:00:00Z',
          intervalStartTime: '2024-07-26T00:00:00Z',
          intervalEndTime: '2024-07-27T00:00:00Z',
          RequestStatus: 'Scheduled',
          ReportFrequency: 'Weekly',
          intervalDuration: 604800,
          RequestId: 'anotherRequestId123',
          lastInstanceId: null,
          accountIds: [4, 5],
        },
      ],
    },
  ],
  GetUserReportWriterResultRecords: [
    {
      source: `${SLATE}/users/_api_users_user_getuserreportwriterresultrecords.md`,
      value: [
        {
          RequestingUser: 1,
          urtTicketId: 'mGzjUfylGEmqgJIxu651aQ==',
          descriptorId: '47TlpPQyTkKR4LKl9Hy1yA==',
          resultStatus: 'SuccessComplete',
          reportExecutionStartTime: '2018-08-17T17:57:56Z',
          reportExecutionCompleteTime: '2018-08-17T17:57:57Z',
          reportOutputFilePathname: '',
          reportDescriptiveHeader:
            'TradeActivity|onDemand|2018-08-10T04:00:00.000Z|2018-08-10T05:00:00.000Z|2018-08-17T17:57:51.852Z|2018-08-17T17:57:56.840Z|0.19634 seconds',
        },
      ],
    },
    {
      source: `${KIIEX}/GetUserReportWriterResultRecords.yaml`,
      value: [
        {
          RequestingUser: 1,
          urtTicketId: 'mGzjUfylGEmqgJIxu651aQ==',
          descriptorId: '47TlpPQyTkKR4LKl9Hy1yA==',
          resultStatus: 'SuccessComplete',
          reportExecutionStartTime: '2018-08-17T17:57:56Z',
          reportExecutionCompleteTime: '2018-08-17T17:57:57Z',
          reportOutputFilePathname: '',
          reportDescriptiveHeader:
            'TradeActivity|onDemand|2018-08-10T04:00:00.000Z|2018-08-10T05:00:00.000Z|2018-08-17T17:57:51.852Z|2018-08-17T17:57:56.840Z|0.19634 seconds',
        },
        {
          RequestingUser: 2,
          urtTicketId: 'anotherTicketId',
          descriptorId: 'anotherDescriptorId',
          resultStatus: 'NotComplete',
          reportExecutionStartTime: '2024-10-27T10:00:00Z',
          reportExecutionCompleteTime: null,
          reportOutputFilePathname: '/path/to/report.csv',
          reportDescriptiveHeader: 'SomeReport|Daily|...',
        },
      ],
    },
  ],
  CancelUserReport: [
    {
      source: `${SLATE}/users/_api_users_user_canceluserreport.md`,
      value: {
        result: true,
        errormsg: '',
        errorcode: 0,
        detail: '',
      },
    },
  ],
  SendOrder: [
    {
      source: `${SLATE}/oms_orders/_api_omsord_user_sendorder.md`,
      value: {
        status: 'Accepted',
        errormsg: '',
        OrderId: 123, // Server order id
      },
    },
    {
      source: `${KIIEX}/SendOrder.yaml`,
      value: {
        status: 'Accepted',
        errormsg: '',
        OrderId: 123,
      },
    },
  ],
  CancelOrder: [
    {
      source: `${SLATE}/oms_orders/_api_omsord_user_cancelorder.md`,
      value: {
        result: true,
        errormsg: '',
        errorcode: 0,
        detail: '',
      },
    },
    {
      source: `${KIIEX}/CancelOrder.yaml`,
      value: {
        result: true,
        errormsg: '',
        errorcode: 0,
        detail: '',
      },
    },
  ],
  CancelAllOrders: [
    {
      source: `${SLATE}/oms_orders/_api_omsord_user_cancelallorders.md`,
      value: {
        result: true,
        errormsg: '',
        errorcode: 0,
        detail: '',
      },
    },
    {
      source: `${KIIEX}/CancelAllOrders.yaml`,
      value: {
        result: true,
        errormsg: '',
        errorcode: 0,
        detail: '',
      },
    },
  ],
  CancelReplaceOrder: [
    {
      source: `${SLATE}/oms_orders/_api_omsord_user_cancelreplaceorder.md`,
      value: {
        replacementOrderId: 1234,
        replacementClOrdId: 1561,
        origOrderId: 5678,
        origClOrdId: 91011,
      },
    },
    {
      source: `${KIIEX}/CancelReplaceOrder.yaml`,
      value: {
        replacementOrderId: 1234,
        replacementClOrdId: 1561,
        origOrderId: 5678,
        origClOrdId: 91011,
      },
    },
  ],
  ModifyOrder: [
    {
      source: `${SLATE}/oms_orders/_api_omsord_user_modifyorder.md`,
      value: {
        result: false,
        errormsg: '',
        errorcode: 0,
        detail: '',
      },
    },
    {
      source: `${KIIEX}/ModifyOrder.yaml`,
      value: {
        result: false,
        errormsg: '',
        errorcode: 0,
        detail: '',
      },
    },
  ],
  GetOpenOrders: [
    {
      source: `${SLATE}/oms_orders/_api_omsord_user_getopenorders.md`,
      value: [
        {
          Side: 'Buy',
          OrderId: 0,
          Price: 0.0,
          Quantity: 0.0,
          DisplayQuantity: 0.0,
          Instrument: 0,
          Account: 0,
          OrderType: 'Unknown',
          ClientOrderId: 0,
          OrderState: 'Unknown',
          ReceiveTime: 0,
          ReceiveTimeTicks: 0,
          OrigQuantity: 0.0,
          QuantityExecuted: 0.0,
          AvgPrice: 0.0,
          CounterPartyId: 0,
          ChangeReason: 'Unknown',
          OrigOrderId: 0,
          OrigClOrdId: 0,
          EnteredBy: 0,
          IsQuote: false,
          InsideAsk: 0.0,
          InsideAskSize: 0.0,
          InsideBid: 0.0,
          InsideBidSize: 0.0,
          LastTradePrice: 0.0,
          RejectReason: '',
          IsLockedIn: false,
          CancelReason: '',
          OMSId: 0,
        },
      ],
    },
    {
      source: `${KIIEX}/GetOpenOrders.yaml`,
      value: [
        {
          Side: 'Buy',
          OrderId: 0,
          Price: 0.0,
          Quantity: 0.0,
          DisplayQuantity: 0.0,
          Instrument: 0,
          Account: 0,
          OrderType: 'Unknown',
          ClientOrderId: 0,
          OrderState: 'Unknown',
          ReceiveTime: 0,
          ReceiveTimeTicks: 0,
          OrigQuantity: 0.0,
          QuantityExecuted: 0.0,
          AvgPrice: 0.0,
          CounterPartyId: 0,
          ChangeReason: 'Unknown',
          OrigOrderId: 0,
          OrigClOrdId: 0,
          EnteredBy: 0,
          IsQuote: false,
          InsideAsk: 0.0,
          InsideAskSize: 0.0,
          InsideBid: 0.0,
          InsideBidSize: 0.0,
          LastTradePrice: 0.0,
          RejectReason: '',
          IsLockedIn: false,
          CancelReason: '',
          OMSId: 0,
        },
      ],
    },
  ],
  GetOrderStatus: [
    {
      source: `${SLATE}/oms_orders/_api_omsord_user_getorderstatus.md`,
      value: [
        {
          Side: 'Buy',
          OrderId: 0,
          Price: 0.0,
          Quantity: 0.0,
          DisplayQuantity: 0.0,
          Instrument: 0,
          Account: 0,
          OrderType: 'Unknown',
          ClientOrderId: 0,
          OrderState: 'Unknown',
          ReceiveTime: 0,
          ReceiveTimeTicks: 0,
          OrigQuantity: 0.0,
          QuantityExecuted: 0.0,
          AvgPrice: 0.0,
          CounterPartyId: 0,
          ChangeReason: 'Unknown',
          OrigOrderId: 0,
          OrigClOrdId: 0,
          EnteredBy: 0,
          IsQuote: false,
          InsideAsk: 0.0,
          InsideAskSize: 0.0,
          InsideBid: 0.0,
          InsideBidSize: 0.0,
          LastTradePrice: 0.0,
          RejectReason: '',
          IsLockedIn: false,
          CancelReason: '',
          OMSId: 0,
        },
      ],
    },
    {
      source: `${KIIEX}/GetOrderStatus.yaml`,
      value: [
        {
          Side: 'Buy',
          OrderId: 0,
          Price: 0.0,
          Quantity: 0.0,
          DisplayQuantity: 0.0,
          Instrument: 0,
          Account: 0,
          OrderType: 'Unknown',
          ClientOrderId: 0,
          OrderState: 'Unknown',
          ReceiveTime: 0,
          ReceiveTimeTicks: 0,
          OrigQuantity: 0.0,
          QuantityExecuted: 0.0,
          AvgPrice: 0.0,
          CounterPartyId: 0,
          ChangeReason: 'Unknown',
          OrigOrderId: 0,
          OrigClOrdId: 0,
          EnteredBy: 0,
          IsQuote: false,
          InsideAsk: 0.0,
          InsideAskSize: 0.0,
          InsideBid: 0.0,
          InsideBidSize: 0.0,
          LastTradePrice: 0.0,
          RejectReason: '',
          IsLockedIn: false,
          CancelReason: '',
          OMSId: 0,
        },
      ],
    },
  ],
  GetOrderHistory: [
    {
      source: `${SLATE}/oms_orders/_api_omsord_user_getorderhistory.md`,
      value: [
        {
          Side: 'Buy',
          OrderId: 0,
          Price: 0.0,
          Quantity: 0.0,
          DisplayQuantity: 0.0,
          Instrument: 0,
          Account: 0,
          OrderType: 'Unknown',
          ClientOrderId: 0,
          OrderState: 'Unknown',
          ReceiveTime: 0,
          ReceiveTimeTicks: 0,
          OrigQuantity: 0.0,
          QuantityExecuted: 0.0,
          AvgPrice: 0.0,
          CounterPartyId: 0,
          ChangeReason: 'Unknown',
          OrigOrderId: 0,
          OrigClOrdId: 0,
          EnteredBy: 0,
          IsQuote: false,
          InsideAsk: 0.0,
          InsideAskSize: 0.0,
          InsideBid: 0.0,
          InsideBidSize: 0.0,
          LastTradePrice: 0.0,
          RejectReason: '',
          IsLockedIn: false,
          CancelReason: '',
          OMSId: 0,
        },
      ],
    },
    {
      source: `${KIIEX}/GetOrderHistory.yaml`,
      value: [
        {
          Side: 'Buy',
          OrderId: 0,
          Price: 0.0,
          Quantity: 0.0,
          DisplayQuantity: 0.0,
          Instrument: 0,
          Account: 0,
          OrderType: 'Unknown',
          ClientOrderId: 0,
          OrderState: 'Unknown',
          ReceiveTime: 0,
          ReceiveTimeTicks: 0,
          OrigQuantity: 0.0,
          QuantityExecuted: 0.0,
          AvgPrice: 0.0,
          CounterPartyId: 0,
          ChangeReason: 'Unknown',
          OrigOrderId: 0,
          OrigClOrdId: 0,
          EnteredBy: 0,
          IsQuote: false,
          InsideAsk: 0.0,
          InsideAskSize: 0.0,
          InsideBid: 0.0,
          InsideBidSize: 0.0,
          LastTradePrice: 0.0,
          RejectReason: '',
          IsLockedIn: false,
          CancelReason: '',
          OMSId: 0,
        },
      ],
    },
  ],
  GetOrdersHistory: [
    {
      source: `${SLATE}/oms_orders/_api_omsord_user_getordershistory.md`,
      value: [
        {
          Side: 'Buy',
          OrderId: 0,
          Price: 0.0,
          Quantity: 0.0,
          DisplayQuantity: 0.0,
          Instrument: 0,
          Account: 0,
          OrderType: 'Unknown',
          ClientOrderId: 0,
          OrderState: 'Unknown',
          ReceiveTime: 0,
          ReceiveTimeTicks: 0,
          OrigQuantity: 0.0,
          QuantityExecuted: 0.0,
          AvgPrice: 0.0,
          CounterPartyId: 0,
          ChangeReason: 'Unknown',
          OrigOrderId: 0,
          OrigClOrdId: 0,
          EnteredBy: 0,
          IsQuote: false,
          InsideAsk: 0.0,
          InsideAskSize: 0.0,
          InsideBid: 0.0,
          InsideBidSize: 0.0,
          LastTradePrice: 0.0,
          RejectReason: '',
          IsLockedIn: false,
          CancelReason: '',
          OMSId: 0,
        },
      ],
    },
    {
      source: `${KIIEX}/GetOrdersHistory.yaml`,
      value: [
        {
          Side: 'Buy',
          OrderId: 0,
          Price: 0.0,
          Quantity: 0.0,
          DisplayQuantity: 0.0,
          Instrument: 0,
          Account: 0,
          OrderType: 'Unknown',
          ClientOrderId: 0,
          OrderState: 'Unknown',
          ReceiveTime: 0,
          ReceiveTimeTicks: 0,
          OrigQuantity: 0.0,
          QuantityExecuted: 0.0,
          AvgPrice: 0.0,
          CounterPartyId: 0,
          ChangeReason: 'Unknown',
          OrigOrderId: 0,
          OrigClOrdId: 0,
          EnteredBy: 0,
          IsQuote: false,
          InsideAsk: 0.0,
          InsideAskSize: 0.0,
          InsideBid: 0.0,
          InsideBidSize: 0.0,
          LastTradePrice: 0.0,
          RejectReason: '',
          IsLockedIn: false,
          CancelReason: '',
          OMSId: 0,
        },
      ],
    },
  ],
  GetOrderHistoryByOrderId: [
    {
      source: `${SLATE}/oms_orders/_api_omsord_user_getorderhistorybyorderid.md`,
      value: [
        {
          Side: 'Buy',
          OrderId: 0,
          Price: 0.0,
          Quantity: 0.0,
          DisplayQuantity: 0.0,
          Instrument: 0,
          Account: 0,
          OrderType: 'Unknown',
          ClientOrderId: 0,
          OrderState: 'Unknown',
          ReceiveTime: 0,
          ReceiveTimeTicks: 0,
          OrigQuantity: 0.0,
          QuantityExecuted: 0.0,
          AvgPrice: 0.0,
          CounterPartyId: 0,
          ChangeReason: 'Unknown',
          OrigOrderId: 0,
          OrigClOrdId: 0,
          EnteredBy: 0,
          IsQuote: false,
          InsideAsk: 0.0,
          InsideAskSize: 0.0,
          InsideBid: 0.0,
          InsideBidSize: 0.0,
          LastTradePrice: 0.0,
          RejectReason: '',
          IsLockedIn: false,
          CancelReason: '',
          OMSId: 0,
        },
      ],
    },
    {
      source: `${KIIEX}/GetOrderHistoryByOrderId.yaml`,
      value: [
        {
          Side: 'Buy',
          OrderId: 0,
          Price: 0.0,
          Quantity: 0.0,
          DisplayQuantity: 0.0,
          Instrument: 0,
          Account: 0,
          OrderType: 'Unknown',
          ClientOrderId: 0,
          OrderState: 'Unknown',
          ReceiveTime: 0,
          ReceiveTimeTicks: 0,
          OrigQuantity: 0.0,
          QuantityExecuted: 0.0,
          AvgPrice: 0.0,
          CounterPartyId: 0,
          ChangeReason: 'Unknown',
          OrigOrderId: 0,
          OrigClOrdId: 0,
          EnteredBy: 0,
          IsQuote: false,
          InsideAsk: 0.0,
          InsideAskSize: 0.0,
          InsideBid: 0.0,
          InsideBidSize: 0.0,
          LastTradePrice: 0.0,
          RejectReason: '',
          IsLockedIn: false,
          CancelReason: '',
          OMSId: 0,
        },
      ],
    },
  ],
  GetOrderFee: [
    {
      source: `${SLATE}/oms_orders/_api_omsord_user_getorderfee.md`,
      value: {
        OrderFee: 0.01,
        ProductId: 1,
      },
    },
    {
      source: `${KIIEX}/GetOrderFee.yaml`,
      value: {
        OrderFee: 0.01,
        ProductId: 1,
      },
    },
  ],
  GetTradesHistory: [
    // Not valid JSON as published: no comma after `"OrderType": "Limit"`.
    {
      source: `${SLATE}/trades/_api_trades_user_gettradeshistory.md`,
      value: [
        {
          OMSId: 0,
          ExecutionId: 0,
          TradeId: 0,
          OrderId: 0,
          AccountId: 0,
          AccountName: '',
          SubAccountId: 0,
          ClientOrderId: 0,
          InstrumentId: 0,
          Side: 'Buy',
          OrderType: 'Limit',
          Quantity: 0.0,
          RemainingQuantity: 0.0,
          Price: 0.0,
          Value: 0.0,
          CounterParty: '',
          OrderTradeRevision: 0,
          Direction: 0,
          IsBlockTrade: false,
          Fee: 0.0,
          FeeProductId: 0,
          OrderOriginator: 0,
          UserName: '',
          TradeTimeMS: 0,
          MakerTaker: 'Maker',
          AdapterTradeId: 0,
          InsideBid: 0,
          InsideBidSize: 0,
          InsideAsk: 0,
          InsideAskSize: 0,
          IsQuote: 0,
          TradeTime: 0,
        },
      ],
    },
  ],
  GetAccountTrades: [
    // Not valid JSON as published: no comma after `"OrderType": "Limit"`.
    {
      source: `${SLATE}/trades/_api_trades_user_getaccounttrades.md`,
      value: [
        {
          OMSId: 0,
          ExecutionId: 0,
          TradeId: 0,
          OrderId: 0,
          AccountId: 0,
          AccountName: '',
          SubAccountId: 0,
          ClientOrderId: 0,
          InstrumentId: 0,
          Side: 'Buy',
          OrderType: 'Limit',
          Quantity: 0.0,
          RemainingQuantity: 0.0,
          Price: 0.0,
          Value: 0.0,
          CounterParty: '',
          OrderTradeRevision: 0,
          Direction: 0,
          IsBlockTrade: false,
          Fee: 0.0,
          FeeProductId: 0,
          OrderOriginator: 0,
          UserName: '',
          TradeTimeMS: 0,
          MakerTaker: 'Maker',
          AdapterTradeId: 0,
          InsideBid: 0,
          InsideBidSize: 0,
          InsideAsk: 0,
          InsideAskSize: 0,
          IsQuote: 0,
          TradeTime: 0,
        },
      ],
    },
    {
      source: `${KIIEX}/GetAccountTrades.yaml`,
      value: [
        {
          OMSId: 0,
          ExecutionId: 0,
          TradeId: 0,
          OrderId: 0,
          AccountId: 0,
          AccountName: '',
          SubAccountId: 0,
          ClientOrderId: 0,
          InstrumentId: 0,
          Side: 'Buy',
          OrderType: 'Limit',
          Quantity: 0.0,
          RemainingQuantity: 0.0,
          Price: 0.0,
          Value: 0.0,
          CounterParty: '',
          OrderTradeRevision: 0,
          Direction: 0,
          IsBlockTrade: false,
          Fee: 0.0,
          FeeProductId: 0,
          OrderOriginator: 0,
          UserName: '',
          TradeTimeMS: 0,
          MakerTaker: 'Maker',
          AdapterTradeId: 0,
          InsideBid: 0,
          InsideBidSize: 0,
          InsideAsk: 0,
          InsideAskSize: 0,
          IsQuote: 0,
          TradeTime: 0,
        },
      ],
    },
  ],
  GetOpenTradeReports: [
    {
      source: `${SLATE}/trades/_api_trades_user_getopentradereports.md`,
      value: [
        {
          Side: 'Buy',
          OrderId: 0,
          Price: 0.0,
          Quantity: 0.0,
          DisplayQuantity: 0.0,
          Instrument: 0,
          Account: 0,
          OrderType: 'Unknown',
          ClientOrderId: 0,
          OrderState: 'Unknown',
          ReceiveTime: 0,
          ReceiveTimeTicks: 0,
          OrigQuantity: 0.0,
          QuantityExecuted: 0.0,
          AvgPrice: 0.0,
          CounterPartyId: 0,
          ChangeReason: 'Unknown',
          OrigOrderId: 0,
          OrigClOrdId: 0,
          EnteredBy: 0,
          IsQuote: false,
          InsideAsk: 0.0,
          InsideAskSize: 0.0,
          InsideBid: 0.0,
          InsideBidSize: 0.0,
          LastTradePrice: 0.0,
          RejectReason: '',
          IsLockedIn: false,
          CancelReason: '',
          OMSId: 0,
        },
      ],
    },
    {
      source: `${KIIEX}/GetOpenTradeReports.yaml`,
      value: [
        {
          Side: 'Buy',
          OrderId: 0,
          Price: 0.0,
          Quantity: 0.0,
          DisplayQuantity: 0.0,
          Instrument: 0,
          Account: 0,
          OrderType: 'Unknown',
          ClientOrderId: 0,
          OrderState: 'Unknown',
          ReceiveTime: 0,
          ReceiveTimeTicks: 0,
          OrigQuantity: 0.0,
          QuantityExecuted: 0.0,
          AvgPrice: 0.0,
          CounterPartyId: 0,
          ChangeReason: 'Unknown',
          OrigOrderId: 0,
          OrigClOrdId: 0,
          EnteredBy: 0,
          IsQuote: false,
          InsideAsk: 0.0,
          InsideAskSize: 0.0,
          InsideBid: 0.0,
          InsideBidSize: 0.0,
          LastTradePrice: 0.0,
          RejectReason: '',
          IsLockedIn: false,
          CancelReason: '',
          OMSId: 0,
        },
      ],
    },
  ],
  GetAllOpenTradeReports: [
    {
      source: `${SLATE}/trades/_api_trades_user_getallopentradereports.md`,
      value: [
        {
          Side: 'Buy',
          OrderId: 0,
          Price: 0.0,
          Quantity: 0.0,
          DisplayQuantity: 0.0,
          Instrument: 0,
          Account: 0,
          OrderType: 'Unknown',
          ClientOrderId: 0,
          OrderState: 'Unknown',
          ReceiveTime: 0,
          ReceiveTimeTicks: 0,
          OrigQuantity: 0.0,
          QuantityExecuted: 0.0,
          AvgPrice: 0.0,
          CounterPartyId: 0,
          ChangeReason: 'Unknown',
          OrigOrderId: 0,
          OrigClOrdId: 0,
          EnteredBy: 0,
          IsQuote: false,
          InsideAsk: 0.0,
          InsideAskSize: 0.0,
          InsideBid: 0.0,
          InsideBidSize: 0.0,
          LastTradePrice: 0.0,
          RejectReason: '',
          IsLockedIn: false,
          CancelReason: '',
          OMSId: 0,
        },
      ],
    },
    {
      source: `${KIIEX}/GetAllOpenTradeReports.yaml`,
      value: [
        {
          Side: 'Buy',
          OrderId: 0,
          Price: 0.0,
          Quantity: 0.0,
          DisplayQuantity: 0.0,
          Instrument: 0,
          Account: 0,
          OrderType: 'Unknown',
          ClientOrderId: 0,
          OrderState: 'Unknown',
          ReceiveTime: 0,
          ReceiveTimeTicks: 0,
          OrigQuantity: 0.0,
          QuantityExecuted: 0.0,
          AvgPrice: 0.0,
          CounterPartyId: 0,
          ChangeReason: 'Unknown',
          OrigOrderId: 0,
          OrigClOrdId: 0,
          EnteredBy: 0,
          IsQuote: false,
          InsideAsk: 0.0,
          InsideAskSize: 0.0,
          InsideBid: 0.0,
          InsideBidSize: 0.0,
          LastTradePrice: 0.0,
          RejectReason: '',
          IsLockedIn: false,
          CancelReason: '',
          OMSId: 0,
        },
      ],
    },
  ],
  CreateDepositTicket: [
    {
      source: `${SLATE}/tickets/_api_tix_system_createdepositticket.md`,
      value: {
        success: true,
        requestcode: '866f21fe-3461-41d1-91aa-5689bc38503f',
      },
    },
    {
      source: `${KIIEX}/CreateDepositTicket.yaml`,
      value: {
        success: true,
        requestcode: '866f21fe-3461-41d1-91aa-5689bc38503f',
      },
    },
  ],
  GetDepositTicket: [
    {
      source: `${SLATE}/tickets/_api_tix_system_getdepositticket.md`,
      value: {
        assetManagerId: 0,
        accountId: 0,
        assetId: 0,
        assetName: null,
        amount: 0.0,
        omsId: 0,
        requestCode: null,
        requestIP: null,
        requestUser: 0,
        requestUserName: null,
        operatorId: 0,
        Status: 0,
        feeAmt: 0.0,
        updatedByUser: 0,
        updatedByUserName: null,
        ticketNumber: 0,
        depositInfo: null,
        createdTimestamp: '0001-01-01T00:00:00',
        lastUpdateTimeStamp: '0001-01-01T00:00:00',
        comments: null,
        attachments: null,
      },
    },
    {
      source: `${KIIEX}/GetDepositTicket.yaml`,
      value: {
        assetManagerId: 0,
        accountId: 0,
        assetId: 0,
        assetName: null,
        amount: 0.0,
        omsId: 0,
        requestCode: null,
        requestIP: null,
        requestUser: 0,
        requestUserName: null,
        operatorId: 0,
        status: 0,
        feeAmt: 0.0,
        updatedByUser: 0,
        updatedByUserName: null,
        ticketNumber: 0,
        depositInfo: null,
        createdTimestamp: '0001-01-01T00:00:00',
        lastUpdateTimeStamp: '0001-01-01T00:00:00',
        comments: null,
        attachments: null,
      },
    },
  ],
  GetDepositTickets: [
    {
      source: `${SLATE}/tickets/_api_tix_system_getdeposittickets.md`,
      value: [
        {
          assetManagerId: 0,
          accountId: 0,
          assetId: 0,
          assetName: null,
          amount: 0.0,
          omsId: 0,
          requestCode: '',
          requestIP: '',
          requestUser: 0,
          requestUserName: '',
          operatorId: 0,
          Status: 0,
          feeAmt: 0.0,
          updatedByUser: 0,
          updatedByUserName: '',
          ticketNumber: 0,
          depositInfo: null,
          createdTimestamp: '0001-01-01T00:00:00',
          lastUpdateTimeStamp: '0001-01-01T00:00:00',
          comments: null,
          attachments: null,
        },
      ],
    },
  ],
  GetDeposits: [
    {
      source: `${SLATE}/tickets/_api_tix_system_getdeposits.md`,
      value: [
        {
          omsId: 0,
          depositId: 0,
          accountId: 0,
          subAccountId: 0,
          productId: 0,
          amount: 0.0,
        },
      ],
    },
    {
      source: `${KIIEX}/GetDeposits.yaml`,
      value: [
        {
          omsId: 0,
          depositId: 0,
          accountId: 0,
          subAccountId: 0,
          productId: 0,
          amount: 0.0,
        },
      ],
    },
  ],
  GetDepositInfo: [
    {
      source: `${SLATE}/tickets/_api_tix_system_getdepositinfo.md`,
      value: {
        AssetManagerId: 1,
        ACcountId: 1,
        AssetId: 1,
        ProviderId: 1,
        DepositInfo: [],
        result: true,
        errormsg: null,
        statuscode: 0,
      },
    },
    {
      source: `${KIIEX}/GetDepositInfo.yaml`,
      value: {
        AssetManagerId: 1,
        AccountId: 1,
        AssetId: 1,
        ProviderId: 1,
        DepositInfo: [],
        result: true,
        errormsg: null,
        statuscode: 0,
      },
    },
  ],
  GetAllDepositRequestInfoTemplates: [
    {
      source: `${SLATE}/tickets/_api_tix_system_getalldepositrequestinfotemplates.md`,
      value: [
        {
          Template: {
            ProviderType: 'BitcoinRpc',
            Template: '{}',
            ProcessInfo: '',
            UseGetDepositWorkflow: true,
            DepositWorkflow: 'CryptoWallet',
          },
          result: true,
          errormsg: null,
          statuscode: 0,
        },
      ],
    },
    {
      source: `${KIIEX}/GetAllDepositRequestInfoTemplates.yaml`,
      value: [
        {
          Template: {
            ProviderType: 'BitcoinRpc',
            Template: {},
            ProcessInfo: '',
            UseGetDepositWorkflow: true,
            DepositWorkflow: 'CryptoWallet',
          },
          result: true,
          errormsg: null,
          statuscode: 0,
        },
      ],
    },
  ],
  GetDepositRequestInfoTemplate: [
    {
      source: `${SLATE}/tickets/_api_tix_system_getdepositrequestinfotemplate.md`,
      value: {
        Template: {
          ProviderType: 'BitcoinRpc',
          Template: '{}',
          ProcessInfo: '',
          UseGetDepositWorkflow: true,
          DepositWorkflow: 'CryptoWallet',
        },
        result: true,
        errormsg: null,
        statuscode: 0,
      },
    },
    {
      source: `${KIIEX}/GetDepositRequestInfoTemplate.yaml`,
      value: {
        Template: {
          ProviderType: 'BitcoinRpc',
          Template: {},
          ProcessInfo: '',
          UseGetDepositWorkflow: true,
          DepositWorkflow: 'CryptoWallet',
        },
        result: true,
        errormsg: null,
        statuscode: 0,
      },
    },
  ],
  GetAccountDepositTransactions: [
    {
      source: `${SLATE}/tickets/_api_tix_user_getaccountdeposittransactions.md`,
      value: [
        {
          transactionId: 0,
          omsId: 0,
          accountId: 0,
          cr: 0.0,
          dr: 0.0,
          counterparty: 0,
          transactionType: 0,
          referenceId: 0,
          referenceType: 0,
          productId: 0,
          balance: 0.0,
          timeStamp: 0,
        },
      ],
    },
    {
      source: `${KIIEX}/GetAccountDepositTransactions.yaml`,
      value: [
        {
          transactionId: 0,
          omsId: 0,
          accountId: 0,
          cr: 0.0,
          dr: 0.0,
          counterparty: 0,
          transactionType: 0,
          referenceId: 0,
          referenceType: 0,
          productId: 0,
          balance: 0.0,
          timeStamp: 0,
        },
      ],
    },
  ],
  SubmitDepositTicketComment: [
    {
      source: `${SLATE}/tickets/_api_tix_system_submitdepositticketcomment.md`,
      value: {
        success: true,
        commentid: 10000002,
      },
    },
    {
      source: `${KIIEX}/SubmitDepositTicketComment.yaml`,
      value: {
        success: true,
        commentid: 10000002,
      },
    },
  ],
  AddDepositTicketAttachment: [
    {
      source: `${SLATE}/tickets/_api_tix_system_adddepositticketattachment.md`,
      value: {
        success: true,
        attachmentid: 100000002,
      },
    },
  ],
  GetDepositTicketAttachment: [
    {
      source: `${SLATE}/tickets/_api_tix_system_getdepositticketattachment.md`,
      value: {
        base64Attachment: null,
        attachmentId: 0,
        submittedByUserId: 0,
        submittedByUserName: null,
        uploadDate: '0001-01-01T00:00:00',
        uploadIP: null,
        ticketNumber: 0,
        description: null,
      },
    },
  ],
  CreateWithdrawTicket: [
    {
      source: `${SLATE}/tickets/_api_tix_system_createwithdrawticket.md`,
      value: {
        result: true,
        errormsg: 'Invalid Request',
        errorcode: 100,
        detail: 'Insufficient Balance',
      },
    },
    {
      source: `${KIIEX}/CreateWithdrawTicket.yaml`,
      value: {
        result: true,
        errormsg: 'Invalid Request',
        errorcode: 100,
        detail: 'Insufficient Balance',
      },
    },
  ],
  CancelWithdraw: [
    {
      source: `${SLATE}/tickets/_api_tix_system_cancelwithdraw.md`,
      value: {
        result: true,
        errormsg: 'Operation Failed',
        errorcode: 101,
        detail: 'Withdraw Ticket not found for OmsId, AccountId, RequestCode',
      },
    },
    {
      source: `${KIIEX}/CancelWithdraw.yaml`,
      value: {
        result: true,
        errormsg: 'Operation Failed',
        errorcode: 101,
        detail: 'Withdraw Ticket not found for OmsId, AccountId, RequestCode',
      },
    },
  ],
  GetWithdrawTicket: [
    // Not valid JSON as published: its JSON strings span lines; here template literals.
    {
      source: `${SLATE}/tickets/_api_tix_system_getwithdrawticket.md`,
      value: {
        assetManagerId: 0,
        accountId: 0,
        assetId: 0,
        assetName: '',
        amount: 0.0,
        templateForm: `{
           “TemplateType”: “TetherRPCWithdraw”,
           “Comment”: “TestWithdraw”,
           “ExternalAddress”: “ms6C3pKAAr8gRCcnVebs8VRkVrjcvqNYv3”, 
           }`,
        templateFormType: 'ThetherRPCWithdraw',
        omsId: 0,
        requestCode: '490b4fa3-53fc-44f4-bd29-7e16be86fba3',
        requestIP: '',
        requestUserId: 0,
        requestUserName: '',
        operatorId: 0,
        Status: 0,
        feeAmt: 0.0,
        updatedByUser: 0,
        updatedByUserName: '',
        ticketNumber: 0,
        createdTimestamp: '0001-01-01T00:00:00',
        lastUpdateTimestamp: '0001-01-01T00:00:00',
        Comments: `[
            {
              "commentId": 0,
              "enteredBy": 0,
              "enteredDateTime": "0001-01-01T00:00:00",
              "comment": "",
              "operatorId": 0,
              "omsId": 0,
              "ticketCode": "",
              "ticketId": 0
             }
           ]`,
        Attachments: `[
             {
               "attachmentId": 0,
               "submittedByUserId": 0,
               "submittedByUserName": "",
               "uploadDate": "0001-01-01T00:00:00",
               "uploadIP": "",
               "ticketNumber": 0
              }
      	 ]`,
        AuditLog: '[]',
      },
    },
    {
      source: `${KIIEX}/GetWithdrawTicket.yaml`,
      value: {
        assetManagerId: 0,
        accountId: 0,
        assetId: 0,
        assetName: '',
        amount: 0.0,
        templateForm: {
          TemplateType: 'TetherRPCWithdraw',
          Comment: 'TestWithdraw',
          ExternalAddress: 'ms6C3pKAAr8gRCcnVebs8VRkVrjcvqNYv3',
        },
        templateFormType: 'ThetherRPCWithdraw',
        omsId: 0,
        requestCode: '490b4fa3-53fc-44f4-bd29-7e16be86fba3',
        requestIP: '',
        requestUserId: 0,
        requestUserName: '',
        operatorId: 0,
        Status: 0,
        feeAmt: 0.0,
        updatedByUser: 0,
        updatedByUserName: '',
        ticketNumber: 0,
        createdTimestamp: '0001-01-01T00:00:00',
        lastUpdateTimestamp: '0001-01-01T00:00:00',
        Comments: [
          {
            commentId: 0,
            enteredBy: 0,
            enteredDateTime: '0001-01-01T00:00:00',
            comment: '',
            operatorId: 0,
            omsId: 0,
            ticketCode: '',
            ticketId: 0,
          },
        ],
        Attachments: [
          {
            attachmentId: 0,
            submittedByUserId: 0,
            submittedByUserName: '',
            uploadDate: '0001-01-01T00:00:00',
            uploadIP: '',
            ticketNumber: 0,
          },
        ],
        AuditLog: [],
      },
    },
  ],
  GetWithdrawTickets: [
    // Not valid JSON as published: its JSON strings span lines; here template literals.
    {
      source: `${SLATE}/tickets/_api_tix_system_getwithdrawtickets.md`,
      value: [
        {
          assetManagerId: 0,
          accountId: 0,
          assetId: 0,
          assetName: '',
          amount: 0.0,
          templateForm: `{
                  “TemplateType”: “TetherRPCWithdraw”,
                  “Comment”: “TestWithdraw”,
                  “ExternalAddress”: “ms6C3pKAAr8gRCcnVebs8VRkVrjcvqNYv3”, 
                  }`,
          templateFormType: 'ThetherRPCWithdraw',
          omsId: 0,
          requestCode: '490b4fa3-53fc-44f4-bd29-7e16be86fba3',
          requestIP: '',
          requestUserId: 0,
          requestUserName: '',
          operatorId: 0,
          Status: 0,
          feeAmt: 0.0,
          updatedByUser: 0,
          updatedByUserName: '',
          ticketNumber: 0,
          createdTimestamp: '0001-01-01T00:00:00',
          lastUpdateTimestamp: '0001-01-01T00:00:00',
          Comments: `[
                      {
                      "commentId": 0,
                      "enteredBy": 0,
                      "enteredDateTime": "0001-01-01T00:00:00",
                      "comment": "",
                      "operatorId": 0,
                      "omsId": 0,
                      "ticketCode": "",
                      "ticketId": 0
                      }
                  ]`,
          Attachments: `[
                      {
                      "attachmentId": 0,
                      "submittedByUserId": 0,
                      "submittedByUserName": "",
                      "uploadDate": "0001-01-01T00:00:00",
                      "uploadIP": "",
                      "ticketNumber": 0
                      }
      			]`,
          AuditLog: '[]',
        },
      ],
    },
    {
      source: `${KIIEX}/GetWithdrawTickets.yaml`,
      value: [
        {
          assetManagerId: 0,
          accountId: 0,
          assetId: 0,
          assetName: '',
          amount: 0.0,
          templateForm: {
            TemplateType: 'TetherRPCWithdraw',
            Comment: 'TestWithdraw',
            ExternalAddress: 'ms6C3pKAAr8gRCcnVebs8VRkVrjcvqNYv3',
          },
          templateFormType: 'ThetherRPCWithdraw',
          omsId: 0,
          requestCode: '490b4fa3-53fc-44f4-bd29-7e16be86fba3',
          requestIP: '',
          requestUserId: 0,
          requestUserName: '',
          operatorId: 0,
          Status: 0,
          feeAmt: 0.0,
          updatedByUser: 0,
          updatedByUserName: '',
          ticketNumber: 0,
          createdTimestamp: '0001-01-01T00:00:00',
          lastUpdateTimestamp: '0001-01-01T00:00:00',
          Comments: [
            {
              commentId: 0,
              enteredBy: 0,
              enteredDateTime: '0001-01-01T00:00:00',
              comment: '',
              operatorId: 0,
              omsId: 0,
              ticketCode: '',
              ticketId: 0,
            },
          ],
          Attachments: [
            {
              attachmentId: 0,
              submittedByUserId: 0,
              submittedByUserName: '',
              uploadDate: '0001-01-01T00:00:00',
              uploadIP: '',
              ticketNumber: 0,
            },
          ],
          AuditLog: [],
        },
      ],
    },
  ],
  GetWithdraws: [
    // Not valid JSON as published: its JSON strings span lines; here template literals.
    {
      source: `${SLATE}/tickets/_api_tix_system_getwithdraws.md`,
      value: [
        {
          amount: 0.0,
          feeAmount: 0.0,
          notionalValue: 0.0,
          withdrawId: 0,
          assetManagerId: 0,
          accountId: 0,
          assetId: 0,
          templateForm: `{
      			“TemplateType”: “TetherRPCWithdraw”,
                  “Comment”: “TestWithdraw”,
                  “ExternalAddress”: “ms6C3pKAAr8gRCcnVebs8VRkVrjcvqNYv3” 
       			}`,
          templateFormType: 'TetherRPCWithdraw',
          omsId: 0,
          TicketStatus: 0,
          ticketNumber: 0,
          WithdrawTransactionDetails: '',
          withdrawType: '',
          withdrawCode: '490b4fa3-53fc-44f4-bd29-7e16be86fba3',
          AssetType: 0,
          reaccepted: true,
          notionalProductId: 0,
        },
      ],
    },
    {
      source: `${KIIEX}/GetWithdraws.yaml`,
      value: [
        {
          amount: 0.0,
          feeAmount: 0.0,
          notionalValue: 0.0,
          withdrawId: 0,
          assetManagerId: 0,
          accountId: 0,
          assetId: 0,
          templateForm: {
            TemplateType: 'TetherRPCWithdraw',
            Comment: 'TestWithdraw',
            ExternalAddress: 'ms6C3pKAAr8gRCcnVebs8VRkVrjcvqNYv3',
          },
          templateFormType: 'TetherRPCWithdraw',
          omsId: 0,
          TicketStatus: 0,
          ticketNumber: 0,
          WithdrawTransactionDetails: {},
          withdrawType: '',
          withdrawCode: '490b4fa3-53fc-44f4-bd29-7e16be86fba3',
          AssetType: 0,
          reaccepted: true,
          notionalProductId: 0,
        },
      ],
    },
  ],
  GetWithdrawFee: [
    {
      source: `${SLATE}/tickets/_api_tix_user_getwithdrawfee.md`,
      value: {
        FeeAmount: 1.06,
      },
    },
    {
      source: `${KIIEX}/GetWithdrawFee.yaml`,
      value: {
        FeeAmount: 1.06,
        TicketAmount: 10.24,
      },
    },
  ],
  GetOMSWithdrawFees: [
    {
      source: `${SLATE}/tickets/_api_tix_system_getomswithdrawfees.md`,
      value: [
        {
          OMSId: 1,
          AccountId: 0,
          FeeId: 47,
          FeeAmt: 1,
          FeeCalcType: 'Percentage',
          IsActive: false,
          ProductId: 1,
        },
      ],
    },
    {
      source: `${KIIEX}/GetOMSWithdrawFees.yaml`,
      value: [
        {
          OMSId: 1,
          AccountId: 0,
          FeeId: 47,
          FeeAmt: 1.0,
          FeeCalcType: 'Percentage',
          IsActive: false,
          ProductId: 1,
        },
      ],
    },
  ],
  GetWithdrawTemplate: [
    {
      source: `${SLATE}/tickets/_api_tix_system_getwithdrawtemplate.md`,
      value: {
        Template: '',
        result: true,
        errormsg: '',
        statuscode: 0,
      },
    },
    {
      source: `${KIIEX}/GetWithdrawTemplate.yaml`,
      value: {
        Template: {},
        result: true,
        errormsg: '',
        statuscode: 0,
      },
    },
  ],
  GetWithdrawTemplateTypes: [
    {
      source: `${SLATE}/tickets/_api_tix_system_getwithdrawtemplatetypes.md`,
      value: {
        TemplateTypes: ['Standard'],
        AccountProviderName: '',
        result: false,
        errormsg: '',
        statuscode: 0,
      },
    },
    {
      source: `${KIIEX}/GetWithdrawTemplateTypes.yaml`,
      value: {
        TemplateTypes: ['Standard'],
        AccountProviderName: '',
        result: true,
        errormsg: '',
        statuscode: 0,
      },
    },
  ],
  GetAccountWithdrawTransactions: [
    {
      source: `${SLATE}/tickets/_api_tix_user_getaccountwithdrawtransactions.md`,
      value: [
        {
          transactionId: 0,
          omsId: 0,
          accountId: 0,
          cr: 0.0,
          dr: 0.0,
          counterparty: 0,
          transactionType: 0,
          referenceId: 0,
          referenceType: 0,
          productId: 0,
          balance: 0.0,
          timeStamp: 0,
        },
      ],
    },
    {
      source: `${KIIEX}/GetAccountWithdrawTransactions.yaml`,
      value: [
        {
          transactionId: 0,
          omsId: 0,
          accountId: 0,
          cr: 0.0,
          dr: 0.0,
          counterparty: 0,
          transactionType: 0,
          referenceId: 0,
          referenceType: 0,
          productId: 0,
          balance: 0.0,
          timeStamp: 0,
        },
      ],
    },
  ],
  SubmitWithdrawTicketComment: [
    {
      source: `${SLATE}/tickets/_api_tix_system_submitwithdrawticketcomment.md`,
      value: {
        success: true,
        commentid: 10000002,
      },
    },
    {
      source: `${KIIEX}/SubmitWithdrawTicketComment.yaml`,
      value: {
        success: true,
        commentid: 10000002,
      },
    },
  ],
  AddWithdrawTicketAttachment: [
    {
      source: `${SLATE}/tickets/_api_tix_system_addwithdrawticketattachment.md`,
      value: {
        success: true,
        attachmentid: 100000002,
      },
    },
  ],
  GetWithdrawTicketAttachment: [
    {
      source: `${SLATE}/tickets/_api_tix_system_getwithdrawticketattachment.md`,
      value: {
        base64Attachment: '',
        attachmentId: 0,
        submittedByUserId: 0,
        submittedByUserName: '',
        uploadDate: '0001-01-01T00:00:00',
        uploadIP: '',
        ticketNumber: 0,
        description: '',
      },
    },
  ],
  TransferFunds: [
    {
      source: `${SLATE}/products/_api_prods_system_transferfunds.md`,
      value: {
        result: true,
        errormsg: '',
        errorcode: 0,
        detail: '{"TransferId": 1}',
      },
    },
  ],
  RequestTransferFunds: [
    {
      source: `${SLATE}/products/_api_prods_system_requesttransferfunds.md`,
      value: {
        result: true,
        requestcode: '',
      },
    },
  ],
  ConfirmRequestTransferFunds: [
    {
      source: `${SLATE}/products/_api_prods_system_confirmrequesttransferfunds.md`,
      value: {
        result: true,
        requestcode: '',
      },
    },
  ],
  RejectRequestTransferFunds: [
    {
      source: `${SLATE}/products/_api_prods_system_rejectrequesttransferfunds.md`,
      value: {
        result: true,
        requestcode: '',
      },
    },
  ],
  CancelTransferFunds: [
    {
      source: `${SLATE}/products/_api_prods_system_canceltransferfunds.md`,
      value: {
        result: true,
        errormsg: '',
        errorcode: 0,
        detail: '',
      },
    },
  ],
  GetTransfers: [
    {
      source: `${SLATE}/products/_api_prods_system_gettransfers.md`,
      value: [
        {
          transferId: 0,
          senderAccountId: 0,
          senderUserName: null,
          receiverAccountId: 0,
          receiverUserName: null,
          productId: 0,
          amount: 0.0,
          notes: null,
          omsId: 0,
        },
      ],
    },
  ],
  GetTransfersReceived: [
    {
      source: `${SLATE}/products/_api_prods_system_gettransfersreceived.md`,
      value: [
        {
          transferId: 0,
          senderAccountId: 0,
          senderUserName: null,
          receiverAccountId: 0,
          receiverUserName: null,
          productId: 0,
          amount: 0.0,
          notes: null,
          omsId: 0,
        },
      ],
    },
  ],
  GetTransfer: [
    {
      source: `${SLATE}/products/_api_prods_system_gettransfer.md`,
      value: {
        transferId: 0,
        senderAccountId: 0,
        senderUserName: null,
        receiverAccountId: 0,
        receiverUserName: null,
        productId: 0,
        amount: 0.0,
        notes: null,
        omsId: 0,
      },
    },
  ],
  GetRequestTransfer: [
    {
      source: `${SLATE}/products/_api_prods_system_getrequesttransfer.md`,
      value: {
        omsId: 0,
        operatorId: 0,
        requestId: 0,
        requestCode: '',
        payerUsername: '',
        payerAccountId: 0,
        requestorUsername: '',
        requestorAccountId: 0,
        productId: 0,
        productName: '',
        amount: 0,
        notes: '',
        createdTimestamp: '0001-01-01T00:00:00',
        lastUpdateTimestamp: '0001-01-01T00:00:00',
      },
    },
  ],
};

/** Each endpoint's documented requests. */
const REQUESTS: Partial<Record<Name, readonly Example[]>> = {
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
  GetUserInfo: [
    {
      source: `${SLATE}/users/_api_users_system_getuserinfo.md`,
      // the first of its two alternatives; field names in the wire's PascalCase.
      value: {
        OMSId: 0,
        UserId: 0,
      },
    },
  ],
  GetUserAccounts: [
    {
      source: `${SLATE}/users/_api_users_user_getuseraccounts.md`,
      // field names in the wire's PascalCase.
      value: {
        OMSId: 0,
        UserId: 0,
        UserName: '',
      },
    },
  ],
  GetUserAccountInfos: [
    {
      source: `${SLATE}/users/_api_users_user_getuseraccountinfos.md`,
      value: {
        OMSId: 0,
        UserId: 0,
        UserName: '',
      },
    },
  ],
  GetUserPermissions: [
    {
      source: `${SLATE}/users/_api_users_system_getuserpermissions.md`,
      value: {
        UserId: 1,
      },
    },
  ],
  GetUserConfig: [
    {
      source: `${SLATE}/users/_api_users_system_getuserconfig.md`,
      // field names in the wire's PascalCase.
      value: {
        UserId: 0,
        UserName: '',
      },
    },
  ],
  GetAllUnredactedUserConfigsForUser: [
    {
      source: `${SLATE}/users/_api_users_system_getallunredacteduserconfigsforuser.md`,
      // field names in the wire's PascalCase.
      value: {
        UserId: 0,
        UserName: '',
      },
    },
  ],
  GetUnredactedUserConfigByKey: [
    {
      source: `${SLATE}/users/_api_users_system_getunredacteduserconfigbykey.md`,
      // field names in the wire's PascalCase.
      value: {
        UserId: 0,
        UserName: '',
      },
    },
  ],
  GetUserDevices: [
    {
      source: `${SLATE}/users/_api_users_system_getuserdevices.md`,
      value: {
        UserId: 1,
      },
    },
  ],
  GetUserAffiliateCount: [
    {
      source: `${SLATE}/users/_api_users_user_getuseraffiliatecount.md`,
      value: {
        OMSId: 1,
        UserId: 1,
      },
    },
  ],
  GetUserAffiliateTag: [
    {
      source: `${SLATE}/users/_api_users_user_getuseraffiliatetag.md`,
      // field names in the wire's PascalCase.
      value: {
        UserId: 0,
        OMSId: 0,
      },
    },
  ],
  AddUserAffiliateTag: [
    {
      source: `${SLATE}/users/_api_users_user_adduseraffiliatetag.md`,
      // field names in the wire's PascalCase.
      value: {
        OMSId: 0,
        UserId: 0,
        AffiliateId: 0,
        AffiliateTag: '',
      },
    },
  ],
  UpdateUserAffiliateTag: [
    {
      source: `${SLATE}/users/_api_users_user_updateuseraffiliatetag.md`,
      // field names in the wire's PascalCase.
      value: {
        OMSId: 0,
        UserId: 0,
        AffiliateId: 0,
        AffiliateTag: '',
      },
    },
  ],
  Validate2FA: [
    {
      source: `${SLATE}/users/_api_users_system_validate2fa.md`,
      value: {
        TFaType: 'TFATYPE',
        Code: 'YourCode',
      },
    },
  ],
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
  GenerateTradeActivityReport: [
    {
      source: `${SLATE}/accounts/_api_accts_user_generatetradeactivityreport.md`,
      // field names in the wire's PascalCase.
      value: {
        AccountIdList: [0],
        OMSId: 0,
        StartTime: '0001-01-01T05:00:00Z',
        EndTime: '0001-01-01T05:00:00Z',
      },
    },
  ],
  GenerateTransactionActivityReport: [
    {
      source: `${SLATE}/accounts/_api_accts_user_generatetransactionactivityreport.md`,
      // field names in the wire's PascalCase.
      value: {
        AccountIdList: [0],
        OMSId: 0,
        StartTime: '0001-01-01T05:00:00Z',
        EndTime: '0001-01-01T05:00:00Z',
      },
    },
  ],
  GenerateTreasuryActivityReport: [
    {
      source: `${SLATE}/accounts/_api_accts_user_generatetreasuryactivityreport.md`,
      // field names in the wire's PascalCase.
      value: {
        AccountIdList: [0],
        OMSId: 0,
        StartTime: '0001-01-01T05:00:00Z',
        EndTime: '0001-01-01T05:00:00Z',
      },
    },
  ],
  ScheduleTradeActivityReport: [
    {
      source: `${SLATE}/accounts/_api_accts_user_scheduletradeactivityreport.md`,
      // printed with `frequency` as `{"Options": [...]}`; its table says an integer (0 OnDemand ...); field names in the wire's PascalCase.
      value: {
        Frequency: 0,
        AccountIdList: [1],
        OMSId: 1,
        BeginTime: '2018-08-10T04:00:00.000Z',
        IntervalDuration: 10,
      },
    },
  ],
  ScheduleTransactionActivityReport: [
    {
      source: `${SLATE}/accounts/_api_accts_user_scheduletransactionactivityreport.md`,
      // field names in the wire's PascalCase.
      value: {
        Frequency: 0,
        AccountIdList: [1],
        OMSId: 1,
        BeginTime: '2018-08-10T04:00:00.000Z',
        IntervalDuration: 10,
      },
    },
  ],
  ScheduleTreasuryActivityReport: [
    {
      source: `${SLATE}/accounts/_api_accts_user_scheduletreasuryactivityreport.md`,
      // field names in the wire's PascalCase.
      value: {
        Frequency: 0,
        AccountIdList: [1],
        OMSId: 1,
        BeginTime: '2018-08-10T04:00:00.000Z',
        IntervalDuration: 10,
      },
    },
  ],
  GetUserReportTickets: [
    {
      source: `${SLATE}/users/_api_users_user_getuserreporttickets.md`,
      value: {
        UserId: 1,
      },
    },
  ],
  GetUserReportWriterResultRecords: [
    {
      source: `${SLATE}/users/_api_users_user_getuserreportwriterresultrecords.md`,
      // field names in the wire's PascalCase.
      value: {
        UserId: 0,
        Depth: 50,
        StartIndex: 0,
      },
    },
  ],
  CancelUserReport: [
    {
      source: `${SLATE}/users/_api_users_user_canceluserreport.md`,
      // printed with the value unquoted (`guid-as-a-string`).
      value: {
        UserReportId: 'guid-as-a-string',
      },
    },
  ],
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
  CreateDepositTicket: [
    {
      source: `${SLATE}/tickets/_api_tix_system_createdepositticket.md`,
      // field names in the wire's PascalCase.
      value: {
        AssetManagerId: 0,
        AccountId: 0,
        AssetId: 0,
        AssetName: null,
        Amount: 0,
        OMSId: 0,
        RequestCode: null,
        RequestIP: null,
        RequestUserName: null,
        OperatorId: 0,
        Status: 0,
        FeeAmt: 0,
        UpdatedByUser: 0,
        UpdatedByUserName: null,
        TicketNumber: 0,
        DepositInfo: '',
        CreatedTimestamp: '0001-01-01T00:00:00',
        LastUpdateTimeStamp: '0001-01-01T00:00:00',
        Comments: null,
        Attachments: null,
      },
    },
    {
      source: `${KIIEX}/CreateDepositTicket.yaml`,
      // field names in the wire's PascalCase.
      value: {
        AssetManagerId: 0,
        AccountId: 0,
        AssetId: 0,
        AssetName: null,
        Amount: 0,
        OMSId: 0,
        RequestCode: null,
        RequestIP: null,
        RequestUserName: null,
        OperatorId: 0,
        Status: 0,
        FeeAmt: 0,
        UpdatedByUser: 0,
        UpdatedByUserName: null,
        TicketNumber: 0,
        DepositInfo: '',
        CreatedTimestamp: '0001-01-01T00:00:00',
        LastUpdateTimeStamp: '0001-01-01T00:00:00',
        Comments: null,
        Attachments: null,
      },
    },
  ],
  GetDepositTicket: [
    {
      source: `${SLATE}/tickets/_api_tix_system_getdepositticket.md`,
      value: {
        OMSId: 1,
        AccountId: 1,
        RequestCode: 'Request Code GUID',
        TicketId: 100000002,
      },
    },
  ],
  GetDepositTickets: [
    {
      source: `${SLATE}/tickets/_api_tix_system_getdeposittickets.md`,
      value: {
        OMSId: 1,
        OperatorId: 1,
        AccountId: 1,
      },
    },
  ],
  GetDeposits: [
    {
      source: `${SLATE}/tickets/_api_tix_system_getdeposits.md`,
      value: {
        OMSId: 1,
        AccountId: 1,
      },
    },
  ],
  GetDepositInfo: [
    {
      source: `${SLATE}/tickets/_api_tix_system_getdepositinfo.md`,
      value: {
        OMSId: 1,
        AccountId: 1,
        ProductId: 1,
        GenerateNewKey: true,
      },
    },
  ],
  GetAllDepositRequestInfoTemplates: [
    {
      source: `${SLATE}/tickets/_api_tix_system_getalldepositrequestinfotemplates.md`,
      value: {
        OMSId: 1,
        ProductId: 1,
      },
    },
  ],
  GetDepositRequestInfoTemplate: [
    {
      source: `${SLATE}/tickets/_api_tix_system_getdepositrequestinfotemplate.md`,
      value: {
        OMSId: 1,
        ProductId: 1,
        AccountId: 1,
        TemplateType: 'TrustPay',
      },
    },
  ],
  GetAccountDepositTransactions: [
    {
      source: `${SLATE}/tickets/_api_tix_user_getaccountdeposittransactions.md`,
      value: {
        OMSId: 1,
        AccountId: 1,
        Depth: 200,
      },
    },
  ],
  SubmitDepositTicketComment: [
    {
      source: `${SLATE}/tickets/_api_tix_system_submitdepositticketcomment.md`,
      // field names in the wire's PascalCase.
      value: {
        CommentId: 0,
        EnteredBy: 0,
        EnteredDateTime: '0001-01-01T00:00:00',
        Comment: '',
        OperatorId: 0,
        OMSId: 0,
        TicketCode: '43d1a9f0-8dc3-46f9-b457-297c800d8c9c',
        TicketId: 0,
      },
    },
    {
      source: `${KIIEX}/SubmitDepositTicketComment.yaml`,
      // field names in the wire's PascalCase.
      value: {
        CommentId: 0,
        EnteredBy: 0,
        EnteredDateTime: '0001-01-01T00:00:00',
        Comment: '',
        OperatorId: 0,
        OMSId: 0,
        TicketCode: '43d1a9f0-8dc3-46f9-b457-297c800d8c9c',
        TicketId: 0,
      },
    },
  ],
  AddDepositTicketAttachment: [
    {
      source: `${SLATE}/tickets/_api_tix_system_adddepositticketattachment.md`,
      // field names in the wire's PascalCase.
      value: {
        Base64Attachment: '',
        AttachmentId: 0,
        SubmittedByUserId: 0,
        SubmittedByUserName: '',
        UploadDate: '0001-01-01T00:00:00',
        UploadIP: '',
        TicketNumber: 0,
        Description: '',
      },
    },
  ],
  GetDepositTicketAttachment: [
    {
      source: `${SLATE}/tickets/_api_tix_system_getdepositticketattachment.md`,
      // field names in the wire's PascalCase.
      value: {
        AttachmentId: 0,
      },
    },
  ],
  CreateWithdrawTicket: [
    {
      source: `${SLATE}/tickets/_api_tix_system_createwithdrawticket.md`,
      value: {
        OMSId: 1,
        AccountId: 1,
        ProductId: 1,
        Amount: 100,
        TemplateForm: {},
        TemplateType: 'Template Form Type',
      },
    },
    {
      source: `${KIIEX}/CreateWithdrawTicket.yaml`,
      value: {
        OMSId: 1,
        AccountId: 1,
        ProductId: 1,
        Amount: 100,
        TemplateForm: {
          TemplateType: 'ToExternalBitCoinAddress',
          Comment: '',
          ExternalAddress: '54123214',
        },
        TemplateType: 'ToExternalBitCoinAddress',
      },
    },
  ],
  CancelWithdraw: [
    {
      source: `${SLATE}/tickets/_api_tix_system_cancelwithdraw.md`,
      value: {
        OMSId: 1,
        UserId: 1,
        AccountId: 1,
        RequestCode: 'Request Code GUID',
      },
    },
    {
      source: `${KIIEX}/CancelWithdraw.yaml`,
      value: {
        OMSId: 1,
        UserId: 1,
        AccountId: 1,
        RequestCode: 'Request Code GUID',
      },
    },
  ],
  GetWithdrawTicket: [
    {
      source: `${SLATE}/tickets/_api_tix_system_getwithdrawticket.md`,
      value: {
        OMSId: 1,
        AccountId: 1,
        RequestCode: '1d3d01eb-9e7b-47e0-9056-db420bf157ee',
      },
    },
  ],
  GetWithdrawTickets: [
    {
      source: `${SLATE}/tickets/_api_tix_system_getwithdrawtickets.md`,
      value: {
        OMSId: 1,
        AccountId: 1,
        StartIndex: 0,
        Limit: 200,
      },
    },
  ],
  GetWithdraws: [
    {
      source: `${SLATE}/tickets/_api_tix_system_getwithdraws.md`,
      value: {
        OMSId: 1,
        AccountId: 1,
      },
    },
  ],
  GetWithdrawFee: [
    {
      source: `${SLATE}/tickets/_api_tix_user_getwithdrawfee.md`,
      value: {
        OMSId: 1,
        AccountId: 1,
        ProductId: 1,
        Amount: 1,
      },
    },
  ],
  GetOMSWithdrawFees: [
    {
      source: `${SLATE}/tickets/_api_tix_system_getomswithdrawfees.md`,
      value: {
        OMSId: 1,
        ProductId: 1,
      },
    },
  ],
  GetWithdrawTemplate: [
    {
      source: `${SLATE}/tickets/_api_tix_system_getwithdrawtemplate.md`,
      value: {
        OMSId: 1,
        ProductId: 1,
        TemplateType: 'Template Name',
        AccountId: 1,
        AccountProviderId: 1,
      },
    },
  ],
  GetWithdrawTemplateTypes: [
    {
      source: `${SLATE}/tickets/_api_tix_system_getwithdrawtemplatetypes.md`,
      value: {
        OMSId: 1,
        ProductId: 1,
      },
    },
  ],
  GetAccountWithdrawTransactions: [
    {
      source: `${SLATE}/tickets/_api_tix_user_getaccountwithdrawtransactions.md`,
      value: {
        OMSId: 1,
        AccountId: 1,
        Depth: 200,
      },
    },
  ],
  SubmitWithdrawTicketComment: [
    {
      source: `${SLATE}/tickets/_api_tix_system_submitwithdrawticketcomment.md`,
      // field names in the wire's PascalCase.
      value: {
        CommentId: 0,
        EnteredBy: 0,
        EnteredDateTime: '0001-01-01T00:00:00',
        Comment: '',
        OperatorId: 0,
        OMSId: 0,
        TicketCode: '43d1a9f0-8dc3-46f9-b457-297c800d8c9c',
        TicketId: 0,
      },
    },
    {
      source: `${KIIEX}/SubmitWithdrawTicketComment.yaml`,
      // field names in the wire's PascalCase.
      value: {
        CommentId: 0,
        EnteredBy: 0,
        EnteredDateTime: '0001-01-01T00:00:00',
        Comment: '',
        OperatorId: 0,
        OMSId: 0,
        TicketCode: '43d1a9f0-8dc3-46f9-b457-297c800d8c9c',
        TicketId: 0,
      },
    },
  ],
  AddWithdrawTicketAttachment: [
    {
      source: `${SLATE}/tickets/_api_tix_system_addwithdrawticketattachment.md`,
      // field names in the wire's PascalCase.
      value: {
        Base64Attachment: '',
        AttachmentId: 0,
        SubmittedByUserId: 0,
        SubmittedByUserName: '',
        UploadDate: '0001-01-01T00:00:00',
        UploadIP: '',
        TicketNumber: 0,
        Description: '',
      },
    },
  ],
  GetWithdrawTicketAttachment: [
    {
      source: `${SLATE}/tickets/_api_tix_system_getwithdrawticketattachment.md`,
      // field names in the wire's PascalCase.
      value: {
        AttachmentId: 0,
      },
    },
  ],
  TransferFunds: [
    {
      source: `${SLATE}/products/_api_prods_system_transferfunds.md`,
      value: {
        OMSId: 1,
        SenderAccountId: 1,
        ProductId: 1,
        Amount: 100,
        Notes: 'User-entered notes.',
        ReceiverUserName: 'UserName1',
      },
    },
  ],
  RequestTransferFunds: [
    {
      source: `${SLATE}/products/_api_prods_system_requesttransferfunds.md`,
      value: {
        OMSId: 1,
        ProductId: 1,
        Amount: 1,
        Notes: '',
        ReceiverUserName: '',
      },
    },
  ],
  ConfirmRequestTransferFunds: [
    {
      source: `${SLATE}/products/_api_prods_system_confirmrequesttransferfunds.md`,
      value: {
        OMSId: 1,
        RequestCode: '',
        OperatorId: '1',
      },
    },
  ],
  RejectRequestTransferFunds: [
    {
      source: `${SLATE}/products/_api_prods_system_rejectrequesttransferfunds.md`,
      value: {
        OMSId: 1,
        OperatorId: 1,
        RequestCode: '',
      },
    },
  ],
  CancelTransferFunds: [
    {
      source: `${SLATE}/products/_api_prods_system_canceltransferfunds.md`,
      value: {
        OMSId: 1,
        AccountId: 1,
        TransferId: 1,
      },
    },
  ],
  GetTransfers: [
    {
      source: `${SLATE}/products/_api_prods_system_gettransfers.md`,
      value: {
        OMSId: 1,
        AccountId: 1,
      },
    },
  ],
  GetTransfersReceived: [
    {
      source: `${SLATE}/products/_api_prods_system_gettransfersreceived.md`,
      value: {
        OMSId: 1,
        AccountId: 1,
      },
    },
  ],
  GetTransfer: [
    {
      source: `${SLATE}/products/_api_prods_system_gettransfer.md`,
      value: {
        OMSId: 1,
        AccountId: 1,
        TransferId: 1,
      },
    },
  ],
  GetRequestTransfer: [
    {
      source: `${SLATE}/products/_api_prods_system_getrequesttransfer.md`,
      // field names in the wire's PascalCase.
      value: {
        OMSId: 0,
        OperatorId: 0,
        RequestCode: null,
        RequestId: null,
        PayerUsername: null,
        PayerAccountId: null,
        RequestorUsername: null,
        RequestorAccountId: null,
        ProductId: null,
        Amount: null,
        AmountOperator: null,
        Status: null,
        StartTimeStamp: null,
        EndTimeStamp: null,
      },
    },
  ],
};

const catalog: Readonly<Record<Name, EndpointDefinition>> = alphapointCatalog;
const names = Object.keys(catalog) as Name[];

const EXTRA = 'FieldAddedLater';

/**
 * The answer with a field added to each object in it, or, for arrays of unlabelled numbers (GetL2Snapshot,
 * GetTickerHistory), a number appended to each; undefined when there is nowhere to add one (a list of names).
 */
function withExtraField(value: unknown): unknown {
  if (Array.isArray(value)) {
    if (value.length > 0 && value.every((item) => Array.isArray(item)))
      return value.map((item) => [...item, 7]);
    if (value.length > 0 && value.every((item) => item !== null && typeof item === 'object')) {
      return value.map(withExtraField);
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') return { ...value, [EXTRA]: 'kept' };
  return undefined;
}

/** Whether the parsed answer still carries the added field (or number). */
function keptExtra(parsed: unknown): boolean {
  if (Array.isArray(parsed))
    return parsed.every((item) => (Array.isArray(item) ? item.at(-1) === 7 : keptExtra(item)));
  return (parsed as Record<string, unknown>)[EXTRA] === 'kept';
}

describe('AlphaPoint catalog', () => {
  it('keeps the calls it had and addresses each as POST /<FunctionName>, with a summary', () => {
    for (const kept of [
      'GetInstruments',
      'GetProducts',
      'GetLevel1',
      'GetLevel1Summary',
      'GetL2Snapshot',
      'GetUserInfo',
      'GetAccountInfo',
      'GetAccountPositions',
      'GetOpenOrders',
      'GetOrderStatus',
      'GetOrderHistory',
      'GetTradesHistory',
      'GetWithdrawTickets',
      'GetDepositTickets',
      'CreateDepositTicket',
      'SendOrder',
      'CancelOrder',
      'CancelAllOrders',
      'CreateWithdrawTicket',
    ]) {
      expect(names).toContain(kept);
    }
    for (const name of names) {
      expect(catalog[name]).toMatchObject({ method: 'POST', path: `/${name}` });
      expect(catalog[name].summary).toMatch(/\S/);
    }
  });

  it('marks creating orders, tickets and transfers as not idempotent, and cancels as idempotent', () => {
    for (const name of [
      'SendOrder',
      'CancelReplaceOrder',
      'CreateWithdrawTicket',
      'CreateDepositTicket',
      'TransferFunds',
      'RequestTransferFunds',
      'ConfirmRequestTransferFunds',
    ] as const) {
      expect(catalog[name].idempotent, name).toBe(false);
    }
    for (const name of [
      'CancelOrder',
      'CancelAllOrders',
      'CancelWithdraw',
      'CancelUserReport',
      'CancelTransferFunds',
    ] as const) {
      expect(catalog[name].idempotent, name).toBe(true);
    }
  });

  it('asks trade for orders, withdraw for moving funds out, read for the rest of the private calls', () => {
    const needing = (permission: string) =>
      names.filter((name) => catalog[name].permission === permission).sort();
    expect(needing('trade')).toEqual(
      ['CancelAllOrders', 'CancelOrder', 'CancelReplaceOrder', 'ModifyOrder', 'SendOrder'].sort(),
    );
    expect(needing('withdraw')).toEqual(
      ['CancelWithdraw', 'ConfirmRequestTransferFunds', 'CreateWithdrawTicket', 'TransferFunds'].sort(),
    );
    expect(catalog.GetAccountPositions.permission).toBe('read');
    expect(catalog.CreateDepositTicket.permission).toBe('read');
    expect(catalog.GetInstruments.permission).toBe('public');
  });
});

describe('AlphaPoint answer schemas accept the documented answers', () => {
  it('every endpoint with an answer schema has a documented example', () => {
    const missing = names.filter((name) => catalog[name].response && !ANSWERS[name]?.length);
    expect(missing).toEqual([]);
    const stray = Object.keys(ANSWERS).filter((name) => !catalog[name as Name]?.response);
    expect(stray).toEqual([]);
  });

  for (const name of names) {
    const schema = catalog[name].response;
    if (!schema) continue;
    for (const { source, value } of ANSWERS[name] ?? []) {
      it(`${name}: ${source}`, () => {
        expect(schema.safeParse(value).error?.issues ?? []).toEqual([]);
      });
      const extended = withExtraField(value);
      if (extended === undefined) continue;
      it(`${name}: ${source}, with a field added`, () => {
        const parsed = schema.safeParse(extended);
        expect(parsed.error?.issues ?? []).toEqual([]);
        expect(keptExtra(parsed.data)).toBe(true);
      });
    }
  }

  it("reads field names case-insensitively and returns the wire's spelling", () => {
    const parsed = catalog.GetProduct.response?.parse({
      omsid: 1,
      PRODUCTID: 2,
      product: 'BTC',
      productFullName: 'Bitcoin',
      productType: 'CryptoCurrency',
      decimalPlaces: 8,
      tickSize: 1e-8,
      noFees: false,
    });
    expect(parsed).toMatchObject({ OMSId: 1, ProductId: 2, Product: 'BTC', NoFees: false });
  });

  it('refuses an answer missing a documented field, or with one of the wrong type', () => {
    const answer = { status: 'Accepted', errormsg: '', OrderId: 123 };
    const schema = catalog.SendOrder.response;
    expect(schema?.safeParse(answer).success).toBe(true);
    expect(schema?.safeParse({ ...answer, OrderId: '123' }).success).toBe(false);
    const { OrderId: _, ...withoutId } = answer;
    expect(schema?.safeParse(withoutId).success).toBe(false);
  });
});

describe('AlphaPoint request schemas take the documented requests and refuse unknown fields', () => {
  it('every endpoint with a body schema has a documented request', () => {
    const missing = names.filter((name) => catalog[name].request?.body && !REQUESTS[name]?.length);
    expect(missing).toEqual([]);
  });

  for (const name of names) {
    const schema = catalog[name].request?.body;
    if (!schema) continue;
    for (const { source, value } of REQUESTS[name] ?? []) {
      it(`${name}: ${source}`, () => {
        expect(schema.safeParse(value).error?.issues ?? []).toEqual([]);
      });
      it(`${name}: ${source}, with an unknown field: refused`, () => {
        const result = schema.safeParse({ ...(value as object), NotAField: 1 });
        expect(result.success).toBe(false);
        expect(JSON.stringify(result.error?.issues)).toContain('NotAField');
      });
    }
  }

  it('takes the decimal amounts as JSON numbers, as the docs send them', () => {
    const order = { InstrumentId: 1, OMSId: 1, AccountId: 7, Side: 0, OrderType: 2, LimitPrice: 100 };
    const body = catalog.SendOrder.request?.body;
    expect(body?.safeParse({ ...order, Quantity: 0.01 }).success).toBe(true);
    expect(body?.safeParse({ ...order, Quantity: '0.01' }).success).toBe(false);
  });

  it('CancelOrder needs the order id, or the account with the client order id', () => {
    const body = catalog.CancelOrder.request?.body;
    expect(body?.safeParse({ OMSId: 1, OrderId: 5 }).success).toBe(true);
    expect(body?.safeParse({ OMSId: 1, AccountId: 7, ClOrderId: 9 }).success).toBe(true);
    expect(body?.safeParse({ OMSId: 1, AccountId: 7 }).success).toBe(false);
  });
});
