import { z } from 'zod';
import { buildOnce } from '../../../core/build-once.js';
import { caseInsensitiveObject } from '../../../core/case-insensitive.js';

/** This module's schemas, built on first use: building every catalog's schemas at import made loading slow. */
export const commonSchemas = buildOnce(() => {
  // Shapes shared by the AlphaPoint APEX calls. Sources: AlphaPoint's APEX API docs (github.com/alphapoint/slate,
  // source/includes/**), Kiiex's OpenAPI files (github.com/KiiChain/kiichain-docs, .gitbook/assets/*.yaml), and
  // where those two disagree with what the wire carries, the NDAX answers quoted in ccxt (js/src/ndax.js).
  //
  // Request schemas are strict (an unknown field is a mistake, refused before anything is sent) and use the
  // PascalCase names AlphaPoint's wire uses (OMSId, AccountId ...). Answer schemas are loose (a field AlphaPoint adds
  // later passes through) and read field names case-insensitively: the wire carries PascalCase, the docs often print
  // camelCase (`omsId`, `accountId`), so `answer()` renames each documented field to one spelling before checking it.
  // Where the sources disagree on a field, every documented variant is accepted; a field only some sources list is
  // optional.

  /** A whole number: ids, counts, POSIX or .NET ticks timestamps. */
  const int = z.number().int();

  /**
   * A .NET ticks value (100 ns since 0001-01-01: `637431662755912377`). It is beyond 2^53, so JSON.parse rounds it:
   * any number is taken.
   */
  const ticks = z.number();

  /** A decimal amount or price: the docs call them `real` or `decimal` and print JSON numbers. */
  const decimal = z.number();

  /**
   * An APEX enumeration. The docs print most as numbers (`"Side": 0`, `"productType": 0`) and some as names
   * (`"Side": "Buy"`); Kiiex's files and the wire carry names (`"SessionStatus": "Running"`). Both are accepted.
   */
  const apexEnum = z.union([int, z.string()]);

  /**
   * An answer that some deployments send JSON-encoded in a string (NDAX's GetDeposits: `"[{\"OMSId\": 1, ...}]"`,
   * test/fixtures/wire/alphapoint): the text is parsed and checked as `schema`, so `data` is the same either way.
   */
  function orJsonText<const S extends z.ZodType>(schema: S) {
    const parsed = z.string().transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'expected JSON text' });
        return z.NEVER;
      }
    });
    return z.union([schema, parsed.pipe(schema)]);
  }

  /** A JSON object whose keys vary by account provider (templates, deposit information). */
  const providerObject = z.record(z.string(), z.unknown());

  /**
   * A field slate prints as a JSON string (`"TemplateForm": "{...}"`, `"Comments": "[...]"`) and Kiiex as the
   * object or array itself.
   */
  const jsonText = z.union([z.string(), providerObject, z.array(z.unknown())]);

  /** A string the docs show as `null` in some examples (`"symbol": null`, `"assetName": null`). */
  const text = z.string().nullable();

  /** A .NET date-time string (`"0001-01-01T00:00:00"`, `"2018-08-17T15:34:20Z"`). */
  const dateTime = z.string();

  /**
   * The stated rule for numbers in answers: a field documented as a number is also taken as a string holding that
   * number, and read as the number (`"OMSId": "1"` is `OMSId: 1`). NDAX sends ids and .NET decimals as strings in
   * GetProducts, GetInstruments and GetLevel1 (test/fixtures/wire/alphapoint); the docs print numbers. A whole-number
   * field still refuses a fraction or anything past 2^53, in either form. Requests keep plain numbers.
   */
  const DECIMAL_TEXT = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
  const wireNumber = (number: z.ZodNumber, pattern: RegExp) =>
    z.union([number, z.string().regex(pattern).transform(Number).pipe(number)]);
  const wireInt = wireNumber(int, /^-?\d+$/);
  const wireDecimal = wireNumber(decimal, DECIMAL_TEXT);

  /** A field's schema as answers carry it: documented numbers may arrive as numeric strings. */
  function onWire(schema: z.ZodType): z.ZodType {
    if (schema === int) return wireInt;
    if (schema === decimal || schema === ticks) return wireDecimal;
    if (schema instanceof z.ZodOptional) {
      const inner = onWire(schema.unwrap() as z.ZodType);
      return inner === schema.unwrap() ? schema : inner.optional();
    }
    if (schema instanceof z.ZodNullable) {
      const inner = onWire(schema.unwrap() as z.ZodType);
      return inner === schema.unwrap() ? schema : inner.nullable();
    }
    return schema;
  }

  /**
   * A loose answer object whose documented fields are matched case-insensitively (`omsId`, `OMSId` and `OMSID` are
   * all `OMSId`); the parsed value carries the names given here. Other fields pass through unchanged. Numbers follow
   * the rule above.
   */
  function answer<const S extends z.ZodRawShape>(shape: S) {
    const widened = Object.fromEntries(
      Object.entries(shape).map(([name, schema]) => [name, onWire(schema as z.ZodType)]),
    ) as unknown as S;
    return caseInsensitiveObject(widened);
  }

  /**
   * The standard response object (`{result, errormsg, errorcode, detail}`): "Standard Response Objects and Common
   * Error Codes" (Kiiex) and every call that answers with it. A refusal (`result: false`) is turned into an error
   * before this schema sees it.
   */
  const standardResponse = answer({
    result: z.boolean(),
    errormsg: text,
    errorcode: int,
    detail: text,
  });

  /**
   * The envelope of the asset-manager answers (`GetDepositInfo`, `GetWithdrawTemplate` ...): `result`, `errormsg`
   * and `statuscode` (32 Not Authorized, 33 Asset_Manager_Not_Found ...), without `errorcode` and `detail`. The docs
   * print `statuscode` as a number; ccxt's NDAX samples show `"0"`: both are accepted.
   */
  const assetManagerEnvelope = {
    result: z.boolean(),
    errormsg: text,
    statuscode: z.union([int, z.string()]),
  } as const;

  /** A body with no fields: the call documents no payload (the client sends `{}`). */
  const noBody = z.strictObject({});

  /** `{OMSId, AccountId}`: the calls that read one account. */
  const accountBody = z.strictObject({ OMSId: int, AccountId: int });

  /** One row of an account's ledger (GetAccountTransactions, GetAccountDepositTransactions ...). */
  const accountTransaction = answer({
    TransactionId: int,
    OMSId: int,
    AccountId: int,
    CR: decimal,
    DR: decimal,
    Counterparty: int,
    TransactionType: apexEnum,
    ReferenceId: int,
    ReferenceType: apexEnum,
    ProductId: int,
    Balance: decimal,
    TimeStamp: int,
  });

  /** `{OMSId, AccountId, Depth}`: the ledger calls. `Depth` defaults to 200. */
  const ledgerBody = z.strictObject({ OMSId: int, AccountId: int, Depth: int.optional() });
  return {
    int,
    ticks,
    decimal,
    apexEnum,
    orJsonText,
    providerObject,
    jsonText,
    text,
    dateTime,
    answer,
    standardResponse,
    assetManagerEnvelope,
    noBody,
    accountBody,
    accountTransaction,
    ledgerBody,
  };
});
