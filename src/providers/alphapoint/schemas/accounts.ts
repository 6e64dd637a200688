import { z } from 'zod';
import { buildOnce } from '../../../core/build-once.js';
import { commonSchemas } from './common.js';

/** This module's schemas, built on first use: building every catalog's schemas at import made loading slow. */
export const accountsSchemas = buildOnce(() => {
  const { accountTransaction, answer, apexEnum, decimal, int } = commonSchemas();
  // Accounts: slate `accounts/_api_accts_user_getaccountinfo.md`, `..._getaccountpositions.md`,
  // `..._gettreasuryproductsforaccount.md`, `accounts/_api_accts_system_getaccountfees.md`,
  // `trades/_api_trades_user_getaccounttransactions.md`; Kiiex GetAccountInfo.yaml, GetAccountPositions.yaml,
  // GetTreasuryProductsForAccount.yaml, GetAccountTransactions.yaml.

  /** GetAccountPositions body. `IncludePending` is listed by Kiiex only. */
  const accountPositionsBody = z.strictObject({
    OMSId: int,
    AccountId: int,
    IncludePending: z.boolean().optional(),
  });

  /**
   * One balance (GetAccountPositions). The six notional fields were added in APEX 3.5.0 (slate's "3.5.0 Behavior
   * Changes"), so a deployment of an earlier version leaves them out: optional.
   */
  const accountPosition = answer({
    OMSId: int,
    AccountId: int,
    ProductSymbol: z.string(),
    ProductId: int,
    Amount: decimal,
    Hold: decimal,
    PendingDeposits: decimal,
    PendingWithdraws: decimal,
    TotalDayDeposits: decimal,
    TotalMonthDeposits: decimal,
    TotalYearDeposits: decimal,
    TotalYearDepositNotional: decimal,
    TotalDayWithdraws: decimal,
    TotalMonthWithdraws: decimal,
    TotalYearWithdraws: decimal,
    TotalYearWithdrawNotional: decimal,
    NotionalHoldAmount: decimal.optional(),
    NotionalRate: decimal.optional(),
    TotalDayDepositNotional: decimal.optional(),
    TotalMonthDepositNotional: decimal.optional(),
    TotalDayWithdrawNotional: decimal.optional(),
    TotalMonthWithdrawNotional: decimal.optional(),
  });

  /** GetAccountPositions: one position per product. */
  const accountPositions = z.array(accountPosition);

  /** One fee (GetAccountFees). `feeCalcType`, `feeType` and `orderType` are enumerations. */
  const accountFee = answer({
    FeeId: int,
    FeeAmt: decimal,
    FeeCalcType: apexEnum,
    FeeType: apexEnum,
    LadderThreshold: decimal,
    LadderSeconds: decimal,
    IsActive: z.boolean(),
    InstrumentId: int,
    OrderType: apexEnum,
    OMSId: int,
    AccountId: int,
  });

  /** GetAccountFees. */
  const accountFees = z.array(accountFee);

  /**
   * GetTreasuryProductsForAccount: product symbols. slate prints `[ { "LTC", "BTC", "USD" }, ]` (not JSON); Kiiex
   * prints `["LTC", "BTC", "USD"]`, which is what is accepted.
   */
  const treasuryProducts = z.array(z.string());

  /**
   * GetAccountTransactions body. slate prints `{OMSId, AccountId, Depth}`; Kiiex makes `AccountId` optional (the
   * caller's default account) and adds the filters.
   */
  const accountTransactionsBody = z.strictObject({
    OMSId: int,
    AccountId: int.optional(),
    Depth: int.optional(),
    StartIndex: int.optional(),
    TransactionId: int.optional(),
    ReferenceId: int.optional(),
    CounterParty: int.optional(),
    ProductId: int.optional(),
    UserId: int.optional(),
    StartTimestamp: int.optional(),
    EndTimestamp: int.optional(),
    TransactionTypes: z.array(int).optional(),
    TransactionReferenceTypes: z.array(int).optional(),
  });

  /** GetAccountTransactions. */
  const accountTransactions = z.array(accountTransaction);
  return {
    accountPositionsBody,
    accountPosition,
    accountPositions,
    accountFee,
    accountFees,
    treasuryProducts,
    accountTransactionsBody,
    accountTransactions,
  };
});
