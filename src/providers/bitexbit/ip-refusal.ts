import { IpRefusedError } from '../../core/errors.js';
import type { Classification, ClassifyContext } from '../../core/provider.js';
import type { RawResponse } from '../../core/request.js';

/** The account's own-data reads: a read-only key may make every one of them, so their 403 is not its access type. */
const OWN_DATA_READS = /\/api\/v2\/private\/(?:balance|orders|trades|trading-fees)$/;

/**
 * A 403 on a read of the account's own data, told as the address refusal it is. bitexbit's 403 means "no access
 * to this operation": a key whose access type is too low, a call from an address not on the key's IP list
 * (bitexbit's API key FAQ, in reference/bitexbit.md), or an order of another user (the v2 docs' example). Every
 * access type may read balances, orders, trades and fees (the FAQ: a read-only key sees balances and account
 * data) and those reads name no other user's order, so a 403 on one leaves the IP list. bitexbit publishes no
 * separate answer for it: on every other call a 403 stays a permission refusal that names both causes.
 */
export function withIpRefusal(
  classification: Classification,
  raw: RawResponse,
  context: ClassifyContext,
): Classification {
  if (classification.kind !== 'error' || raw.status !== 403 || context.required !== 'read')
    return classification;
  if (!OWN_DATA_READS.test(context.path.split('?')[0] ?? '')) return classification;
  const { error } = classification;
  const message =
    `${error.message.replace(/[.;:]?\s*$/, '')}. This read of the account's own data is open to every access ` +
    "type, so bitexbit refused this machine's address: add its public address to the key's IP list on " +
    "bitexbit's API page, or call from an address on it";
  return {
    kind: 'error',
    error: new IpRefusedError(message, {
      provider: error.provider,
      status: error.status,
      exchangeCode: error.exchangeCode,
      responseBody: error.responseBody,
    }),
  };
}
