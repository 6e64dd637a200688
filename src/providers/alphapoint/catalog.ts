import { lazyCatalog } from '../../core/catalog.js';
import type { AlphaPointCatalog } from './catalog-types.js';
import { accountsEndpoints } from './endpoints/accounts.js';
import { depositsEndpoints } from './endpoints/deposits.js';
import { marketEndpoints } from './endpoints/market.js';
import { ordersEndpoints } from './endpoints/orders.js';
import { reportsEndpoints } from './endpoints/reports.js';
import { tradesEndpoints } from './endpoints/trades.js';
import { transfersEndpoints } from './endpoints/transfers.js';
import { usersEndpoints } from './endpoints/users.js';
import { withdrawalsEndpoints } from './endpoints/withdrawals.js';

/**
 * AlphaPoint APEX calls that an API-key session may make (`POST /<FunctionName>` with a JSON body), from AlphaPoint's
 * APEX API reference (github.com/alphapoint/slate, source/includes/**) and Kiiex's OpenAPI files
 * (github.com/KiiChain/kiichain-docs, .gitbook/assets/*.yaml); each schema file names the pages it follows, and
 * docs/providers/alphapoint-endpoints.md (generated) lists the calls with their fields.
 *
 * Permissions are what a call does: reading, and writing what moves no money (deposit tickets, comments, reports,
 * affiliate tags), needs `read`; placing, changing and cancelling orders `trade`; moving funds out of the account
 * (withdraw tickets, transfers to another user) `withdraw`. AlphaPoint documents the *user* permissions a call needs
 * (Public, Trading, AccountReadOnly, Withdraw, Deposit, Operator); the key permissions map Trading → trade,
 * Withdraw → withdraw, Deposit → read, and AccountReadOnly reads, Public is public. Where one of the permissions
 * AlphaPoint lists maps to the catalog's, the permission is documented. Where it does not (read for a call that
 * moves nothing though AlphaPoint lists only Trading; withdraw for transfers to another user, which AlphaPoint lets
 * Trading make), or AlphaPoint lists none, the catalog's is this library's reading (`permissionDocumented: false`),
 * and the exchange may still refuse a key that lacks what it lists.
 *
 * Cancels are idempotent (cancelling twice moves nothing); creating orders, tickets, transfers, reports and comments
 * is not. Deployments may want a second factor for some calls (GetValidate2FARequiredEndpoints lists them): give it
 * with Validate2FA on the session first, or, on NDAX, in CreateWithdrawTicket's `{TfaType, TFaCode, Payload}` form.
 * Its schemas are built on first use.
 */
export const alphapointCatalog: AlphaPointCatalog = lazyCatalog(() => ({
  ...marketEndpoints(),
  ...usersEndpoints(),
  ...accountsEndpoints(),
  ...reportsEndpoints(),
  ...ordersEndpoints(),
  ...tradesEndpoints(),
  ...depositsEndpoints(),
  ...withdrawalsEndpoints(),
  ...transfersEndpoints(),
}));

// Its type is declared in catalog-types.ts, generated from the schemas (`npx tsx scripts/catalog-types.ts alphapoint`).
export type { AlphaPointCatalog, AlphaPointEndpointTypes, AlphaPointSchemaTypes } from './catalog-types.js';
