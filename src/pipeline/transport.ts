import type { Agent as HttpAgent } from 'node:http';
import type { Agent as HttpsAgent } from 'node:https';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { AxiosInstance, AxiosResponse } from 'axios';
import type { Clock } from '../core/clock.js';
import { TransportError } from '../core/errors.js';
import { networkCodeOf } from '../core/network-code.js';
import type { PreparedRequest, RawResponse } from '../core/request.js';
import type { InFlightLimit } from './in-flight.js';
import { type BodyLimits, BodyTooLarge, BodyUnreadable, readBody } from './read-body.js';
import { type WireWatch, watchWire } from './wire-watch.js';

/** How one request is sent. */
interface SendOptions {
  /** The attempt's deadline in milliseconds: connecting, sending and reading the whole answer. */
  readonly timeout: number;
  /** The caller's abort signal. */
  readonly signal?: AbortSignal | undefined;
}

/** Sends prepared requests. The only place that knows about axios. */
export interface Transport {
  send(request: PreparedRequest, options: SendOptions): Promise<RawResponse>;
}

/** What a transport is built from. */
interface TransportSettings {
  readonly provider: string;
  readonly axios: AxiosInstance | undefined;
  readonly httpsAgent: HttpsAgent | undefined;
  readonly httpAgent: HttpAgent | undefined;
  readonly clock: Clock;
  readonly limits: BodyLimits;
  readonly inFlight: InFlightLimit;
}

function plainHeaders(headers: AxiosResponse['headers']): Record<string, string> {
  const output: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined || value === null) continue;
    output[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return output;
}

/** Whether a request carries body bytes (`''` is none). */
const hasBody = (request: PreparedRequest) => request.body !== undefined && request.body !== '';

/**
 * The headers handed to axios. A request without a body goes with no `Content-Type` at all: axios would add
 * `application/x-www-form-urlencoded` to a body-less POST, PUT or PATCH (dispatchRequest's
 * `setContentType(..., false)`), and `false` is the one value it neither overwrites nor sends. A request with a
 * body keeps its headers exactly.
 */
function wireHeaders(request: PreparedRequest): Record<string, string | false> {
  if (hasBody(request)) return Object.assign({}, request.headers);
  const headers: Record<string, string | false> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (name.toLowerCase() !== 'content-type') headers[name] = value;
  }
  headers['Content-Type'] = false;
  return headers;
}

const keepAsIs = [(data: unknown) => data];
const anyStatus = () => true;

const isStream = (value: unknown): value is Readable =>
  typeof value === 'object' && value !== null && typeof (value as Readable).on === 'function';

/** A web stream: the body axios's `fetch` adapter hands back for `responseType: 'stream'`. */
const isWebStream = (value: unknown): value is ReadableStream<Uint8Array> =>
  typeof value === 'object' && value !== null && typeof (value as ReadableStream).getReader === 'function';

/**
 * One attempt's end, by deadline or abort: the watched request is destroyed, and so is the answer being read; a
 * user's axios instance also gets the signal it asked for.
 */
class Attempt {
  ended: 'deadline' | 'aborted' | undefined;
  #body: Readable | undefined;
  #controller: AbortController | undefined;

  constructor(readonly wire: WireWatch) {}

  signal(): AbortSignal {
    this.#controller ??= new AbortController();
    if (this.ended) this.#controller.abort();
    return this.#controller.signal;
  }

  end(reason: 'deadline' | 'aborted'): void {
    if (this.ended) return;
    this.ended = reason;
    this.wire.abort(new Error(reason === 'deadline' ? 'the deadline passed' : 'aborted'));
    this.#body?.destroy(new Error('aborted'));
    this.#controller?.abort();
  }

  reading(body: Readable): void {
    this.#body = body;
  }
}

/**
 * A transport over axios. Each attempt gets one deadline that covers connecting, sending and reading the whole
 * answer, and the answer is read under size caps. A request without a body is sent with no body and no
 * `Content-Type` (never axios's form-urlencoded default); one with a body goes byte for byte as prepared.
 * Answers of every status come back as {@link RawResponse}; a request that got no answer becomes a
 * {@link TransportError} built from safe fields only (never the axios error, whose config holds the
 * credentials), and it says 'not-sent' only when this transport saw that no socket of it ever connected.
 */
export function createAxiosTransport(settings: TransportSettings): Transport {
  // axios is loaded when the first client is created, not when the library is imported: importing
  // exchange-auth then costs no more than importing axios alone.
  let instance: Promise<AxiosInstance> | undefined = settings.axios
    ? Promise.resolve(settings.axios)
    : undefined;
  let ready = settings.axios;
  const axiosInstance = () => {
    instance ??= import('axios').then((module) => {
      ready = module.default.create({ adapter: 'http' });
      return ready;
    });
    return instance;
  };
  axiosInstance().catch(() => undefined);
  const { provider, clock, limits } = settings;

  return {
    async send(request, { timeout, signal }) {
      const where = `${request.method} ${request.path}`;
      const release =
        (!signal?.aborted && settings.inFlight.tryAcquire()) ||
        (await settings.inFlight.acquire(signal).catch(() => {
          throw new TransportError(`${provider}: ${where} was aborted before it was sent`, {
            provider,
            outcome: 'not-sent',
            networkCode: 'ERR_CANCELED',
          });
        }));
      const attempt = new Attempt(watchWire());
      const wire = attempt.wire;
      const onAbort = () => attempt.end('aborted');
      signal?.addEventListener('abort', onAbort, { once: true });
      const cancelTimer = clock.setTimer(timeout, () => attempt.end('deadline'));
      const fail = (code: string | undefined, what: string | undefined) =>
        failure(
          provider,
          request,
          code,
          attempt.ended,
          what,
          wire.connected || (settings.axios !== undefined && !wire.started),
        );
      try {
        if (signal?.aborted) onAbort();
        let response: AxiosResponse<unknown>;
        try {
          response = await (ready ?? (await axiosInstance())).request<unknown>({
            method: request.method,
            url: request.url,
            headers: wireHeaders(request),
            data: hasBody(request) ? request.body : undefined,
            // Our own instance is stopped through the watched request; a user's, which may not use Node's http
            // at all, through a signal (made only for it: an AbortSignal per attempt costs more than the rest).
            ...(settings.axios ? { signal: attempt.signal() } : {}),
            transport: wire.transport,
            ...(settings.httpsAgent ? { httpsAgent: settings.httpsAgent } : {}),
            ...(settings.httpAgent ? { httpAgent: settings.httpAgent } : {}),
            responseType: 'stream',
            decompress: false,
            // The caps are read-body's, counted as the bytes arrive; axios's own would report a cut-off answer.
            maxContentLength: -1,
            maxBodyLength: Number.POSITIVE_INFINITY,
            transformRequest: keepAsIs,
            transformResponse: keepAsIs,
            validateStatus: anyStatus,
            maxRedirects: 0,
          });
        } catch (error) {
          throw fail(networkCodeOf(error), undefined);
        }
        const headers = plainHeaders(response.headers);
        let text: string;
        try {
          text = await readAnswer(response.data, headers['content-encoding'], limits, attempt);
        } catch (error) {
          if (error instanceof BodyTooLarge) throw fail('ERR_RESPONSE_TOO_LARGE', error.message);
          if (error instanceof BodyUnreadable) throw fail('ERR_BAD_RESPONSE', error.message);
          throw fail(networkCodeOf(error) ?? 'ECONNRESET', 'the answer was cut off');
        }
        return { status: response.status, headers, text };
      } finally {
        cancelTimer();
        signal?.removeEventListener('abort', onAbort);
        release();
      }
    },
  };
}

function readAnswer(data: unknown, encoding: string | undefined, limits: BodyLimits, attempt: Attempt) {
  if (isWebStream(data)) {
    // fetch has already decoded the body (it keeps the Content-Encoding header): read it as it is, under the caps.
    return readAnswer(Readable.fromWeb(data as NodeReadableStream<Uint8Array>), undefined, limits, attempt);
  }
  if (!isStream(data)) {
    // A user's adapter that does not stream: the caps still apply to what it gave.
    const text =
      typeof data === 'string'
        ? data
        : data == null
          ? ''
          : Buffer.isBuffer(data)
            ? data.toString('utf8')
            : String(data);
    const bytes = Buffer.byteLength(text);
    if (bytes > limits.decompressedBytes)
      return Promise.reject(new BodyTooLarge('maxDecompressedBytes', limits.decompressedBytes));
    return Promise.resolve(text);
  }
  if (attempt.ended) {
    data.destroy();
    return Promise.reject(new Error('aborted'));
  }
  attempt.reading(data);
  return readBody(data, encoding, limits);
}

function failure(
  provider: string,
  request: PreparedRequest,
  code: string | undefined,
  ended: 'deadline' | 'aborted' | undefined,
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
