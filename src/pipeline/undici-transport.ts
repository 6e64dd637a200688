import type { Socket } from 'node:net';
import type { Dispatcher } from 'undici';
import type { TransportError } from '../core/errors.js';
import type { PreparedRequest, RawResponse } from '../core/request.js';
import { BodyReader } from './read-body.js';
import {
  armDeadline,
  type EarlyEnd,
  failure,
  hasBody,
  type SendOptions,
  type Stoppable,
  type Transport,
  type TransportSettings,
  takeSlot,
  unreadAnswer,
} from './transport.js';
import {
  dispatchWatched,
  isObservable,
  isProcessAgent,
  processAgentLoaded,
  processAgentReady,
  type Ready,
  type SocketWatch,
  startingOn,
} from './undici-agent.js';
import { answerHeaders, engineCode, target, wireHeaders } from './undici-wire.js';

type Controller = Dispatcher.DispatchController;

/** What the undici transport is built from, besides what every transport is. */
export interface UndiciTransportSettings extends TransportSettings {
  /** The user's own dispatcher (an Agent with TLS client certificates, a ProxyAgent...); default the process's. */
  readonly dispatcher: Dispatcher | undefined;
}

/**
 * One attempt, as undici's dispatch handler. `onRequestStart` is the observation behind `'not-sent'`: undici calls
 * it when the request has a connected socket (TLS: a finished handshake), before writing its first byte; an
 * attempt that ends before it is aborted the moment it would start, so nothing is written.
 */
class UndiciAttempt implements Dispatcher.DispatchHandler, SocketWatch, Stoppable {
  ended: EarlyEnd | undefined;
  readonly promise: Promise<RawResponse>;
  #resolve!: (response: RawResponse) => void;
  #reject!: (error: TransportError) => void;
  #settled = false;
  /** Handed to a dispatcher whose start we cannot observe: from then on, bytes may have left. */
  #unobserved = false;
  #started = false;
  /** The answer has arrived whole (only its decoding may be under way): nothing of it is left on the wire. */
  #complete = false;
  /** Sent through the process's own agent (one request per connection). */
  #own = false;
  #controller: Controller | undefined;
  /** The own agent's socket of this attempt: opened for it and connecting, or carrying its request. */
  #socket: Socket | undefined;
  #reader: BodyReader | undefined;
  #status = 0;
  #headers: Record<string, string> = {};
  #disarm: (() => void) | undefined;

  constructor(
    private readonly settings: UndiciTransportSettings,
    private readonly request: PreparedRequest,
    /** Frees the attempt's slot of the in-flight limit. */
    private readonly release: () => void,
  ) {
    this.promise = new Promise<RawResponse>((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
  }

  /** The attempt's deadline and the caller's signal are armed: `disarm` is called when the attempt settles. */
  armed(disarm: () => void): void {
    if (this.#settled) disarm();
    else this.#disarm = disarm;
  }

  /** Settles the attempt once: the slot is freed and the deadline disarmed. */
  #settle(): boolean {
    if (this.#settled) return false;
    this.#settled = true;
    this.release();
    this.#disarm?.();
    return true;
  }

  /** Hands the request to `dispatcher`, unless the attempt has already ended. */
  dispatch(dispatcher: Dispatcher, observable: boolean): void {
    if (this.#settled) return;
    const { request } = this;
    const { origin, path } = target(request.url);
    this.#unobserved = !observable;
    this.#own = isProcessAgent(dispatcher);
    try {
      dispatchWatched(
        dispatcher,
        {
          origin,
          path,
          method: request.method,
          headers: wireHeaders(request),
          body: hasBody(request) ? (request.body as string) : null,
          // One deadline, the attempt's own, covers waiting for the headers and the body.
          headersTimeout: 0,
          bodyTimeout: 0,
        },
        this,
      );
    } catch (error) {
      this.#fail(engineCode(error), undefined);
    }
  }

  /** undici itself could not be loaded: nothing was handed to any engine. */
  unloaded(): void {
    this.#fail(undefined, 'the undici module could not be loaded');
  }

  /** The own agent opened `socket` for this attempt. */
  opened(socket: Socket): void {
    if (!this.#started) this.#socket = socket;
  }

  /** The own agent writes this attempt's request to `socket`. */
  writing(socket: Socket): void {
    if (this.#started && !this.#complete) this.#socket = socket;
  }

  end(reason: EarlyEnd): void {
    if (this.#settled) return;
    this.ended = reason;
    this.#fail(undefined, undefined);
    const error = Object.assign(new Error(reason === 'deadline' ? 'the deadline passed' : 'aborted'), {
      code: reason === 'deadline' ? 'ETIMEDOUT' : 'ABORT_ERR',
    });
    this.#reader?.fail(error);
    this.#stop(error);
  }

  /**
   * Stops what is left of the attempt on the wire: its own agent's socket is destroyed with `error` (connecting,
   * or carrying the request or its answer; undici then fails only this request, and opens no connection for it);
   * through a user's dispatcher, the request is aborted. Nothing once the answer has arrived whole.
   */
  #stop(error: Error): void {
    if (this.#complete) return;
    const socket = this.#socket;
    this.#socket = undefined;
    if (socket) socket.destroy(error);
    else this.#controller?.abort(error);
  }

  onRequestStart(controller: Controller): void {
    if (this.#settled) {
      controller.abort(new Error('the attempt ended before its request was sent'));
      return;
    }
    this.#started = true;
    this.#socket = undefined;
    this.#controller = controller;
    if (this.#own) startingOn(this);
  }

  onResponseStart(
    controller: Controller,
    statusCode: number,
    headers: Record<string, string | string[] | undefined>,
  ): void {
    // 1xx answers are informational: the real one follows.
    if (this.#settled || statusCode < 200) return;
    this.#controller ??= controller;
    this.#status = statusCode;
    this.#headers = answerHeaders(headers);
    this.#reader = new BodyReader(this.#headers['content-encoding'], this.settings.limits, this.#read);
  }

  onResponseData(_controller: Controller, chunk: Buffer): void {
    this.#reader?.push(chunk);
  }

  onResponseEnd(): void {
    this.#complete = true;
    this.#socket = undefined;
    if (this.#reader) this.#reader.end();
    else this.#fail('ECONNRESET', 'the answer ended before its headers');
  }

  onResponseError(_controller: Controller | undefined, error: Error): void {
    this.#socket = undefined;
    if (this.#settled) return;
    if (this.#reader) this.#reader.fail(error);
    else this.#fail(engineCode(error), undefined);
  }

  readonly #read = (error: unknown, text?: string) => {
    if (error === undefined) {
      if (!this.#settle()) return;
      this.#resolve({ status: this.#status, headers: this.#headers, text: text as string });
      return;
    }
    const { code, what } = unreadAnswer(error, engineCode(error));
    this.#fail(code, what);
    // Over a cap or undecodable: stop the answer on the wire too.
    this.#stop(error instanceof Error ? error : new Error(what));
  };

  #fail(code: string | undefined, what: string | undefined): void {
    if (!this.#settle()) return;
    const { provider } = this.settings;
    const mayHaveArrived = this.#started || this.#unobserved;
    this.#reject(failure(provider, this.request, code, this.ended, what, mayHaveArrived));
  }
}

/**
 * A transport over undici's dispatcher API (the engine behind Node's `fetch`, kept by the Node.js project), loaded
 * when the first client on it is created. Each attempt gets one deadline that covers connecting, sending and
 * reading the whole answer; the answer is read under both size caps as it arrives, and decompressed by this
 * library (undici's dispatch does not). Requests go through the user's dispatcher when given (TLS client
 * certificates, proxies), else through one keep-alive agent for the process. A failure says 'not-sent' only
 * when the request never started on a connected socket (see {@link UndiciAttempt}); through a dispatcher whose
 * start cannot be observed, every failure after it was handed over says 'unknown'.
 *
 * One object per client, its methods shared: a service holding a client per user holds little per client.
 */
class UndiciTransport implements Transport, UndiciTransportSettings {
  readonly provider: string;
  readonly clock: UndiciTransportSettings['clock'];
  readonly limits: UndiciTransportSettings['limits'];
  readonly inFlight: UndiciTransportSettings['inFlight'];
  readonly dispatcher: Dispatcher | undefined;
  /** The user's dispatcher once checked (the process's agent is {@link processAgentLoaded}). */
  #ready: Ready | undefined;
  readonly #chosen: Promise<Ready>;

  constructor(settings: UndiciTransportSettings) {
    this.provider = settings.provider;
    this.clock = settings.clock;
    this.limits = settings.limits;
    this.inFlight = settings.inFlight;
    const given = settings.dispatcher;
    this.dispatcher = given;
    if (given) {
      this.#chosen = isObservable(given).then((observable) => {
        this.#ready = { dispatcher: given, observable };
        return this.#ready;
      });
      this.#chosen.catch(() => undefined);
    } else {
      this.#chosen = processAgentReady();
      this.#chosen.catch(() => undefined);
    }
  }

  send(request: PreparedRequest, options: SendOptions): Promise<RawResponse> {
    const slot = takeSlot(this, request, options.signal);
    if (typeof slot === 'function') return this.#start(request, options, slot);
    return slot.then((release) => this.#start(request, options, release));
  }

  /** One attempt in its slot: its deadline armed, then handed to the dispatcher (once undici is loaded). */
  #start(request: PreparedRequest, options: SendOptions, release: () => void): Promise<RawResponse> {
    const attempt = new UndiciAttempt(this, request, release);
    attempt.armed(armDeadline(this, options, attempt));
    const ready = this.dispatcher ? this.#ready : processAgentLoaded();
    if (ready) attempt.dispatch(ready.dispatcher, ready.observable);
    else
      this.#chosen.then(
        (found) => attempt.dispatch(found.dispatcher, found.observable),
        () => attempt.unloaded(),
      );
    return attempt.promise;
  }
}

/** The undici transport of one client (see {@link UndiciTransport}). */
export function createUndiciTransport(settings: UndiciTransportSettings): Transport {
  return new UndiciTransport(settings);
}
