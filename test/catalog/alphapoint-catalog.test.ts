import { describe, expect, it } from 'vitest';
import type { EndpointDefinition } from '../../src/index.js';
import { alphapointCatalog } from '../../src/providers/alphapoint/catalog.js';
import type { Name } from './alphapoint-examples/examples.js';
import { ANSWERS, REQUESTS } from './alphapoint-examples/index.js';

// The AlphaPoint catalog against the documented examples copied from the public docs (./alphapoint-examples/,
// which names the sources). Each answer schema accepts each documented answer, and the same with a field added;
// each request schema accepts the documented request and refuses it with an unknown field added.

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

  it('numbers as the wire carries them: a numeric string is read as its number (the stated rule)', () => {
    const schema = catalog.SendOrder.response;
    expect(schema?.parse({ status: 'Accepted', errormsg: '', OrderId: '123' })).toMatchObject({
      OrderId: 123,
    });
    const products = catalog.GetProducts.response;
    // NDAX GetProducts as ccxt quotes it (test/fixtures/wire/alphapoint/GetProducts--ccxt-ndax-ts.json)
    const [product] = (products as NonNullable<typeof products>).parse([
      {
        OMSId: '1',
        ProductId: '1',
        Product: 'BTC',
        ProductFullName: 'Bitcoin',
        ProductType: 'CryptoCurrency',
        DecimalPlaces: '8',
        TickSize: '0.0000000100000000000000000000',
        NoFees: false,
      },
    ]) as { TickSize: number; DecimalPlaces: number }[];
    expect(product).toMatchObject({ TickSize: 1e-8, DecimalPlaces: 8 });
    // A whole-number field still refuses a fraction or a number past 2^53, in either form.
    expect(schema?.safeParse({ status: 'Accepted', errormsg: '', OrderId: '9007199254740993' }).success).toBe(
      false,
    );
  });

  it('refuses an answer missing a documented field, or with one of the wrong type', () => {
    const answer = { status: 'Accepted', errormsg: '', OrderId: 123 };
    const schema = catalog.SendOrder.response;
    expect(schema?.safeParse(answer).success).toBe(true);
    expect(schema?.safeParse({ ...answer, OrderId: 'abc' }).success).toBe(false);
    expect(schema?.safeParse({ ...answer, OrderId: '12.5' }).success).toBe(false);
    expect(schema?.safeParse({ ...answer, OrderId: true }).success).toBe(false);
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
