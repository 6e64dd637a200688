import {
  AuthenticationError,
  ExchangeError,
  PermissionDeniedError,
  RateLimitError,
} from '../../core/errors.js';
import type { Classification, ClassifyContext } from '../../core/provider.js';
import type { RawResponse } from '../../core/request.js';
import { classifySuccess, field, readRefusal, retryAfterMs } from '../../toolkit/answers.js';

function firstJsonApiError(value: unknown): string | undefined {
  const errors = field(value, 'errors');
  if (!Array.isArray(errors) || errors.length === 0) return undefined;
  const first = errors[0] as Record<string, unknown>;
  const parts = [first.title, first.detail, first.code].filter(
    (part): part is string | number => typeof part === 'string' || typeof part === 'number',
  );
  return parts.length ? parts.join(': ') : undefined;
}

/**
 * Reads a Bitex answer. Bitex says "Invalid Api Key" and "Not enough permissions" with the same 401, in a plain
 * `{"error": …}` body; validation and not-found answers use JSON:API `errors`.
 */
export function classifyBitex(response: RawResponse, ctx: ClassifyContext): Classification {
  const success = classifySuccess(response, ctx);
  if (success) return success;
  const { status } = response;
  const base = { provider: ctx.provider, status };
  const { value, said, saying, where } = readRefusal(response, ctx, (value) => {
    const error = field(value, 'error');
    return typeof error === 'string' ? error : firstJsonApiError(value);
  });

  if (status === 401 && /not enough permissions/i.test(said)) {
    return {
      kind: 'error',
      error: new PermissionDeniedError(
        `bitex: the key lacks the permission for ${where} (401${saying}); enable it on the API keys page`,
        { ...base, required: ctx.required, granted: ctx.granted, source: 'exchange', exchangeCode: said },
      ),
    };
  }
  if (status === 401) {
    return {
      kind: 'error',
      error: new AuthenticationError(
        `bitex: the exchange refused the credentials for ${where} (401${saying})`,
        {
          ...base,
          exchangeCode: said || undefined,
        },
      ),
    };
  }
  if (status === 429) {
    const wait = retryAfterMs(response.headers, ctx.clock.now());
    return {
      kind: 'error',
      error: new RateLimitError(
        `bitex: rate limited on ${where} (429${saying}); Bitex allows 5 requests per second`,
        {
          ...base,
          retryAfterMs: wait,
        },
      ),
    };
  }
  const details = field(value, 'errors');
  const kind = status === 422 ? 'refused' : status === 404 ? 'found nothing at' : 'failed';
  return {
    kind: 'error',
    error: new ExchangeError(`bitex: the exchange ${kind} ${where} (${status}${saying})`, {
      ...base,
      exchangeCode: said || undefined,
      details,
    }),
  };
}
