import type { Agent as HttpAgent } from 'node:http';
import type { Agent as HttpsAgent } from 'node:https';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { AxiosInstance, AxiosResponse } from 'axios';
import { networkCodeOf } from '../core/network-code.js';
import { type BodyLimits, BodyTooLarge, readBody } from './read-body.js';
import {
  type EarlyEnd,
  failure,
  hasBody,
  headersToSend,
  plainHeaders,
  type Transport,
  type TransportSettings,
  unreadAnswer,
  withinDeadline,
} from './transport.js';
import { type WireWatch, watchWire } from './wire-watch.js';

/** What the axios transport is built from, besides what every transport is. */
export interface AxiosTransportSettings extends TransportSettings {
  readonly axios: AxiosInstance | undefined;
  readonly httpsAgent: HttpsAgent | undefined;
  readonly httpAgent: HttpAgent | undefined;
}

/**
 * The headers handed to axios. A request without a body goes with no `Content-Type` at all: axios would add
 * `application/x-www-form-urlencoded` to a body-less POST, PUT or PATCH (dispatchRequest's
 * `setContentType(..., false)`), and `false` is the one value it neither overwrites nor sends. A request with a
 * body keeps its headers exactly.
 */
function wireHeaders(request: Parameters<typeof headersToSend>[0]): Record<string, string | false> {
  const headers: Record<string, string | false> = headersToSend(request);
  if (!hasBody(request)) headers['Content-Type'] = false;
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
  ended: EarlyEnd | undefined;
  #body: Readable | undefined;
  #controller: AbortController | undefined;

  constructor(readonly wire: WireWatch) {}

  signal(): AbortSignal {
    this.#controller ??= new AbortController();
    if (this.ended) this.#controller.abort();
    return this.#controller.signal;
  }

  end(reason: EarlyEnd): void {
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
 * A transport over axios: a user's own instance (its interceptors and adapter apply) or one of ours
 * (`adapter: 'http'`, so Node agents, TLS client certificates and proxies apply). Each attempt gets one deadline
 * that covers connecting, sending and reading the whole answer, and the answer is read under size caps. A
 * request without a body is sent with no body and no `Content-Type` (never axios's form-urlencoded default); one
 * with a body goes byte for byte as prepared. Answers of every status come back as {@link RawResponse}; a
 * request that got no answer becomes a TransportError that says 'not-sent' only when this transport saw that no
 * socket of it ever connected (`wire-watch.ts`).
 */
export function createAxiosTransport(settings: AxiosTransportSettings): Transport {
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
  const { provider, limits } = settings;

  return {
    send(request, options) {
      const attempt = new Attempt(watchWire());
      const wire = attempt.wire;
      const fail = (code: string | undefined, what: string | undefined) =>
        failure(
          provider,
          request,
          code,
          attempt.ended,
          what,
          wire.connected || (settings.axios !== undefined && !wire.started),
        );
      return withinDeadline(settings, request, options, attempt, async () => {
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
          const { code, what } = unreadAnswer(error);
          throw fail(code, what);
        }
        return { status: response.status, headers, text };
      });
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
