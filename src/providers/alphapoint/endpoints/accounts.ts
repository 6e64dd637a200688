import { buildOnce } from '../../../core/build-once.js';
import type { EndpointDefinition } from '../../../core/catalog.js';
import { accountsSchemas } from '../schemas/accounts.js';
import { commonSchemas } from '../schemas/common.js';
import { usersSchemas } from '../schemas/users.js';

/** The endpoints, built on first use. */
export const accountsEndpoints = buildOnce(() => {
  const accounts = accountsSchemas();
  const common = commonSchemas();
  const users = usersSchemas();
  /** Accounts. */
  const accountsEndpoints = {
    GetAccountInfo: {
      method: 'POST',
      path: '/GetAccountInfo',
      permission: 'read',
      idempotent: true,
      summary: "Returns one account's information (type, fee group, verification level ...).",
      request: { body: common.accountBody },
      response: users.accountInfo,
    },
    GetAccountPositions: {
      method: 'POST',
      path: '/GetAccountPositions',
      permission: 'read',
      idempotent: true,
      summary: "Returns an account's balances, one position per product.",
      request: { body: accounts.accountPositionsBody },
      response: accounts.accountPositions,
    },
    GetAccountFees: {
      method: 'POST',
      path: '/GetAccountFees',
      permission: 'read',
      idempotent: true,
      summary: 'Lists the trading fees that apply to an account.',
      request: { body: common.accountBody },
      response: accounts.accountFees,
    },
    GetTreasuryProductsForAccount: {
      method: 'POST',
      path: '/GetTreasuryProductsForAccount',
      permission: 'read',
      idempotent: true,
      summary: 'Lists the product symbols an account may use in treasury operations.',
      request: { body: common.accountBody },
      response: accounts.treasuryProducts,
    },
    GetAccountTransactions: {
      method: 'POST',
      path: '/GetAccountTransactions',
      permission: 'read',
      idempotent: true,
      summary: "Returns an account's ledger entries.",
      request: { body: accounts.accountTransactionsBody },
      response: accounts.accountTransactions,
    },
  } as const satisfies Record<string, EndpointDefinition>;
  return accountsEndpoints;
});
