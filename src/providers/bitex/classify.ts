import { answerClassifier } from '../../toolkit/answer-classifier.js';
import { field } from '../../toolkit/answers.js';

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
 * Reads a Bitex answer, the common way ({@link answerClassifier}) with Bitex's own refusals: Bitex says
 * "Invalid Api Key" and "Not enough permissions" with the same 401, in a plain `{"error": …}` body, so the
 * second is told apart by its text; validation and not-found answers use JSON:API `errors`, which are an
 * ExchangeError's `details`. Bitex documents no 403: one (from a proxy or a firewall in front of it) is an
 * ExchangeError, not a permission refusal.
 */
export const classifyBitex = answerClassifier({
  message: (value) => {
    const error = field(value, 'error');
    return typeof error === 'string' ? error : firstJsonApiError(value);
  },
  details: (value) => field(value, 'errors'),
  advice: {
    permission: 'the key lacks this permission: enable it on the API keys page',
    rateLimit: 'Bitex allows 5 requests per second',
  },
  refusals: ({ status, said }) => {
    if (status === 401 && /not enough permissions/i.test(said)) return 'permission';
    return status === 403 ? 'exchange' : undefined;
  },
});
