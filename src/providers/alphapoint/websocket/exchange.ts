import { AuthenticationError, TransportError } from '../../../core/errors.js';
import type { Deadline } from '../../../socket/deadlines.js';
import type { ConnectionLost, Waiting } from './connection.js';
import type { Frame } from './frames.js';
import type { Gateway, Live } from './gateway.js';
import { type Reply, type ReplyContext, readReply } from './replies.js';

/** One call on the gateway. */
export interface Exchange extends ReplyContext {
  /** The payload as JSON text. */
  readonly payload: string;
  readonly signal: AbortSignal | undefined;
  /** The whole call's deadline, waiting for a connection included. */
  readonly timeoutMs: number;
}

type Answer = Reply & { kind: 'ok' };

function failure(call: Exchange, sent: boolean, why: string, networkCode?: string): TransportError {
  const what = sent
    ? `${why} after ${call.name} was sent: it may have been executed; reconcile before sending it again`
    : `${why} before ${call.name} was sent`;
  return new TransportError(`${call.provider}: ${what}`, {
    provider: call.provider,
    outcome: sent ? 'unknown' : 'not-sent',
    networkCode,
  });
}

/**
 * Sends a call and reads its reply, within its deadline and abort signal. The call waits for a live, authenticated
 * connection. When the connection ends before the reply: a call that moves money fails with outcome `unknown` and
 * is never sent again; a read is sent again on the next connection. The session's refusal (errorcode 20) renews
 * the key's session once and sends the call once more (the refusal proves it did not run). Errors leave with
 * `redact` applied to their message and stack.
 */
export function exchange(gateway: Gateway, call: Exchange): Promise<Answer> {
  return new Promise<Answer>((resolve, reject) => {
    new GatewayCall(gateway, call, resolve, reject).start();
  });
}

/** One call's state, written as one object with methods rather than closures and promises: it runs on every call. */
class GatewayCall implements Waiting {
  #done = false;
  #renewed = false;
  /** The request on the wire: its connection and id; `undefined` while none is. */
  #live: Live | undefined;
  #id = 0;
  /** Ends a wait for a connection (created only when the call has to wait). */
  #waiting: AbortController | undefined;
  #deadline: Deadline | undefined;
  readonly #onAbort = () => this.#stop('abort');

  constructor(
    private readonly gateway: Gateway,
    private readonly call: Exchange,
    private readonly settle: (answer: Answer) => void,
    private readonly fail: (error: unknown) => void,
  ) {}

  start(): void {
    const { signal, timeoutMs } = this.call;
    this.#deadline = this.gateway.deadlines.add(timeoutMs, () => this.#stop('deadline'));
    if (signal?.aborted) {
      this.#stop('abort');
      return;
    }
    signal?.addEventListener('abort', this.#onAbort, { once: true });
    this.#next();
  }

  /** The reply frame, from the connection. */
  resolve(frame: Frame): void {
    const live = this.#live as Live;
    this.#live = undefined;
    if (this.#done) return;
    let reply: Reply;
    try {
      reply = readReply(frame, this.call);
    } catch (error) {
      this.#finish(error);
      return;
    }
    if (reply.kind === 'ok') {
      this.#finish(undefined, reply);
      return;
    }
    const { provider, name } = this.call;
    if (this.#renewed) {
      this.#finish(
        new AuthenticationError(`${provider}: the gateway refused ${name} on a renewed session too`, {
          provider,
          exchangeCode: 20,
        }),
      );
      return;
    }
    this.#renewed = true;
    this.gateway.renew(live).then(
      () => this.#next(),
      (error: unknown) => this.#finish(error),
    );
  }

  /** The connection ended after the frame went out. */
  reject(lost: ConnectionLost): void {
    this.#live = undefined;
    if (this.#done) return;
    if (this.call.idempotent) {
      this.#next();
      return;
    }
    this.#finish(failure(this.call, lost.sent, 'the connection ended', 'ECONNRESET'));
  }

  #next(): void {
    if (this.#done) return;
    const live = this.gateway.liveNow();
    if (live) {
      this.#send(live);
      return;
    }
    const waiting = new AbortController();
    this.#waiting = waiting;
    this.gateway.ready(waiting.signal).then(
      (ready) => this.#send(ready),
      (error: unknown) => {
        if (!waiting.signal.aborted) this.#finish(error);
      },
    );
  }

  #send(live: Live): void {
    if (this.#done) return;
    let id: number | undefined;
    try {
      id = live.connection.send(this.call.name, this.call.payload, this);
    } catch {
      // The socket threw while taking the frame: whether any of it left is not known, so it is never resent.
      this.#finish(failure(this.call, true, 'the socket failed while sending'));
      return;
    }
    // Nothing left: the connection was ending. The next one takes the call.
    if (id === undefined) {
      this.#next();
      return;
    }
    this.#live = live;
    this.#id = id;
  }

  #stop(why: 'deadline' | 'abort'): void {
    if (this.#done) return;
    const code = why === 'deadline' ? 'ETIMEDOUT' : 'ABORT_ERR';
    const live = this.#live;
    if (live) {
      live.connection.forget(this.#id);
      const said = why === 'deadline' ? `no reply within ${this.call.timeoutMs} ms` : 'aborted';
      this.#finish(failure(this.call, true, said, code));
      return;
    }
    this.#waiting?.abort();
    const said = why === 'deadline' ? 'no connection within the deadline' : 'aborted';
    this.#finish(failure(this.call, false, said, code));
  }

  #finish(error: unknown, answer?: Answer): void {
    if (this.#done) return;
    this.#done = true;
    if (this.#deadline) this.gateway.deadlines.remove(this.#deadline);
    this.call.signal?.removeEventListener('abort', this.#onAbort);
    if (error === undefined) {
      this.settle(answer as Answer);
      return;
    }
    if (error instanceof Error) {
      error.message = this.call.redact(error.message);
      if (error.stack) error.stack = this.call.redact(error.stack);
    }
    this.fail(error);
  }
}
