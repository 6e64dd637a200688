import type { Clock } from '../../../core/clock.js';
import { TransportError } from '../../../core/errors.js';
import { ConnectionLost } from './connection.js';
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

/** Why a call's stop signal fired. */
class Stopped extends Error {
  constructor(readonly why: 'deadline' | 'abort') {
    super(why);
  }
}

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

/** Settles like `promise`, or rejects with {@link Stopped} when `stop` fires first. */
function unlessStopped<T>(promise: Promise<T>, stop: AbortSignal): Promise<T> {
  if (stop.aborted) return Promise.reject(stop.reason);
  return new Promise<T>((resolve, reject) => {
    const onStop = () => reject(stop.reason);
    stop.addEventListener('abort', onStop, { once: true });
    promise.then(
      (value) => {
        stop.removeEventListener('abort', onStop);
        resolve(value);
      },
      (error: unknown) => {
        stop.removeEventListener('abort', onStop);
        reject(error);
      },
    );
  });
}

/**
 * Sends a call and reads its reply, within its deadline and abort signal. The call waits for a live, authenticated
 * connection. When the connection ends before the reply: a call that moves money fails with outcome `unknown` and
 * is never sent again; a read is sent again on the next connection. The session's refusal (errorcode 20) renews
 * the key's session once and sends the call once more (the refusal proves it did not run).
 */
export async function exchange(
  gateway: Gateway,
  clock: Clock,
  call: Exchange,
): Promise<Reply & { kind: 'ok' }> {
  const stop = new AbortController();
  const cancelTimer = clock.setTimer(call.timeoutMs, () => stop.abort(new Stopped('deadline')));
  const onAbort = () => stop.abort(new Stopped('abort'));
  call.signal?.addEventListener('abort', onAbort, { once: true });
  if (call.signal?.aborted) onAbort();
  try {
    let renewed = false;
    for (;;) {
      let live: Live;
      try {
        live = await gateway.ready(stop.signal);
      } catch (error) {
        throw error instanceof Stopped
          ? failure(call, false, `no connection within the deadline (${error.why})`, code(error))
          : error;
      }
      let id: number | undefined;
      let reply: Reply;
      try {
        const frame = await unlessStopped(
          live.connection.request(call.name, call.payload, (i) => {
            id = i;
          }),
          stop.signal,
        );
        reply = readReply(frame, call);
      } catch (error) {
        if (error instanceof ConnectionLost) {
          if (!error.sent || call.idempotent) continue;
          throw failure(call, true, 'the connection ended', 'ECONNRESET');
        }
        if (error instanceof Stopped) {
          if (id !== undefined) live.connection.forget(id);
          const why = error.why === 'deadline' ? `no reply within ${call.timeoutMs} ms` : 'aborted';
          throw failure(call, id !== undefined, why, code(error));
        }
        throw error;
      }
      if (reply.kind === 'ok') return reply;
      if (renewed) {
        throw failure(call, false, 'the gateway refused the renewed session too (errorcode 20)');
      }
      renewed = true;
      await gateway.renew(live);
    }
  } finally {
    cancelTimer();
    call.signal?.removeEventListener('abort', onAbort);
  }
}

const code = (stopped: Stopped) => (stopped.why === 'deadline' ? 'ETIMEDOUT' : 'ABORT_ERR');
