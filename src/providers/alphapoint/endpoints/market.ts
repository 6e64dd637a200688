import { z } from 'zod';
import { buildOnce } from '../../../core/build-once.js';
import type { EndpointDefinition } from '../../../core/catalog.js';
import { commonSchemas } from '../schemas/common.js';
import { marketSchemas } from '../schemas/market.js';

/** The endpoints, built on first use. */
export const marketEndpoints = buildOnce(() => {
  const common = commonSchemas();
  const market = marketSchemas();
  /** Public: instruments, products, market data. */
  const marketEndpoints = {
    GetInstruments: {
      method: 'POST',
      path: '/GetInstruments',
      permission: 'public',
      idempotent: true,
      summary: 'Lists the instruments (product pairs) traded on an OMS.',
      request: { body: market.getInstrumentsBody },
      response: z.array(market.instrument),
    },
    GetInstrument: {
      method: 'POST',
      path: '/GetInstrument',
      permission: 'public',
      idempotent: true,
      summary: 'Returns one instrument.',
      request: { body: market.getInstrumentBody },
      response: market.instrument,
    },
    GetProducts: {
      method: 'POST',
      path: '/GetProducts',
      permission: 'public',
      idempotent: true,
      summary: 'Lists the products (assets and currencies) of an OMS.',
      request: { body: market.getProductsBody },
      response: z.array(market.product),
    },
    GetProduct: {
      method: 'POST',
      path: '/GetProduct',
      permission: 'public',
      idempotent: true,
      summary: 'Returns one product.',
      request: { body: market.getProductBody },
      response: market.product,
    },
    GetLevel1: {
      method: 'POST',
      path: '/GetLevel1',
      permission: 'public',
      permissionDocumented: false,
      idempotent: true,
      summary:
        'Returns the Level 1 snapshot (best bid and offer, last trade, session figures) of an instrument.',
      request: { body: market.getLevel1Body },
      response: market.level1,
    },
    GetLevel1Summary: {
      method: 'POST',
      path: '/GetLevel1Summary',
      permission: 'public',
      permissionDocumented: false,
      idempotent: true,
      summary:
        "Returns Level 1 summaries of the instruments (not in AlphaPoint's or Kiiex's published docs; no schemas).",
    },
    GetL2Snapshot: {
      method: 'POST',
      path: '/GetL2Snapshot',
      permission: 'public',
      idempotent: true,
      summary: 'Returns the order book of an instrument to a given depth, as arrays of numbers.',
      request: { body: market.getL2SnapshotBody },
      response: market.l2Snapshot,
    },
    GetTickerHistory: {
      method: 'POST',
      path: '/GetTickerHistory',
      permission: 'public',
      idempotent: true,
      summary:
        'Returns candles (time, high, low, open, close, volume, inside bid and ask) of an instrument between two dates.',
      request: { body: market.getTickerHistoryBody },
      response: market.tickerHistory,
    },
    Ping: {
      method: 'POST',
      path: '/Ping',
      permission: 'public',
      idempotent: true,
      summary: 'Keeps a connection alive; answers PONG.',
      request: { body: common.noBody },
      response: market.pong,
    },
    GetValidate2FARequiredEndpoints: {
      method: 'POST',
      path: '/GetValidate2FARequiredEndpoints',
      permission: 'public',
      idempotent: true,
      summary: 'Lists the calls that need a second factor (Validate2FA) on this deployment.',
      request: { body: common.noBody },
      response: market.twoFactorEndpoints,
    },
  } as const satisfies Record<string, EndpointDefinition>;
  return marketEndpoints;
});
