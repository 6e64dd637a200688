import type { TextSocket } from '../../../socket/text-socket.js';
import { decodeFrame, encodeFrame, type Frame, MESSAGE, RequestIds } from './frames.js';

/** A request's reply did not come: the connection ended first. `sent` says whether its frame went out. */
export class ConnectionLost extends Error {
  readonly sent: boolean;
  constructor(sent: boolean) {
    super(sent ? 'the connection ended before the reply came' : 'the connection ended before sending');
    this.sent = sent;
  }
}

/** Who hears a request's outcome. */
export interface Waiting {
  readonly resolve: (frame: Frame) => void;
  readonly reject: (error: ConnectionLost) => void;
}

/**
 * One open gateway connection: request frames out with ids of its own, replies matched to them on `m` (1 reply,
 * 5 error) and `i` together, events (`m` 3) handed on, anything else ignored. When the socket ends, every request
 * waiting for a reply fails with {@link ConnectionLost} (`sent: true`). It knows nothing of logins or retries.
 */
export class Connection {
  readonly #socket: TextSocket;
  readonly #ids = new RequestIds();
  readonly #waiting = new Map<number, Waiting>();
  #ended = false;
  #closing = false;
  /** When a frame last arrived, in the clock's milliseconds. */
  heardAt: number;
  /** Frames received so far. */
  received = 0;

  constructor(socket: TextSocket, now: () => number, onEvent: (frame: Frame) => void, onEnd: () => void) {
    this.#socket = socket;
    this.heardAt = now();
    socket.onMessage((text) => {
      this.heardAt = now();
      this.received += 1;
      const frame = decodeFrame(text);
      if (!frame) return;
      if (frame.m === MESSAGE.event) {
        onEvent(frame);
        return;
      }
      if (frame.m !== MESSAGE.reply && frame.m !== MESSAGE.error) return;
      const waiting = this.#waiting.get(frame.i);
      if (!waiting) return;
      this.#waiting.delete(frame.i);
      waiting.resolve(frame);
    });
    socket.onEnd(() => {
      this.#ended = true;
      const lost = new ConnectionLost(true);
      for (const waiting of this.#waiting.values()) waiting.reject(lost);
      this.#waiting.clear();
      onEnd();
    });
  }

  /** True once the socket has ended, or is ending (terminated here, or refused a frame). */
  get ended(): boolean {
    return this.#ended || this.#closing;
  }

  /** Requests waiting for their reply. */
  get waiting(): number {
    return this.#waiting.size;
  }

  /**
   * Sends `n` with `payload` (a JSON text); `waiting` hears its reply frame, or {@link ConnectionLost} (`sent:
   * true`) when the socket ends first. Returns the id it went with, or `undefined` when nothing was sent (the
   * socket had ended or refused the frame; `waiting` then hears nothing).
   */
  send(n: string, payload: string, waiting: Waiting): number | undefined {
    if (this.ended) return undefined;
    const i = this.#ids.next();
    this.#waiting.set(i, waiting);
    if (this.#socket.send(encodeFrame(i, n, payload))) return i;
    this.#closing = true;
    this.#waiting.delete(i);
    return undefined;
  }

  /**
   * Sends `n` with `payload` (a JSON text) and resolves with its reply frame. Rejects with {@link ConnectionLost}
   * (`sent: false` when nothing was sent).
   */
  request(n: string, payload: string): Promise<Frame> {
    return new Promise<Frame>((resolve, reject) => {
      if (this.send(n, payload, { resolve, reject }) === undefined) reject(new ConnectionLost(false));
    });
  }

  /** Stops waiting for the reply to request `i` (its caller gave up); a reply that comes later is ignored. */
  forget(i: number): void {
    this.#waiting.delete(i);
  }

  /** Ends the connection; waiting requests fail with {@link ConnectionLost}. */
  terminate(): void {
    this.#closing = true;
    this.#socket.terminate();
  }
}
