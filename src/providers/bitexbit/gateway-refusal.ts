import { AuthenticationError } from '../../core/errors.js';
import type { Classification, ClassifyContext } from '../../core/provider.js';
import type { RawResponse } from '../../core/request.js';

/**
 * A gateway call refused with 401, told with the clock offset measured to the exchange. The refusal is not resent:
 * bitexbit documents 401 as "authentication headers not valid", not as "not executed", so a withdrawal refused for
 * a late `X-Timeout` is reported for the caller to reconcile and send again.
 */
export function withClockAdvice(
  classification: Classification,
  raw: RawResponse,
  context: ClassifyContext,
  gatewayPrefix: string,
): Classification {
  if (classification.kind !== 'error' || raw.status !== 401 || !context.path.startsWith(gatewayPrefix)) {
    return classification;
  }
  const { error } = classification;
  const offset = context.clockOffset;
  const measured = offset
    ? `the exchange's clock reads ${offset.offsetMs} ms ${offset.offsetMs >= 0 ? 'ahead of' : 'behind'} this machine's ` +
      `(between ${Math.floor(offset.lowMs)} and ${Math.ceil(offset.highMs)} ms, from the Date header of ${offset.samples} answer${offset.samples === 1 ? '' : 's'})`
    : "the exchange's answers carried no Date header, so the clock offset is unknown";
  const advice =
    `${error.message}. If X-Timeout was refused as past: ${measured}; the client moves X-Timeout by the offset its ` +
    'answers prove, so a call made now may pass. It was not sent again, since bitexbit does not document this ' +
    'refusal as "not executed": check the withdrawal history before sending it again, and synchronise this ' +
    "machine's clock (NTP) or raise gatewayWindowMs";
  return {
    kind: 'error',
    error: new AuthenticationError(advice, {
      provider: error.provider,
      status: error.status,
      exchangeCode: error.exchangeCode,
      responseBody: error.responseBody,
    }),
  };
}
