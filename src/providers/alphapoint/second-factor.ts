import { TwoFactorRequiredError } from '../../core/errors.js';
import { checkOneTimeCode } from '../../toolkit/one-time-code.js';
import type { Challenge } from './login-answer.js';
import type { TwoFactorSource } from './options.js';

/**
 * The code for a login's second step, over HTTP or the WebSocket alike: what the challenge carried is recorded as
 * issued (masked from then on), an account without a `twoFactor` source is refused naming the option, and the
 * code it returns is checked.
 */
export async function secondFactorCode(
  settings: {
    readonly issued: (credential: string) => void;
    readonly twoFactor: TwoFactorSource | undefined;
  },
  provider: string,
  challenge: Challenge,
): Promise<string> {
  for (const credential of [challenge.pending, challenge.halfToken])
    if (credential) settings.issued(credential);
  if (!settings.twoFactor) {
    throw new TwoFactorRequiredError(
      `${provider}: the account requires a second factor (${challenge.type ?? 'code'}); pass twoFactor: ({ type }) => code`,
      { provider, twoFactorType: challenge.type },
    );
  }
  return checkOneTimeCode(
    await settings.twoFactor({ type: challenge.type }),
    provider,
    'twoFactor',
    'twoFactor must return the current 6-digit code',
  );
}
