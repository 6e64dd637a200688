import { AuthenticationError, ExchangeError } from '../../../core/errors.js';
import type { NonceSource } from '../../../core/nonce.js';
import { quote } from '../../../core/quote.js';
import type { Session } from '../../../core/session.js';
import { field } from '../../../toolkit/answers.js';
import { type LoginIds, readLoginAnswer } from '../login-answer.js';
import type { TwoFactorSource } from '../options.js';
import { secondFactorCode } from '../second-factor.js';
import { type AlphaPointSigner, alphapointHeaders } from '../signature.js';
import type { Connection } from './connection.js';
import { type Frame, MESSAGE, readPayload } from './frames.js';

/** What authenticating a gateway connection needs. */
export interface SocketAuthSettings {
  readonly provider: string;
  readonly signer: AlphaPointSigner;
  readonly nonces: NonceSource;
  readonly nonceKey: string;
  readonly twoFactor: TwoFactorSource | undefined;
  readonly now: () => number;
  /** Records a signature or pending token, so it is masked wherever it is echoed. */
  readonly issued: (credential: string) => void;
  readonly redact: (text: string) => string;
  /**
   * The key's session, shared with the HTTP side (and the fleet): the current one, or a new one from `login`
   * when this caller is the one to log in. `undefined` with `auth: 'signed-headers'` (no session to share).
   */
  readonly session: ((login: () => Promise<Session>) => Promise<Session>) | undefined;
  /** Drops `token` from the shared store when the gateway refused it, so the next use logs in again. */
  readonly expire: (token: string) => Promise<void>;
}

/** A frame's `o` as the text a login answer reader takes; an `m: 5` frame is a protocol error. */
function answerText(settings: SocketAuthSettings, frame: Frame, step: string): string {
  if (frame.m !== MESSAGE.error) return frame.o;
  const payload = readPayload(frame.o);
  const said = payload.json ? JSON.stringify(payload.value) : payload.text;
  throw new ExchangeError(
    `${settings.provider}: the gateway answered ${step} with an error: "${quote(settings.redact(said))}"`,
    {
      provider: settings.provider,
    },
  );
}

const read = (settings: SocketAuthSettings, frame: Frame, step: string) =>
  readLoginAnswer(
    settings.provider,
    { status: 200, headers: {}, text: answerText(settings, frame, step) },
    step,
    settings.now(),
    settings.redact,
  );

const merged = (later: LoginIds, earlier: LoginIds | undefined, userId: string): Session['info'] => ({
  userId: later.userId ?? earlier?.userId ?? userId,
  accountId: later.accountId ?? earlier?.accountId,
  omsId: later.omsId ?? earlier?.omsId,
});

/**
 * `AuthenticateUser` on the connection, signed over a fresh nonce (`UserId` and `Nonce` as strings, as APEX 3.3
 * wants), then `Authenticate2FA {"Code"}` on the same connection when the answer is a second-factor challenge.
 * The session it returns authenticates this connection and becomes the key's.
 */
export async function loginOverSocket(
  connection: Connection,
  settings: SocketAuthSettings,
): Promise<Session> {
  const { provider, signer } = settings;
  const nonce = await settings.nonces.next(settings.nonceKey, settings.now());
  const headers = alphapointHeaders(signer, nonce);
  settings.issued(headers.Signature ?? '');
  const body = { APIKey: headers.APIKey, Signature: headers.Signature, UserId: signer.userId, Nonce: nonce };
  const first = read(
    settings,
    await connection.request('AuthenticateUser', JSON.stringify(body)),
    'the login',
  );
  if ('session' in first) {
    const { token, ids } = first.session;
    return { token, info: merged(ids, undefined, signer.userId), obtainedAt: settings.now() };
  }
  const { challenge } = first;
  const code = await secondFactorCode(settings, provider, challenge);
  const reply = await connection.request('Authenticate2FA', JSON.stringify({ Code: code }));
  const second = read(settings, reply, 'the second factor');
  if (!('session' in second)) {
    throw new AuthenticationError(`${provider}: the exchange asked for a second factor again`, { provider });
  }
  return {
    token: second.session.token,
    info: merged(second.session.ids, challenge.ids, signer.userId),
    obtainedAt: settings.now(),
  };
}

/** Whether a `WebAuthenticateUser` answer authenticated the connection. */
function accepted(frame: Frame): boolean {
  if (frame.m !== MESSAGE.reply) return false;
  const payload = readPayload(frame.o);
  return (
    payload.json &&
    field(payload.value, 'Authenticated') === true &&
    field(payload.value, 'Requires2FA') !== true
  );
}

/**
 * Authenticates a new connection and returns the session it runs on. With a shared session: the key's current
 * token through `WebAuthenticateUser` (no new login: HTTP and WebSocket share one), or, when there is none, a
 * login on this connection that becomes the key's. A refused token is dropped and the key's session renewed once;
 * a second refusal is an AuthenticationError. Without one (`auth: 'signed-headers'`), a signed login on every
 * connection.
 */
export async function authenticateConnection(
  connection: Connection,
  settings: SocketAuthSettings,
): Promise<Session> {
  const { session } = settings;
  if (!session) return loginOverSocket(connection, settings);
  for (let renewed = false; ; renewed = true) {
    let here: Session | undefined;
    const current = await session(async () => {
      here = await loginOverSocket(connection, settings);
      return here;
    });
    if (here !== undefined && current.token === here.token) return current;
    const reply = await connection.request(
      'WebAuthenticateUser',
      JSON.stringify({ SessionToken: current.token }),
    );
    if (accepted(reply)) return current;
    await settings.expire(current.token);
    if (renewed) {
      throw new AuthenticationError(
        `${settings.provider}: the gateway refused the key's session twice (WebAuthenticateUser), a renewed one too`,
        { provider: settings.provider },
      );
    }
  }
}
