import { parseAnswer } from '../core/answer-check.js';
import type { ExchangeResponse, RequestOptions } from '../core/client.js';
import { type ExchangeAuthError, ExchangeError, ResponseValidationError } from '../core/errors.js';
import type { RawResponse } from '../core/request.js';
import type { EndpointMatch, PipelineContext } from './context.js';
import { type Trace, where } from './events.js';

// What the pipeline makes of an answer once the provider has read it: the 5xx outcome of a request that moves
// money, the answer attached to an error, and the drift policy for accepted answers.

/**
 * A money-moving request answered 5xx: a server error proves nothing about execution (a gateway may answer 502
 * after the order reached the matching engine), so the error says the outcome is unknown and to reconcile.
 */
export function withOutcome(error: ExchangeAuthError): ExchangeAuthError {
  if (!(error instanceof ExchangeError) || error.status === undefined || error.status < 500) return error;
  const unknown = new ExchangeError(
    `${error.message}; the exchange may or may not have executed it, so reconcile before repeating it`,
    {
      provider: error.provider,
      status: error.status,
      exchangeCode: error.exchangeCode,
      details: error.details,
      outcome: 'unknown',
    },
  );
  return withAnswerText(unknown, error.responseBody);
}

/** The error with the answer it came from on `responseBody` (masked with the error, on the way out). */
export function withAnswer<E extends ExchangeAuthError>(error: E, raw: RawResponse): E {
  return withAnswerText(error, raw.text);
}

function withAnswerText<E extends ExchangeAuthError>(error: E, text: string | undefined): E {
  if (error.responseBody === undefined) {
    Object.defineProperty(error, 'responseBody', { value: text, enumerable: false, configurable: true });
  }
  return error;
}

/**
 * The answer of an accepted request, checked against the endpoint's schema. A mismatch in the answer to a read
 * rejects (nothing was executed); in the answer to a request that moves money it resolves with the answer as sent
 * and `drift`, with an event and a warning, because the exchange executed it; `strictAnswers` rejects there too.
 */
export function answered(
  ctx: PipelineContext,
  options: RequestOptions,
  trace: Trace,
  match: EndpointMatch | undefined,
  data: unknown,
  raw: RawResponse,
  idempotent: boolean,
): ExchangeResponse {
  const schema = match?.endpoint.response;
  if (!schema) return { status: raw.status, headers: raw.headers, data };
  const result = parseAnswer(schema, data);
  if (result.success) return { status: raw.status, headers: raw.headers, data: result.data };
  const issues = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  if (idempotent || ctx.options.strictAnswers) {
    throw new ResponseValidationError(
      `${ctx.provider.name}: the exchange accepted '${match.name}' (HTTP ${raw.status}), but its answer does not ` +
        `match the documented schema (${issues.slice(0, 3).join('; ')}); ` +
        (idempotent
          ? 'nothing was executed by a read, but do not rely on its shape. '
          : 'it was executed, so do not send it again without reconciling. ') +
        'The whole answer is on responseBody.',
      { provider: ctx.provider.name, status: raw.status, issues, responseBody: raw.text, accepted: true },
    );
  }
  if (ctx.events.enabled) {
    ctx.events.emit({ ...where(ctx, options, trace), type: 'answer-drift', status: raw.status, issues });
  }
  ctx.log.warn(
    `${ctx.provider.name}: '${match.name}' was executed (HTTP ${raw.status}), but its answer does not match the ` +
      `documented schema (${issues.slice(0, 3).join('; ')}); resolved with drift`,
  );
  return { status: raw.status, headers: raw.headers, data, drift: { endpoint: match.name, issues } };
}
