import type { z } from 'zod';
import { parseAnswer } from '../../../core/answer-check.js';
import type { AnswerDrift } from '../../../core/client.js';
import { ExchangeError, ResponseValidationError } from '../../../core/errors.js';
import { quote } from '../../../core/quote.js';
import { field } from '../../../toolkit/answers.js';
import { ALPHAPOINT_ERROR_CODES } from '../classify.js';
import { type Frame, MESSAGE, readPayload } from './frames.js';

/** How a reply is read: which call it answers and what its answer should look like. */
export interface ReplyContext {
  readonly provider: string;
  readonly name: string;
  readonly idempotent: boolean;
  readonly response: z.ZodType | undefined;
  readonly redact: (text: string) => string;
}

/** A reply read: the data (with `drift` when it did not match its schema), or the session's refusal. */
export type Reply =
  | { readonly kind: 'ok'; readonly data: unknown; readonly drift?: AnswerDrift | undefined }
  | { readonly kind: 'session-refused' };

const NOT_AUTHORIZED = 20;

function exchangeError(context: ReplyContext, said: string, code?: number, details?: unknown): ExchangeError {
  return new ExchangeError(`${context.provider}: the gateway refused ${context.name}${said}`, {
    provider: context.provider,
    exchangeCode: code,
    details,
  });
}

/**
 * Reads the reply to a call. `m: 5` is an error whatever `o` holds (plain text such as "Endpoint Not Found"
 * included). The standard refusal `{"result":false,"errorcode":20}` is the session's: the caller renews it and
 * sends once more (the refusal proves the call did not run). Other refusals, and orders answered `Rejected`, are
 * ExchangeErrors. An answer that does not match its schema resolves a call that moves money with `drift` (it
 * was executed) and fails a read with ResponseValidationError.
 */
export function readReply(frame: Frame, context: ReplyContext): Reply {
  const payload = readPayload(frame.o);
  if (frame.m === MESSAGE.error) {
    const text = payload.json ? JSON.stringify(payload.value) : payload.text;
    throw exchangeError(context, `: "${quote(context.redact(text))}"`);
  }
  if (!payload.json) {
    const issues = ['the reply is not JSON'];
    if (!context.idempotent)
      return { kind: 'ok', data: payload.text, drift: { endpoint: context.name, issues } };
    throw new ResponseValidationError(`${context.provider}: the reply to ${context.name} is not JSON`, {
      provider: context.provider,
      issues,
    });
  }
  const value = payload.value;
  const result = field(value, 'result');
  const rejected = result === undefined && field(value, 'status') === 'Rejected';
  if (result === false || rejected) {
    const code = Number(field(value, 'errorcode'));
    if (result === false && code === NOT_AUTHORIZED) return { kind: 'session-refused' };
    const message = field(value, 'errormsg');
    const known = Number.isFinite(code) ? code : undefined;
    const text =
      typeof message === 'string' && message !== '' ? message : ALPHAPOINT_ERROR_CODES[known ?? -1];
    const said = ` (${known ?? '?'} ${quote(context.redact(text ?? ''))})`;
    throw exchangeError(context, said, known, field(value, 'detail'));
  }
  if (!context.response) return { kind: 'ok', data: value };
  const parsed = parseAnswer(context.response, value);
  if (parsed.success) return { kind: 'ok', data: parsed.data };
  const issues = parsed.error.issues.map((issue) => `data.${issue.path.join('.')}: ${issue.message}`);
  if (!context.idempotent) return { kind: 'ok', data: value, drift: { endpoint: context.name, issues } };
  throw new ResponseValidationError(
    `${context.provider}: the reply to ${context.name} does not match its documented shape (${issues[0]})`,
    { provider: context.provider, issues },
  );
}
