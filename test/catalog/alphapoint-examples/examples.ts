import type { alphapointCatalog } from '../../../src/providers/alphapoint/catalog.js';

// The AlphaPoint catalog's documented examples, copied from the public docs:
//   SLATE = github.com/alphapoint/slate @ a17bbe4, AlphaPoint's APEX API reference (source/includes/**)
//   KIIEX = github.com/KiiChain/kiichain-docs @ a00f027, Kiiex's OpenAPI files (.gitbook/assets/*.yaml), their
//           `example` values as JSON
// Where a published example is not valid JSON, or prints an enumeration as `{"Options": [...]}` (the list of its
// names, where the value goes), the copy says what it changes. Requests are copied with their field names in the
// wire's PascalCase (`omsId` -> `OMSId`). One file per area of the catalog (src/providers/alphapoint/endpoints/),
// answers and requests apart.

/** A catalog call's name. */
export type Name = keyof typeof alphapointCatalog;

/** One documented example and where it is printed. */
export interface Example {
  readonly source: string;
  readonly value: unknown;
}

/** Documented examples by call. */
export type Examples = Partial<Record<Name, readonly Example[]>>;

export const SLATE = 'alphapoint/slate source/includes';
export const KIIEX = 'KiiChain/kiichain-docs .gitbook/assets';
/**
 * Replaces each `{"Options": [name, ...]}` (some examples list an enumeration's names where its value goes) with the
 * first name, as the wire carries it.
 */
export function firstOption(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(firstOption);
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 1 && keys[0] === 'Options' && Array.isArray(record.Options)) return record.Options[0];
  return Object.fromEntries(keys.map((key) => [key, firstOption(record[key])]));
}

/** Each endpoint's documented answers. */
