import {
  AuthenticationError,
  ExchangeError,
  PermissionDeniedError,
  RateLimitError,
} from '../../core/errors.js';
import type { Classification, ClassifyContext } from '../../core/provider.js';
import { quote } from '../../core/quote.js';
import type { RawResponse } from '../../core/request.js';
import { classifySuccess, field, readRefusal, retryAfterMs } from '../../toolkit/answers.js';

/** The first readable message of an error body: `message`, `error`, `detail`, or the first of `errors`. */
function saidBy(value: unknown): string | undefined {
  for (const name of ['message', 'error', 'detail']) {
    const text = field(value, name);
    if (typeof text === 'string' && text !== '') return text;
    if (typeof text === 'number') return String(text);
  }
  const errors = field(value, 'errors');
  const first: unknown = Array.isArray(errors) ? errors[0] : undefined;
  if (typeof first === 'string') return first;
  return first === undefined ? undefined : saidBy(first);
}

/**
 * Reads a bitexbit answer: 2xx JSON is ok; 401 means the authentication headers were refused (a wrong key or
 * signature, a stale nonce or an expired gateway deadline); 403 means the key's access type is too low or the
 * calling address is not on its IP list; 429 is the rate limit; 400 is bad input with details in the body;
 * 5xx is the exchange's own failure; a 3xx is a redirect, never followed, so the message names where it led.
 */
export function classifyBitexbit(response: RawResponse, ctx: ClassifyContext): Classification {
  const success = classifySuccess(response, ctx);
  if (success) return success;
  const { status } = response;
  const base = { provider: ctx.provider, status };
  const { value, said, saying, where } = readRefusal(response, ctx, saidBy);
  const exchangeCode = said || undefined;

  if (status === 401) {
    return {
      kind: 'error',
      error: new AuthenticationError(
        `bitexbit: the exchange refused the authentication headers for ${where} (401${saying}); check the ` +
          'key pair, and that no other program uses this key with higher nonces',
        { ...base, exchangeCode },
      ),
    };
  }
  if (status === 403) {
    return {
      kind: 'error',
      error: new PermissionDeniedError(
        `bitexbit: the exchange refused ${where} (403${saying}); the key's access type is too low or this ` +
          "address is not on the key's IP list",
        { ...base, required: ctx.required, granted: ctx.granted, source: 'exchange', exchangeCode },
      ),
    };
  }
  if (status === 429) {
    return {
      kind: 'error',
      error: new RateLimitError(
        `bitexbit: rate limited on ${where} (429${saying}); bitexbit allows 2 private calls per second`,
        { ...base, retryAfterMs: retryAfterMs(response.headers, ctx.clock.now()), exchangeCode },
      ),
    };
  }
  if (status >= 300 && status < 400) {
    const location = response.headers.location;
    const to = location ? ` to "${quote(ctx.redact(location), 200)}"` : '';
    return {
      kind: 'error',
      error: new ExchangeError(
        `bitexbit: the exchange redirected ${where} (${status})${to}; redirects are not followed, since they ` +
          'would carry the signed headers elsewhere: set baseURL to the host that answers directly',
        { ...base, exchangeCode, details: value },
      ),
    };
  }
  const kind = status === 400 ? 'refused' : status === 404 ? 'found nothing at' : 'failed';
  return {
    kind: 'error',
    error: new ExchangeError(`bitexbit: the exchange ${kind} ${where} (${status}${saying})`, {
      ...base,
      exchangeCode,
      details: value,
    }),
  };
}
