import type { Clock } from '../core/clock.js';
import { TransportError } from '../core/errors.js';
import { networkCodeOf } from '../core/network-code.js';
import type { PreparedRequest, RawResponse } from '../core/request.js';
import type { InFlightLimit } from './in-flight.js';
import { type BodyLimits, BodyTooLarge, BodyUnreadable } from './read-body.js';

/** How one request is sent. */
export interface SendOptions {
  /** The attempt's deadline in milliseconds: connecting, sending and reading the whole answer. */
  readonly timeout: number;
  /** The caller's abort signal. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * Sends prepared requests: the seam between the pipeline and an HTTP engine (undici in `undici-transport.ts`,
 * axios in `axios-transport.ts`). Whichever sends, an attempt has one deadline over connecting, sending and
 * reading the whole answer; the answer is read under the size caps; and a failure says `'not-sent'` only when the
 * transport itself saw that no byte of the request left.
 */
export interface Transport {
  send(request: PreparedRequest, options: SendOptions): Promise<RawResponse>;
}

/** What every transport is built from. */
export interface TransportSettings {
  readonly provider: string;
  readonly clock: Clock;
  readonly limits: BodyLimits;
  readonly inFlight: InFlightLimit;
}

/** How an attempt ended early: its deadline passed, or the caller's signal aborted it. */
export type EarlyEnd = 'deadline' | 'aborted';

/** An attempt that can be ended early: the transport stops its request (and the answer being read). */
export interface Stoppable {
  end(reason: EarlyEnd): void;
}

/** Whether a request carries body bytes (`''` is none). */
export const hasBody = (request: PreparedRequest) => request.body !== undefined && request.body !== '';

/**
 * The request's headers as they go on the wire: exactly as prepared, except that a request without a body has no
 * `Content-Type` (there is nothing for it to describe).
 */
export function headersToSend(request: PreparedRequest): Record<string, string> {
  if (hasBody(request)) return Object.assign({}, request.headers);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (name.toLowerCase() !== 'content-type') headers[name] = value;
  }
  return headers;
}

/** An answer's headers with lower-case names and one string each (repeated headers joined with `, `). */
export function plainHeaders(headers: object | null | undefined): Record<string, string> {
  const output: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined || value === null) continue;
    output[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return output;
}

/**
 * A slot of the client's in-flight limit for one request: its release function, at once when one is free, else
 * once one frees up. An abort while waiting for it is `'not-sent'`.
 */
export function takeSlot(
  settings: TransportSettings,
  request: PreparedRequest,
  signal: AbortSignal | undefined,
): (() => void) | Promise<() => void> {
  const free = !signal?.aborted && settings.inFlight.tryAcquire();
  if (free) return free;
  const { provider } = settings;
  return settings.inFlight.acquire(signal).catch(() => {
    throw new TransportError(
      `${provider}: ${request.method} ${request.path} was aborted before it was sent`,
      {
        provider,
        outcome: 'not-sent',
        networkCode: 'ERR_CANCELED',
      },
    );
  });
}

/**
 * Starts an attempt's deadline, on the client's clock, and wires the caller's signal to `attempt.end`; returns
 * what disarms both. The deadline starts when the request's turn on the wire begins (its slot is taken).
 */
export function armDeadline(
  settings: TransportSettings,
  { timeout, signal }: SendOptions,
  attempt: Stoppable,
): () => void {
  const cancelTimer = settings.clock.setTimer(timeout, () => attempt.end('deadline'));
  if (!signal) return cancelTimer;
  const onAbort = () => attempt.end('aborted');
  signal.addEventListener('abort', onAbort, { once: true });
  if (signal.aborted) onAbort();
  return () => {
    cancelTimer();
    signal.removeEventListener('abort', onAbort);
  };
}

/** Runs one attempt in a slot of the in-flight limit, under its deadline ({@link takeSlot}, {@link armDeadline}). */
export async function withinDeadline<T>(
  settings: TransportSettings,
  request: PreparedRequest,
  options: SendOptions,
  attempt: Stoppable,
  run: () => Promise<T>,
): Promise<T> {
  const slot = takeSlot(settings, request, options.signal);
  const release = typeof slot === 'function' ? slot : await slot;
  const disarm = armDeadline(settings, options, attempt);
  try {
    return await run();
  } finally {
    disarm();
    release();
  }
}

/**
 * The network code and the words for an answer that could not be read to its end: over a cap, undecodable, or
 * cut off (`code`: the engine's code for the error, when it has one).
 */
export function unreadAnswer(error: unknown, code = networkCodeOf(error)): { code: string; what: string } {
  if (error instanceof BodyTooLarge) return { code: 'ERR_RESPONSE_TOO_LARGE', what: error.message };
  if (error instanceof BodyUnreadable) return { code: 'ERR_BAD_RESPONSE', what: error.message };
  return { code: code ?? 'ECONNRESET', what: 'the answer was cut off' };
}

/**
 * The error for a request that got no complete answer, built from safe fields only (never an engine's error,
 * whose config may hold the credentials). `'not-sent'` only when `mayHaveArrived` is false: the transport saw
 * that no byte of the request left.
 */
export function failure(
  provider: string,
  request: PreparedRequest,
  code: string | undefined,
  ended: EarlyEnd | undefined,
  what: string | undefined,
  mayHaveArrived: boolean,
): TransportError {
  const where = `${request.method} ${request.path}`;
  const networkCode = ended === 'deadline' ? 'ETIMEDOUT' : ended === 'aborted' ? 'ERR_CANCELED' : code;
  const cause =
    ended === 'deadline'
      ? 'the deadline passed'
      : ended === 'aborted'
        ? 'it was aborted'
        : (what ?? networkCode ?? 'network error');
  if (!mayHaveArrived) {
    return new TransportError(`${provider}: ${where} could not be sent (${cause})`, {
      provider,
      outcome: 'not-sent',
      networkCode,
    });
  }
  return new TransportError(
    `${provider}: ${where} got no complete answer (${cause}); the exchange may or may not have executed it, so ` +
      'reconcile before repeating it',
    { provider, outcome: 'unknown', networkCode },
  );
}
