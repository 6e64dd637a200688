import { lazyCatalog } from '../../core/catalog.js';
import type { BitexbitCatalog } from './catalog-types.js';
import { gatewayEndpoints } from './endpoints/gateway.js';
import { v2Endpoints } from './endpoints/v2.js';

/**
 * Every endpoint bitexbit documents in API v2 (bitexbit/api-docs-v2) and the gateway API
 * (bitexbit/api-docs-gateway), with the permission each needs, whether a repeat is harmless, and the documented
 * request and answer fields. Paths are the documented full paths under the origin.
 *
 * Permissions: the v2 docs mark calls `FREE` (public) or `FULL` (signed), and tag some with `CAN_CREATE_ORDER`,
 * `CAN_CANCEL_ORDER`, `CAN_CREATE_COUPON` or `CAN_REDEEM_COUPON`; the access types (Read only, Can trade, Can
 * withdraw) are described in bitexbit's FAQ on API management. Where neither says which access type a call
 * needs, the entry has `permissionDocumented: false` and the permission is this catalog's reading.
 *
 * Idempotency: only reads are. Creates, cancels, coupons, transfers and withdrawals are not: a repeat after an
 * unknown outcome could act twice, so the client never repeats them. Its schemas are built on first use.
 */
export const bitexbitCatalog: BitexbitCatalog = lazyCatalog(() => ({
  ...v2Endpoints(),
  ...gatewayEndpoints(),
}));

// Its type is declared in catalog-types.ts, generated from the schemas (`npx tsx scripts/catalog-types.ts bitexbit`).
export type { BitexbitCatalog, BitexbitEndpointTypes, BitexbitSchemaTypes } from './catalog-types.js';
