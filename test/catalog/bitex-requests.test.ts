import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { bitexCatalog } from '../../src/index.js';

// Requests as bitex-sdk-ruby sent them, recorded in its cassettes: github.com/bitex-la/bitex-sdk-ruby @ 1b47530,
// spec/fixtures/<path>.yml (request body, or the query of the request URI). The attachment's base64 document is
// cut short. Where nothing was recorded, the source is named: the Bitex reference for `/orders/cancel` (the SDK
// sends `{}`), Bitex's guide for a bare `POST /users`, the SDK's comment for `cash_deposit_instructions`.

type Name = keyof typeof bitexCatalog;
type Example = { source: string; value: unknown };

const BODIES: Partial<Record<Name, Example[]>> = {
  'bids.create': [
    {
      source: 'bids/create.yml',
      value: { data: { type: 'bids', attributes: { orderbook_code: 'bch_usd', amount: 3, price: 150 } } },
    },
  ],
  'asks.create': [
    {
      source: 'asks/create.yml',
      value: { data: { type: 'asks', attributes: { orderbook_code: 'bch_usd', amount: 3, price: 150 } } },
    },
  ],
  'bids.cancel': [{ source: 'bids/cancel.yml', value: {} }],
  'asks.cancel': [{ source: 'asks/cancel.yml', value: {} }],
  'orders.cancelAll': [{ source: 'reference bitex.md, Headers', value: {} }],
  'buyingBots.create': [
    {
      source: 'buying_bots/create.yml',
      value: { data: { type: 'buying_bots', attributes: { orderbook_code: 'btc_usd', amount: 100 } } },
    },
  ],
  'buyingBots.cancel': [{ source: 'buying_bots/cancel.yml', value: {} }],
  'sellingBots.create': [
    {
      source: 'selling_bots/create.yml',
      value: { data: { type: 'selling_bots', attributes: { orderbook_code: 'btc_usd', amount: 0.03 } } },
    },
  ],
  'sellingBots.cancel': [{ source: 'selling_bots/cancel.yml', value: {} }],
  'coinWithdrawals.create': [
    {
      source: 'coin_withdrawals/create.yml',
      value: JSON.parse(
        '{"data":{"type":"coin_withdrawals","attributes":{"to_addresses":"mk2jCye9XhXxVwfp9FyVMRwYDzQxscB5ev","label":"api-test","amount":0.001,"coin_code":"btc"}}}',
      ),
    },
  ],
  'cashWithdrawals.create': [
    {
      source: 'cash_withdrawals/create.yml',
      value: JSON.parse(
        '{"data":{"type":"cash_withdrawals","relationships":{"withdrawal_instruction":{"data":{"type":"withdrawal_instructions","id":"299"}}},"attributes":{"amount":150,"fiat_code":"ars"}}}',
      ),
    },
  ],
  'withdrawalInstructions.create': [
    {
      source: 'withdrawal_instructions/create/domestic_bank.yml',
      value: JSON.parse(
        '{"data":{"type":"withdrawal_instructions","attributes":{"label":"label","body":{"account_type":"savings","address":"a address","bank":"hsbc","bank_account_number":"12345678","cbu":"1234567812345678","cuit":"20112233344552","city":"Dimension C-132","country":"AR","currency":"USD","further_instructions":"A further instructions","name":"Rick Sanchez","payment_method":"domestic_bank","phone":"1122334455"}}}}',
      ),
    },
    {
      source: 'withdrawal_instructions/create/international_bank.yml',
      value: JSON.parse(
        '{"data":{"type":"withdrawal_instructions","attributes":{"label":"label","body":{"account_type":"savings","address":"a address","bank":"bco_chile","bank_account_number":"12345678","bank_address":"a bank address","bank_city":"a bank city","bank_country":"CL","bank_postal_code":"AABBCC","bank_swift":"BANKUS66","postal_code":"XXYYZZ","city":"Dimension C-132","country":"CL","currency":"USD","further_instructions":"A further instructions","name":"Rick Sanchez","payment_method":"international_bank","phone":"1122334455"}}}}',
      ),
    },
    {
      source: 'withdrawal_instructions/create/third_party.yml',
      value: JSON.parse(
        '{"data":{"type":"withdrawal_instructions","attributes":{"label":"label","body":{"city":"Dimension C-132","country":"PY","currency":"USD","further_instructions":"A further instructions","name":"Rick Sanchez","payment_method":"third_party","phone":"1122334455"}}}}',
      ),
    },
  ],
  'apiKeys.create': [
    {
      source: 'api_keys/create.yml',
      value: {
        data: { type: 'api_keys', attributes: { fund_account: true, payments: true, api_keys: true } },
      },
    },
  ],
  'webhooks.create': [
    {
      source: 'webhooks/create.yml',
      value: { data: { type: 'webhooks', attributes: { url: 'https://webhooktest.com' } } },
    },
  ],
  'payments.create': [
    {
      source: 'payments/create.yml',
      value: JSON.parse(
        '{"data":{"type":"payments","attributes":{"amount":100,"currency":1,"keep":10,"callback_url":"https://myawesomesite.com/webhook","customer_reference":"Purchase at My Store","merchant_reference":"Sale id: 2212"}}}',
      ),
    },
  ],
  'pos.create': [
    {
      source: 'pos/create.yml',
      value: JSON.parse(
        '{"data":{"type":"pos","attributes":{"merchant_keep":10,"merchant_logo":"https://mysite.com/logo","merchant_name":"My Site","merchant_site":"https://mysite.com","merchant_slug":"my-site"}}}',
      ),
    },
  ],
  'users.create': [
    {
      source: 'users/create.yml',
      value: {
        data: { type: 'users', attributes: { email: 'user+test123@sample.com', password: 'password' } },
      },
    },
    { source: "Bitex's guide, API Authentication step 5", value: { data: { type: 'users' } } },
  ],
  'issues.complete': [{ source: 'compliance/issues/complete.yml', value: {} }],
  'naturalDocketSeeds.create': [
    {
      source: 'compliance/natural_docket_seeds/create.yml',
      value: JSON.parse(
        '{"data":{"type":"natural_docket_seeds","attributes":{"first_name":"Rick","last_name":"Sanchez","nationality":"AR","gender_code":"male","marital_status_code":"single","politically_exposed":false,"birth_date":"1989-05-17"}}}',
      ),
    },
  ],
  'identificationSeeds.create': [
    {
      source: 'compliance/identification_seeds/create.yml',
      value: JSON.parse(
        '{"data":{"type":"identification_seeds","attributes":{"identification_kind_code":"national_id","number":"12345678","issuer":"AR"}}}',
      ),
    },
  ],
  'domicileSeeds.create': [
    {
      source: 'compliance/domicile_seeds/create.yml',
      value: JSON.parse(
        '{"data":{"type":"domicile_seeds","attributes":{"city":"CABA","country":"AR","floor":"0","postal_code":"1001","street_address":"Balcarce","street_number":"50","state":"zaraza","apartment":"9º B"}}}',
      ),
    },
  ],
  'phoneSeeds.create': [
    {
      source: 'compliance/phone_seeds/create.yml',
      value: JSON.parse(
        '{"data":{"type":"phone_seeds","attributes":{"country":"AR","number":"1234567890","phone_kind_code":"main","has_telegram":true,"has_whatsapp":true,"note":"It´s a figure of speech, Morty!"}}}',
      ),
    },
  ],
  'emailSeeds.create': [
    {
      source: 'compliance/email_seeds/create.yml',
      value: JSON.parse(
        '{"data":{"type":"email_seeds","attributes":{"address":"sdk+invoicing@whitelabeler.com","email_kind_code":"invoicing"}}}',
      ),
    },
  ],
  'noteSeeds.create': [
    {
      source: 'compliance/note_seeds/create.yml',
      value: {
        data: {
          type: 'note_seeds',
          attributes: { title: 'Identification note', body: 'These are custom notes' },
        },
      },
    },
  ],
  'allowanceSeeds.create': [
    {
      source: 'compliance/allowance_seed/create.yml',
      value: { data: { type: 'allowance_seeds', attributes: { kind_code: 'usd' } } },
    },
  ],
  'argentinaInvoicingDetailSeeds.create': [
    {
      source: 'compliance/argentina_invoicing_detail_seeds/create.yml',
      value: JSON.parse(
        '{"data":{"type":"argentina_invoicing_detail_seeds","attributes":{"address":"Dimension C-132","country":"AR","full_name":"Rick Sanchez","receipt_kind_code":"b","tax_id":"20123456782","tax_id_kind_code":"cuil","vat_status_code":"consumidor_final"}}}',
      ),
    },
  ],
  'chileInvoicingDetailSeeds.create': [
    {
      source: 'compliance/chile_invoicing_detail_seeds/create.yml',
      value: JSON.parse(
        '{"data":{"type":"chile_invoicing_detail_seeds","attributes":{"ciudad":"Santiago","comuna":"Chile","giro":"2332","tax_id":"12053214-6","vat_status_code":"consumidor_final"}}}',
      ),
    },
  ],
  'attachments.create': [
    {
      source: 'compliance/attachments/create.yml (document cut short)',
      value: JSON.parse(
        '{"data":{"type":"attachments","relationships":{"attached_to_seed":{"data":{"id":"2707","type":"identification_seeds"}}},"attributes":{"document":"data:image/jpg;base64,/9j/4AAQSkZJRgABAQEAAQABAAD//gAPTGF2Yz","document_file_name":"id_front.jpg","document_content_type":"image/jpeg","document_file_size":106129}}}',
      ),
    },
  ],
};

/** Recorded query strings (`filter%5B…%5D` decoded), numbers as the SDK's arguments were. */
const QUERIES: Partial<Record<Name, Example>> = {
  'markets.get': { source: 'markets/with_resources/multiple.yml', value: { include: 'asks,bids' } },
  'transactions.list': {
    source: 'transactions/all/with_orderbook_and_from.yml',
    value: { 'filter[from]': 10, 'filter[orderbook_code]': 'bch_usd' },
  },
  'candles.list': {
    source: 'candles/all/with_all_filters.yml',
    value: { 'filter[days]': 10, 'filter[orderbook_code]': 'btc_usd', span: 8 },
  },
  'bids.list': { source: 'bids/all/with_filters.yml', value: { 'filter[orderbook_code]': 'btc_usd' } },
  'asks.list': { source: 'asks/all/with_filters.yml', value: { 'filter[orderbook_code]': 'btc_usd' } },
  'trades.list': {
    source: 'trades/all/with_filters.yml',
    value: { 'filter[days]': 50, 'filter[orderbook_code]': 'btc_usd', limit: 100 },
  },
  'buys.list': {
    source: 'buys/all/with_filters.yml',
    value: { 'filter[days]': 15, 'filter[orderbook_code]': 'btc_usd', limit: 50 },
  },
  'sells.list': {
    source: 'sells/all/with_filters.yml',
    value: { 'filter[days]': 15, 'filter[orderbook_code]': 'btc_usd', limit: 50 },
  },
  'coinWithdrawals.list': {
    source: 'coin_withdrawals/all/with_filters.yml',
    value: { 'filter[from]': '2019-01-01' },
  },
  'cashWithdrawals.list': {
    source: 'cash_withdrawals/all/with_filters.yml',
    value: { 'filter[from]': '2018-01-01' },
  },
  'coinDeposits.list': {
    source: 'coin_deposits/all/with_filters.yml',
    value: { 'filter[from]': '2019-01-01' },
  },
  'cashDeposits.list': {
    source: 'cash_deposits/all/with_filters.yml',
    value: { 'filter[from]': '2019-01-01' },
  },
  'cashDepositInstructions.list': {
    source: 'SDK comment, deposits/cash_deposit_instruction.rb',
    value: { 'filter[from]': '2019-01-01' },
  },
};

const names = Object.keys(bitexCatalog) as Name[];
const schemaOf = (name: Name, part: 'body' | 'query') =>
  (bitexCatalog[name] as { request?: { body?: z.ZodType; query?: z.ZodType } }).request?.[part];
const issuesOf = (schema: z.ZodType | undefined, value: unknown) => {
  const result = schema?.safeParse(value);
  return result?.success === false ? result.error.issues.map((i) => `${i.path.join('.')}: ${i.code}`) : [];
};

/** Copies `value` with `extra` merged at `path` (`['data', 'attributes']`; `[]` is the top level). */
function withField(value: unknown, path: string[], extra: Record<string, unknown>): unknown {
  const copy = structuredClone(value) as Record<string, unknown>;
  let target = copy;
  for (const key of path) target = target[key] as Record<string, unknown>;
  Object.assign(target, extra);
  return copy;
}

describe('Bitex request schemas', () => {
  it('have an example here for every body and query schema', () => {
    expect(names.filter((name) => schemaOf(name, 'body') && !BODIES[name])).toEqual([]);
    expect(names.filter((name) => schemaOf(name, 'query') && !QUERIES[name])).toEqual([]);
  });

  for (const [name, examples] of Object.entries(BODIES) as [Name, Example[]][]) {
    for (const { source, value } of examples) {
      it(`${name} accepts the body of ${source} and refuses it with an unknown field`, () => {
        const schema = schemaOf(name, 'body');
        expect(issuesOf(schema, value)).toEqual([]);
        expect(issuesOf(schema, withField(value, [], { extra: 1 }))).toEqual([': unrecognized_keys']);
        const data = (value as { data?: { attributes?: unknown } }).data;
        if (data) {
          const extra = withField(value, ['data'], { extra: 1 });
          expect(issuesOf(schema, extra)).toEqual(['data: unrecognized_keys']);
        }
        if (data?.attributes) {
          expect(issuesOf(schema, withField(value, ['data', 'attributes'], { extra: 1 }))).toEqual([
            'data.attributes: unrecognized_keys',
          ]);
        }
      });
    }
  }

  for (const [name, { source, value }] of Object.entries(QUERIES) as [Name, Example][]) {
    it(`${name} accepts the query of ${source} and refuses an unknown parameter`, () => {
      expect(issuesOf(schemaOf(name, 'query'), value)).toEqual([]);
      expect(issuesOf(schemaOf(name, 'query'), { ...(value as object), 'page[number]': 2 })).toEqual([
        ': unrecognized_keys',
      ]);
    });
  }
});

describe('the withdrawal and order bodies, as the SDK sends them', () => {
  const body = (name: Name) => schemaOf(name, 'body');
  const coin = BODIES['coinWithdrawals.create']?.[0]?.value;
  const [domestic, international, thirdParty] = (BODIES['withdrawalInstructions.create'] ?? []).map(
    (e) => e.value,
  );
  const instruction = (change: Record<string, unknown>, from: unknown = domestic) =>
    withField(from, ['data', 'attributes', 'body'], change);

  it('a coin withdrawal names the coin as coin_code (btc or bch), with a label, and no currency', () => {
    const { coin_code: _, ...attributes } = (coin as { data: { attributes: Record<string, unknown> } }).data
      .attributes;
    const asSandbox = { data: { type: 'coin_withdrawals', attributes: { ...attributes, currency: 'btc' } } };
    expect(issuesOf(body('coinWithdrawals.create'), asSandbox)).toEqual([
      'data.attributes.coin_code: invalid_value',
      'data.attributes: unrecognized_keys',
    ]);
    expect(
      issuesOf(body('coinWithdrawals.create'), withField(coin, ['data', 'attributes'], { coin_code: 'eth' })),
    ).toEqual(['data.attributes.coin_code: invalid_value']);
  });

  it('a cash withdrawal names its withdrawal instructions as a relationship', () => {
    const value = BODIES['cashWithdrawals.create']?.[0]?.value as { data: Record<string, unknown> };
    const { relationships: _, ...data } = value.data;
    expect(issuesOf(body('cashWithdrawals.create'), { data })).toEqual(['data.relationships: invalid_type']);
  });

  it('withdrawal instructions need every field of their payment method, and no field of another', () => {
    const schema = body('withdrawalInstructions.create');
    expect(issuesOf(schema, instruction({ cbu: undefined }))).toEqual([
      'data.attributes.body.cbu: invalid_type',
    ]);
    expect(issuesOf(schema, instruction({ bank_swift: undefined }, international))).toEqual([
      'data.attributes.body.bank_swift: invalid_type',
    ]);
    expect(issuesOf(schema, instruction({ cbu: '123' }, thirdParty))).toEqual([
      'data.attributes.body: unrecognized_keys',
    ]);
    expect(issuesOf(schema, instruction({ payment_method: 'paypal' }))).toEqual([
      'data.attributes.body.payment_method: invalid_union',
    ]);
    expect(issuesOf(schema, instruction({ account_type: 'current' }))).toEqual([
      'data.attributes.body.account_type: invalid_value',
    ]);
  });

  it('a domestic bank in AR or CL is one of the codes the SDK lists; elsewhere any bank', () => {
    const schema = body('withdrawalInstructions.create');
    expect(issuesOf(schema, instruction({ bank: 'chase' }))).toEqual(['data.attributes.body.bank: custom']);
    expect(issuesOf(schema, instruction({ country: 'CL', bank: 'hsbc' }))).toEqual([
      'data.attributes.body.bank: custom',
    ]);
    expect(issuesOf(schema, instruction({ country: 'CL', bank: 'bco_estado', currency: 'CLP' }))).toEqual([]);
    expect(issuesOf(schema, instruction({ country: 'UY', bank: 'brou', currency: 'UYU' }))).toEqual([]);
  });

  it('an order takes amount and price as JSON numbers or decimal strings, and its own type', () => {
    const order = (attributes: Record<string, unknown>, type = 'bids') => ({
      data: { type, attributes: { orderbook_code: 'btc_usd', amount: 3, price: 150, ...attributes } },
    });
    expect(issuesOf(body('bids.create'), order({ amount: '0.001', price: '30000.5' }))).toEqual([]);
    expect(issuesOf(body('bids.create'), order({ amount: '1,5' }))).toEqual([
      'data.attributes.amount: invalid_format',
    ]);
    expect(issuesOf(body('bids.create'), order({}, 'asks'))).toEqual(['data.type: invalid_value']);
    expect(issuesOf(body('asks.create'), order({ price: undefined }, 'asks'))).toEqual([
      'data.attributes.price: invalid_union',
    ]);
  });
});
