import WebSocket from 'ws';
import type { AlphaPointCredentials } from '../../src/testing/index.js';
import { hmac } from './wire.js';

// A bare APEX WebSocket client for driving the sandbox's gateway by hand: frames built and read here with `ws`
// and node:crypto alone, no library code between the test and the exchange.

/** A frame as it came off the wire; `o` as sent (a JSON string, or bare text in an m 5). */
export interface Frame {
  readonly m: number;
  readonly i: number;
  readonly n: string;
  readonly o: string;
}

/** The object inside a frame's `o`. */
// biome-ignore lint/suspicious/noExplicitAny: tests read the exchange's answers field by field.
export const body = (frame: Frame): any => JSON.parse(frame.o);

let lastNonce = 1_800_000_000_000;

/** `AuthenticateUser`'s payload over a fresh nonce, signed here: UserId and Nonce as strings (APEX 3.3). */
export function signedLogin(credentials: Pick<AlphaPointCredentials, 'apiKey' | 'apiSecret' | 'userId'>) {
  lastNonce += 1;
  const nonce = String(lastNonce);
  const { apiKey, apiSecret, userId } = credentials;
  return {
    APIKey: apiKey,
    Signature: hmac(apiSecret, `${nonce}${userId}${apiKey}`),
    UserId: userId,
    Nonce: nonce,
  };
}

/** One connection to the gateway, with every frame it received. */
export class RawSocket {
  /** Every frame received, in order. */
  readonly received: Frame[] = [];
  /** Resolves with the close code when the connection ends. */
  readonly closed: Promise<number>;
  #sequence = 0;
  #taken = new Set<Frame>();
  #waiters: { readonly match: (frame: Frame) => boolean; readonly resolve: (frame: Frame) => void }[] = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as Frame;
      this.received.push(frame);
      const waiter = this.#waiters.find((candidate) => candidate.match(frame));
      if (!waiter) return;
      this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
      this.#taken.add(frame);
      waiter.resolve(frame);
    });
    this.closed = new Promise((resolve) => ws.once('close', (code) => resolve(code)));
  }

  /** Opens a socket to `url` once the handshake is done. */
  static async open(url: string): Promise<RawSocket> {
    const ws = new WebSocket(url);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return new RawSocket(ws);
  }

  /** Sends a request frame (m 0 unless told) with `o` the payload as a JSON string; its `i` (2, 4, 6 …). */
  send(n: string, payload: unknown = {}, m = 0): number {
    this.#sequence += 2;
    this.ws.send(JSON.stringify({ m, i: this.#sequence, n, o: JSON.stringify(payload) }));
    return this.#sequence;
  }

  /** The first frame received, now or later, that matches and that no earlier wait took. */
  next(match: (frame: Frame) => boolean): Promise<Frame> {
    const already = this.received.find((frame) => !this.#taken.has(frame) && match(frame));
    if (already) {
      this.#taken.add(already);
      return Promise.resolve(already);
    }
    return new Promise((resolve) => this.#waiters.push({ match, resolve }));
  }

  /** The reply (m 1) or error (m 5) to request `i`: routed by `(m, i)`, never by `i` alone. */
  reply(i: number): Promise<Frame> {
    return this.next((frame) => (frame.m === 1 || frame.m === 5) && frame.i === i);
  }

  /** Sends a request and waits for its reply. */
  async call(n: string, payload: unknown = {}): Promise<Frame> {
    return this.reply(this.send(n, payload));
  }

  /** The next event (m 3) of this name. */
  event(n: string): Promise<Frame> {
    return this.next((frame) => frame.m === 3 && frame.n === n);
  }

  /** Logs in with a signature made here; the reply's object. */
  async login(credentials: AlphaPointCredentials) {
    return body(await this.call('AuthenticateUser', signedLogin(credentials)));
  }

  /** Sends a WebSocket ping; resolves on its pong. */
  ping(): Promise<void> {
    return new Promise((resolve) => {
      this.ws.once('pong', () => resolve());
      this.ws.ping();
    });
  }

  /** Closes the connection and waits until it ended. */
  async close(): Promise<void> {
    this.ws.close();
    await this.closed;
  }
}
