import type { Clock } from '../../../core/clock.js';
import { AuthenticationError, TransportError } from '../../../core/errors.js';
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
 * the key's session once and sends the call once more (the refusal proves it did not run). Written with callbacks,
 * not an AbortController per call: this runs on every call.
 */
export function exchange(gateway: Gateway, clock: Clock, call: Exchange): Promise<Answer> {
  return new Promise<Answer>((resolve, reject) => {
    let done = false;
    let renewed = false;
    /** The request on the wire: its connection and id; `undefined` while none is. */
    let onWire: { live: Live; id: number } | undefined;
    /** Ends a wait for a connection (created only when the call has to wait). */
    let waiting: AbortController | undefined;
    const finish = (error: unknown, answer?: Answer) => {
      if (done) return;
      done = true;
      cancelTimer();
      call.signal?.removeEventListener('abort', onAbort);
      if (error === undefined) resolve(answer as Answer);
      else reject(error);
    };
    const stop = (why: 'deadline' | 'abort') => {
      if (done) return;
      const code = why === 'deadline' ? 'ETIMEDOUT' : 'ABORT_ERR';
      if (onWire) {
        onWire.live.connection.forget(onWire.id);
        finish(
          failure(call, true, why === 'deadline' ? `no reply within ${call.timeoutMs} ms` : 'aborted', code),
        );
        return;
      }
      waiting?.abort();
      finish(
        failure(call, false, why === 'deadline' ? 'no connection within the deadline' : 'aborted', code),
      );
    };
    const onAbort = () => stop('abort');
    const cancelTimer = clock.setTimer(call.timeoutMs, () => stop('deadline'));
    if (call.signal?.aborted) return stop('abort');
    call.signal?.addEventListener('abort', onAbort, { once: true });

    const send = (live: Live) => {
      if (done) return;
      live.connection
        .request(call.name, call.payload, (id) => {
          onWire = { live, id };
        })
        .then(
          (frame) => {
            onWire = undefined;
            if (done) return;
            const reply = readReply(frame, call);
            if (reply.kind === 'ok') return finish(undefined, reply);
            if (renewed) {
              return finish(
                new AuthenticationError(
                  `${call.provider}: the gateway refused ${call.name} on a renewed session too`,
                  {
                    provider: call.provider,
                    exchangeCode: 20,
                  },
                ),
              );
            }
            renewed = true;
            gateway.renew(live).then(next, (error: unknown) => finish(error));
          },
          (error: unknown) => {
            const sent = onWire !== undefined;
            onWire = undefined;
            if (done) return;
            if (!(error instanceof ConnectionLost)) return finish(error);
            if (!error.sent || !sent || call.idempotent) return next();
            finish(failure(call, true, 'the connection ended', 'ECONNRESET'));
          },
        )
        .catch((error: unknown) => finish(error));
    };
    const next = () => {
      if (done) return;
      const live = gateway.liveNow();
      if (live) return send(live);
      waiting = new AbortController();
      gateway.ready(waiting.signal).then(send, (error: unknown) => {
        if (!waiting?.signal.aborted) finish(error);
      });
    };
    next();
  });
}
