import { AuthenticationError, ExchangeError, RateLimitError } from '../../core/errors.js';
import type { Classification, ClassifyContext } from '../../core/provider.js';
import { quote } from '../../core/quote.js';
import type { RawResponse } from '../../core/request.js';
import { classifySuccess, describeBody, field, readJson, retryAfterMs } from '../../toolkit/answers.js';

/** AlphaPoint's standard error codes. */
export const ALPHAPOINT_ERROR_CODES: Readonly<Record<number, string>> = {
  20: 'Not Authorized',
  100: 'Invalid Response',
  101: 'Operation Failed',
  102: 'Server Error',
  104: 'Resource Not Found',
  107: 'Operation In Process',
};

const NOT_AUTHORIZED = 20;

/**
 * A refusal: the standard `result: false`, or an order the OMS answered `"status": "Rejected"` (slate SendOrder:
 * "if not [accepted] it returns Rejected"; NDAX on the wire: `{"status":"Rejected","errormsg":"Not_Enough_Funds",
 * "errorcode":101}`, without `result`).
 */
function refusal(value: unknown): { code: number | undefined; message: string } | undefined {
  const result = field(value, 'result');
  if (result !== false && !(result === undefined && field(value, 'status') === 'Rejected')) return undefined;
  const code = Number(field(value, 'errorcode'));
  const message = field(value, 'errormsg');
  return {
    code: Number.isFinite(code) ? code : undefined,
    message: typeof message === 'string' ? message : '',
  };
}

/** The statuses the documented "Not Authorized" refusal is seen with. */
const REFUSAL_STATUSES = new Set([200, 400, 401]);

/**
 * Whether an answer proves the session was refused before the request ran, so logging in again and sending it
 * once more cannot execute it twice. Only the documented refusal proves it: `{"result":false,"errorcode":20}`
 * at HTTP 200, 400 or 401, or a 401 whose body does not claim success. A 5xx, or a body saying
 * `result: true`, proves nothing of the kind, whatever else it says.
 */
function provesRefusal(status: number, value: unknown): boolean {
  const result = field(value, 'result');
  if (result === true) return false;
  if (status === 401) return true;
  return (
    REFUSAL_STATUSES.has(status) && result === false && Number(field(value, 'errorcode')) === NOT_AUTHORIZED
  );
}

/**
 * An HTTP 404 on a private call that is not one of AlphaPoint's own coded answers. ccxt's NDAX client reads any
 * 404 as an authentication failure, and ccxt#26827 reports a 404 on a private `GET /AP/GetTradesHistory`; no
 * source says whether the request ran before it was refused (or whether the function is simply not served), so
 * it is an AuthenticationError that is never resent and keeps the session. A 404 on a public call, which
 * carries no credentials, or one carrying an AlphaPoint code other than 20, is an ExchangeError.
 */
function notFoundOnPrivateCall(
  status: number,
  refused: ReturnType<typeof refusal>,
  ctx: ClassifyContext,
): AuthenticationError | undefined {
  if (status !== 404 || ctx.required === 'public') return undefined;
  if (refused && refused.code !== undefined && refused.code !== NOT_AUTHORIZED) return undefined;
  return new AuthenticationError(
    `${ctx.provider}: ${ctx.method} ${ctx.path} answered HTTP 404: the deployment refused the credentials ` +
      '(as ccxt reads it) or does not serve this function; not sent again, since a 404 does not prove the ' +
      'request was refused before it ran',
    { provider: ctx.provider, status },
  );
}

/**
 * Reads an AlphaPoint answer. The documented refusal of an expired session (see {@link provesRefusal}) is
 * `auth-expired`: the pipeline logs in again and sends the request once more. A 404 on a private call is an
 * AuthenticationError, never resent (see {@link notFoundOnPrivateCall}). Other `result:false` answers are
 * exchange errors with their code.
 */
export function classifyAlphaPoint(response: RawResponse, ctx: ClassifyContext): Classification {
  const { status } = response;
  const body = readJson(response);
  const refused = body.kind === 'json' ? refusal(body.value) : undefined;
  if (provesRefusal(status, body.kind === 'json' ? body.value : undefined)) return { kind: 'auth-expired' };
  const notFound = notFoundOnPrivateCall(status, refused, ctx);
  if (notFound) return { kind: 'error', error: notFound };
  if (!refused) {
    const success = classifySuccess(response, ctx, body);
    if (success) return success;
  }
  const where = `${ctx.method} ${ctx.path}`;
  if (status === 429) {
    return {
      kind: 'error',
      error: new RateLimitError(`${ctx.provider}: rate limited on ${where} (429)`, {
        provider: ctx.provider,
        status,
        retryAfterMs: retryAfterMs(response.headers, ctx.clock.now()),
      }),
    };
  }
  const said = refused
    ? ` (${refused.code ?? '?'} ${quote(ctx.redact(refused.message)) || ALPHAPOINT_ERROR_CODES[refused.code ?? -1] || ''})`
    : body.kind === 'json'
      ? ''
      : ` with ${describeBody(response, body)}`;
  return {
    kind: 'error',
    error: new ExchangeError(`${ctx.provider}: the exchange refused ${where}: HTTP ${status}${said}`, {
      provider: ctx.provider,
      status,
      exchangeCode: refused?.code,
      details: body.kind === 'json' ? field(body.value, 'detail') : undefined,
    }),
  };
}
