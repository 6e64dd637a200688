import { ExchangeError, RateLimitError } from '../../core/errors.js';
import type { Classification, ClassifyContext } from '../../core/provider.js';
import type { RawResponse } from '../../core/request.js';
import { classifySuccess, describeBody, field, readJson, retryAfterMs } from '../../toolkit/answers.js';

/** AlphaPoint's standard error codes. */
export const ALPHAPOINT_ERROR_CODES: Readonly<Record<number, string>> = {
  20: 'Not Authorized',
  100: 'Invalid Request',
  101: 'Operation Failed',
  102: 'Server Error',
  104: 'Resource Not Found',
  107: 'Operation In Process',
};

const NOT_AUTHORIZED = 20;

function refusal(value: unknown): { code: number | undefined; message: string } | undefined {
  if (field(value, 'result') !== false) return undefined;
  const code = Number(field(value, 'errorcode'));
  const message = field(value, 'errormsg');
  return {
    code: Number.isFinite(code) ? code : undefined,
    message: typeof message === 'string' ? message : '',
  };
}

/**
 * Reads an AlphaPoint answer. `{"result":false,"errorcode":20}` means the session is gone, whatever the HTTP
 * status (200, 400 and 401 are all seen), and so does a plain 401: the request was refused before it ran, so the
 * pipeline logs in again and sends it once more. Other `result:false` answers are exchange errors with their
 * code.
 */
export function classifyAlphaPoint(response: RawResponse, ctx: ClassifyContext): Classification {
  const { status } = response;
  const body = readJson(response);
  const refused = body.kind === 'json' ? refusal(body.value) : undefined;
  if (refused?.code === NOT_AUTHORIZED || (status === 401 && !refused)) return { kind: 'auth-expired' };
  if (!refused) {
    const success = classifySuccess(response, ctx);
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
    ? ` (${refused.code ?? '?'} ${ctx.redact(refused.message) || ALPHAPOINT_ERROR_CODES[refused.code ?? -1] || ''})`
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
