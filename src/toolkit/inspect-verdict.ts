import {
  AuthenticationError,
  IpRefusedError,
  PermissionDeniedError,
  TwoFactorRequiredError,
} from '../core/errors.js';
import type {
  AddressVerdict,
  CredentialsVerdict,
  InspectContext,
  ProviderInspection,
} from '../core/inspect.js';

/** What one harmless call showed: it passed, or the exchange refused it in one of the ways a doctor reports. */
export type ProbeOutcome =
  | { readonly kind: 'ok'; readonly data: unknown }
  | { readonly kind: 'permission'; readonly said: string }
  | {
      readonly kind: 'refused';
      readonly credentials: CredentialsVerdict;
      readonly address: AddressVerdict;
      readonly said: string;
    };

/**
 * Sends one harmless call and reads its outcome: an answer, a permission refusal, or a refusal of the
 * credentials or of this address (with the exchange's words, secrets already masked). Anything else (a
 * network error, the exchange's own failure) is thrown: the doctor cannot tell, and says so by rejecting.
 */
export async function inspectProbe(
  context: InspectContext,
  request: Parameters<InspectContext['request']>[0],
): Promise<ProbeOutcome> {
  try {
    const { data } = await context.request(request);
    return { kind: 'ok', data };
  } catch (error) {
    if (error instanceof PermissionDeniedError) return { kind: 'permission', said: error.message };
    if (error instanceof IpRefusedError)
      return { kind: 'refused', credentials: 'unknown', address: 'refused', said: error.message };
    if (error instanceof TwoFactorRequiredError)
      return { kind: 'refused', credentials: 'two-factor-required', address: 'unknown', said: error.message };
    if (error instanceof AuthenticationError) {
      const credentials = error.code === 'locked' ? 'locked' : 'invalid';
      return { kind: 'refused', credentials, address: 'unknown', said: error.message };
    }
    throw error;
  }
}

/** The inspection of credentials the exchange refused (or of an address it refused): nothing more to ask. */
export function refusedInspection(
  outcome: Extract<ProbeOutcome, { kind: 'refused' }>,
  address: AddressVerdict,
  clockMatters: boolean,
): ProviderInspection {
  return {
    credentials: outcome.credentials,
    address: outcome.address === 'refused' ? 'refused' : address,
    permissions: undefined,
    clockMatters,
    notes: [`the exchange refused the first call: ${outcome.said}`],
  };
}
