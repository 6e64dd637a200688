import { expect } from 'vitest';
import type { DriftedResponse } from '../../src/index.js';

/** The answer, asserted to match its endpoint's schema (no `drift`), with `data` typed. */
export function checked<R extends { readonly drift?: unknown }>(response: R): Exclude<R, DriftedResponse> {
  expect(response.drift).toBeUndefined();
  return response as Exclude<R, DriftedResponse>;
}
