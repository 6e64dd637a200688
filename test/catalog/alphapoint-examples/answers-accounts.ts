import { type Examples, firstOption, KIIEX, SLATE } from './examples.js';

/** The documented answers of the accounts calls. */
export const answersAccounts: Examples = {
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
};
