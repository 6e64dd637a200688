import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import {
  type AlphaPointCatalog,
  type AlphaPointEndpointTypes,
  type BitexbitCatalog,
  type BitexbitEndpointTypes,
  type BitexCatalog,
  type BitexEndpointTypes,
  bitex,
  createClient,
  type EndpointBody,
  type EndpointData,
  type EndpointQuery,
} from '../../src/index.js';
import type { accountsEndpoints } from '../../src/providers/alphapoint/endpoints/accounts.js';
import type { depositsEndpoints } from '../../src/providers/alphapoint/endpoints/deposits.js';
import type { marketEndpoints } from '../../src/providers/alphapoint/endpoints/market.js';
import type { ordersEndpoints } from '../../src/providers/alphapoint/endpoints/orders.js';
import type { reportsEndpoints } from '../../src/providers/alphapoint/endpoints/reports.js';
import type { tradesEndpoints } from '../../src/providers/alphapoint/endpoints/trades.js';
import type { transfersEndpoints } from '../../src/providers/alphapoint/endpoints/transfers.js';
import type { usersEndpoints } from '../../src/providers/alphapoint/endpoints/users.js';
import type { withdrawalsEndpoints } from '../../src/providers/alphapoint/endpoints/withdrawals.js';
import type { bitexEndpoints } from '../../src/providers/bitex/catalog.js';
import type { gatewayEndpoints } from '../../src/providers/bitexbit/endpoints/gateway.js';
import type { v2Endpoints } from '../../src/providers/bitexbit/endpoints/v2.js';

// The catalogs' declared types (src/providers/*/catalog-types.ts, written by scripts/catalog-types.ts) against
// the types zod infers from the same schemas: a body or query must fit the request schema's input type (the same,
// or narrower where a pipe narrows it to an enum), and an answer must be the answer schema's output type without
// its index signatures (the declared answer is closed).

/** Whether A and B are assignable to each other. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/**
 * Whether a declared input type A fits the schema's inferred input B: the same, or narrower where the schema
 * narrows in a pipe (`z.string().pipe(z.enum([...]))` infers `string` as its input, but passes only the enum's
 * values, so the declared type is the enum's literals).
 */
type Fits<A, B> = [A] extends [B] ? true : false;

/** An answer type closed and read as JSON: index signatures left out, `undefined` dropped, deeply. */
type Closed<T> = T extends readonly unknown[]
  ? { [I in keyof T]: Closed<T[I]> }
  : T extends object
    ? { [K in keyof T as string extends K ? never : K]: Closed<Exclude<T[K], undefined>> }
    : T;

type SchemaOf<E, Path extends 'body' | 'query' | 'response'> = Path extends 'response'
  ? E extends { readonly response: infer S extends z.ZodType }
    ? S
    : undefined
  : E extends { readonly request: { readonly [P in Path]: infer S extends z.ZodType } }
    ? S
    : undefined;

type Input<S> = S extends z.ZodType ? z.input<S> : never;
type Output<S> = S extends z.ZodType ? z.output<S> : never;

/** The endpoints (and which of their types) whose declared types differ from the schemas' inferred ones. */
type Mismatches<Declared, Inferred> = {
  [K in keyof Inferred & keyof Declared & string]:
    | (Fits<
        Declared[K] extends { body: infer B } ? B : 'no body',
        Input<SchemaOf<Inferred[K], 'body'>>
      > extends true
        ? never
        : `${K} body`)
    | (Fits<
        Declared[K] extends { query: infer Q } ? Q : 'no query',
        Input<SchemaOf<Inferred[K], 'query'>>
      > extends true
        ? never
        : `${K} query`)
    | (Same<
        Closed<Declared[K] extends { data: infer D } ? D : 'no data'>,
        Closed<Output<SchemaOf<Inferred[K], 'response'>>>
      > extends true
        ? never
        : `${K} data`);
}[keyof Inferred & keyof Declared & string];

type SeedKind =
  | 'naturalDocket'
  | 'identification'
  | 'domicile'
  | 'phone'
  | 'email'
  | 'note'
  | 'allowance'
  | 'argentinaInvoicingDetail'
  | 'chileInvoicingDetail';

type BitexbitEndpoints = ReturnType<typeof v2Endpoints> & ReturnType<typeof gatewayEndpoints>;
type AlphaPointEndpoints = ReturnType<typeof marketEndpoints> &
  ReturnType<typeof usersEndpoints> &
  ReturnType<typeof accountsEndpoints> &
  ReturnType<typeof reportsEndpoints> &
  ReturnType<typeof ordersEndpoints> &
  ReturnType<typeof tradesEndpoints> &
  ReturnType<typeof depositsEndpoints> &
  ReturnType<typeof withdrawalsEndpoints> &
  ReturnType<typeof transfersEndpoints>;

describe('the declared catalog types match the schemas', () => {
  it('every endpoint of each catalog is declared, and nothing else', () => {
    expectTypeOf<keyof BitexbitEndpointTypes>().toEqualTypeOf<keyof BitexbitEndpoints>();
    expectTypeOf<keyof BitexbitCatalog>().toEqualTypeOf<keyof BitexbitEndpoints>();
    expectTypeOf<keyof BitexEndpointTypes>().toEqualTypeOf<keyof typeof bitexEndpoints>();
    expectTypeOf<keyof BitexCatalog>().toEqualTypeOf<keyof typeof bitexEndpoints>();
    expectTypeOf<keyof AlphaPointEndpointTypes>().toEqualTypeOf<keyof AlphaPointEndpoints>();
    expectTypeOf<keyof AlphaPointCatalog>().toEqualTypeOf<keyof AlphaPointEndpoints>();
  });

  it('bodies and queries are the request schemas’ input types, answers their output types', () => {
    expectTypeOf<Mismatches<BitexbitEndpointTypes, BitexbitEndpoints>>().toEqualTypeOf<never>();
    expectTypeOf<Mismatches<AlphaPointEndpointTypes, AlphaPointEndpoints>>().toEqualTypeOf<never>();
    // The compliance seeds but for one thing: zod's inference through the generic seed factories
    // (compliance.seedBody(kind), seedDocument(kind)) loses the kind, so the inferred body takes no attribute at all
    // and the inferred answer's attributes are any kind's. The declared types, read from the schemas at run time,
    // have each kind's own attributes.
    expectTypeOf<
      Mismatches<BitexEndpointTypes, typeof bitexEndpoints>
    >().toEqualTypeOf<`${SeedKind}Seeds.create ${'body' | 'data'}`>();
  });

  it('a compliance seed takes its own attributes and answers with them', async () => {
    const master = createClient(
      bitex({ apiKey: 'k', role: 'master', baseURL: 'https://bitex.types.test/api' }),
    );
    const phone = { number: '1122334455', phone_kind_code: 'cellphone', has_whatsapp: true };
    const client = master.onBehalfOf(600);
    const seeded = await client.call('phoneSeeds.create', {
      body: { data: { type: 'phone_seeds', attributes: phone } },
    });
    client.call('phoneSeeds.create', {
      // @ts-expect-error `first_name` is a natural docket's attribute, not a phone's
      body: { data: { type: 'phone_seeds', attributes: { ...phone, first_name: 'Rick' } } },
    });
    if (seeded.drift) return;
    expectTypeOf(seeded.data.data.attributes.has_whatsapp).toEqualTypeOf<boolean>();
    // @ts-expect-error a phone seed has no first_name
    seeded.data.data.attributes.first_name;
  });

  it('call() reads the declared types; an absent schema takes anything and answers unknown', () => {
    type Create = BitexbitCatalog['orders.create'];
    expectTypeOf<EndpointBody<Create>>().toEqualTypeOf<BitexbitEndpointTypes['orders.create']['body']>();
    expectTypeOf<EndpointData<Create>>().toEqualTypeOf<BitexbitEndpointTypes['orders.create']['data']>();
    // No answer schema: the data is unknown.
    expectTypeOf<EndpointData<BitexbitCatalog['public.currency']>>().toEqualTypeOf<unknown>();
    // No body schema: any body.
    expectTypeOf<EndpointBody<BitexCatalog['tickers.list']>>().toEqualTypeOf<unknown>();
    // No query schema: any query.
    expectTypeOf<EndpointQuery<BitexCatalog['tickers.list']>>().toEqualTypeOf<
      Readonly<Record<string, string | number | boolean | undefined | readonly (string | number | boolean)[]>>
    >();
  });

  it('the declared catalog keeps the schemas it has, typed z.ZodType', () => {
    expectTypeOf<BitexbitCatalog['orders.create']['request']['body']>().toEqualTypeOf<z.ZodType>();
    expectTypeOf<BitexCatalog['bids.cancel']['response']>().toEqualTypeOf<z.ZodType>();
    expectTypeOf<BitexbitCatalog['orders.create']['method']>().toEqualTypeOf<'POST'>();
    expectTypeOf<BitexbitCatalog['orders.create']['idempotent']>().toEqualTypeOf<false>();
  });
});
