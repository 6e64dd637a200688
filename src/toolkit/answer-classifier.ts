import {
  AuthenticationError,
  ConfigurationError,
  ExchangeError,
  PermissionDeniedError,
  RateLimitError,
} from '../core/errors.js';
import type { Classification, ClassifyContext } from '../core/provider.js';
import { quote } from '../core/quote.js';
import type { RawResponse } from '../core/request.js';
import { classifySuccess, field, type Refusal, readRefusal, retryAfterMs } from './answers.js';

/**
 * What a refused answer means, as {@link answerClassifier} turns it into a classification:
 * - `'auth-expired'`: the credentials were refused as expired *before the request ran*; the pipeline renews them
 *   and sends the request once more, whatever its method. Only for a refusal the exchange documents as such.
 * - `'authentication'`: an AuthenticationError (the credentials were refused; never sent again);
 * - `'permission'`: a PermissionDeniedError with `source: 'exchange'`;
 * - `'rate-limit'`: a RateLimitError with the answer's `Retry-After`;
 * - `'exchange'`: an ExchangeError with the status (a 5xx is retried where a repeat is safe).
 */
export type RefusalKind = 'auth-expired' | 'authentication' | 'permission' | 'rate-limit' | 'exchange';

/** A refused (non-2xx) answer, as a provider's {@link AnswerClassifierOptions.refusals} reads it. */
export interface RefusedAnswer extends Refusal {
  /** The HTTP status. */
  readonly status: number;
  /** The answer's headers, names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
}

/** Options of {@link answerClassifier}. */
export interface AnswerClassifierOptions {
  /**
   * Finds the exchange's own message in a JSON error body. It is quoted in errors (secrets masked, length
   * bounded) and is their `exchangeCode`. Default {@link errorMessageOf}.
   */
  message?: (value: unknown) => string | undefined;
  /** What an ExchangeError's `details` holds. Default the whole JSON body (`undefined` when it was not JSON). */
  details?: (value: unknown) => unknown;
  /** A sentence appended to the message of each kind of error: what the user should check. */
  advice?: {
    readonly authentication?: string;
    readonly permission?: string;
    readonly rateLimit?: string;
  };
  /**
   * The exchange's documented refusals, read before the defaults: the kind a refused answer is, a whole
   * classification of your own, or `undefined` for the default reading by status. Return `'auth-expired'` only
   * for a refusal documented to come before the request ran: the request is then sent again.
   */
  refusals?: (answer: RefusedAnswer, context: ClassifyContext) => RefusalKind | Classification | undefined;
}

/**
 * The first readable message of an error body: its `message`, `error` or `detail` (a string or a number), else
 * the first of its `errors` (a string, or an object read the same way).
 */
export function errorMessageOf(value: unknown): string | undefined {
  for (const name of ['message', 'error', 'detail']) {
    const text = field(value, name);
    if (typeof text === 'string' && text !== '') return text;
    if (typeof text === 'number') return String(text);
  }
  const errors = field(value, 'errors');
  const first: unknown = Array.isArray(errors) ? errors[0] : undefined;
  if (typeof first === 'string') return first;
  return first === undefined ? undefined : errorMessageOf(first);
}

/** By status, when no documented refusal says otherwise. */
function kindOf(status: number): RefusalKind {
  if (status === 401) return 'authentication';
  if (status === 403) return 'permission';
  if (status === 429) return 'rate-limit';
  return 'exchange';
}

const verbOf = (status: number) =>
  status === 400 || status === 422 ? 'refused' : status === 404 ? 'found nothing at' : 'failed';

const wholeBody = (value: unknown) => value;

function checkOptions(options: AnswerClassifierOptions): void {
  const wrong = (['message', 'details', 'refusals'] as const).find(
    (name) => options[name] !== undefined && typeof options[name] !== 'function',
  );
  const advice = options.advice as Record<string, unknown> | undefined;
  const badAdvice =
    advice !== undefined &&
    (typeof advice !== 'object' ||
      advice === null ||
      Object.entries(advice).some(
        ([name, text]) =>
          !['authentication', 'permission', 'rateLimit'].includes(name) ||
          (text !== undefined && typeof text !== 'string'),
      ));
  if (wrong || badAdvice) {
    const field = wrong ?? 'advice';
    throw new ConfigurationError(
      `answerClassifier: option "${field}" must be ${wrong ? 'a function' : 'an object of authentication, permission and rateLimit sentences'}`,
      { provider: 'answerClassifier', field },
    );
  }
}

/**
 * The common reading of an exchange's answers, for a provider's `classify`:
 * - 2xx: ok with the JSON (no data for an empty body); an HTML page or truncated JSON is a
 *   ResponseValidationError that describes it (see {@link classifySuccess});
 * - 401: AuthenticationError; 403: PermissionDeniedError (`source: 'exchange'`);
 * - 429: RateLimitError with `Retry-After`;
 * - 3xx: ExchangeError saying where the redirect led (redirects are never followed: they would carry the
 *   credentials elsewhere);
 * - any other status (4xx refusals, 5xx failures): ExchangeError with the status, which the pipeline retries
 *   for idempotent requests when it is a 5xx.
 * Errors quote the exchange's own message (found by `message`, secrets masked). A provider adds the refusals its
 * exchange documents with `refusals`, which are read first. An exchange that reports refusals inside 2xx
 * answers needs a classifier of its own, built from the same helpers ({@link readRefusal}, {@link classifySuccess}).
 *
 * @example
 * ```ts
 * classify: answerClassifier({
 *   advice: { rateLimit: 'the exchange allows 10 requests per second' },
 *   refusals: ({ status, said }) => (status === 400 && said === 'nonce too small' ? 'auth-expired' : undefined),
 * }),
 * ```
 */
export function answerClassifier(
  options: AnswerClassifierOptions = {},
): (response: RawResponse, context: ClassifyContext) => Classification {
  checkOptions(options);
  const message = options.message ?? errorMessageOf;
  const details = options.details ?? wholeBody;
  const { refusals } = options;
  const advice = (text: string | undefined) => (text ? `; ${text}` : '');
  const auth = advice(options.advice?.authentication);
  const permission = advice(options.advice?.permission);
  const rateLimit = advice(options.advice?.rateLimit);

  return (response, ctx) => {
    const success = classifySuccess(response, ctx);
    if (success) return success;
    const { status } = response;
    const refusal = readRefusal(response, ctx, message);
    const documented = refusals?.({ ...refusal, status, headers: response.headers }, ctx);
    if (typeof documented === 'object' && documented !== null) return documented;
    const kind = documented ?? kindOf(status);
    if (kind === 'auth-expired') return { kind };

    const { value, said, saying, where } = refusal;
    const base = { provider: ctx.provider, status, exchangeCode: said || undefined };
    const p = ctx.provider;
    switch (kind) {
      case 'authentication':
        return {
          kind: 'error',
          error: new AuthenticationError(
            `${p}: the exchange refused the credentials for ${where} (${status}${saying})${auth}`,
            base,
          ),
        };
      case 'permission':
        return {
          kind: 'error',
          error: new PermissionDeniedError(
            `${p}: the exchange refused ${where} (${status}${saying})${permission}`,
            {
              ...base,
              required: ctx.required,
              granted: ctx.granted,
              source: 'exchange',
            },
          ),
        };
      case 'rate-limit':
        return {
          kind: 'error',
          error: new RateLimitError(`${p}: rate limited on ${where} (${status}${saying})${rateLimit}`, {
            ...base,
            retryAfterMs: retryAfterMs(response.headers, ctx.clock.now()),
          }),
        };
    }
    const fields = { ...base, details: details(value) };
    if (status >= 300 && status < 400) {
      const location = response.headers.location;
      const to = location ? ` to "${quote(ctx.redact(location), 200)}"` : '';
      return {
        kind: 'error',
        error: new ExchangeError(
          `${p}: the exchange redirected ${where} (${status})${to}; redirects are not followed, since they ` +
            'would carry the signed headers elsewhere: set baseURL to the host that answers directly',
          fields,
        ),
      };
    }
    return {
      kind: 'error',
      error: new ExchangeError(`${p}: the exchange ${verbOf(status)} ${where} (${status}${saying})`, fields),
    };
  };
}
