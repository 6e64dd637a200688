import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { AlphaPointState } from './dispatch.js';
import { GatewaySocket } from './socket.js';

/** A text frame the WebSocket gateway received, exactly as sent. */
export interface ReceivedFrame {
  /** The socket it came on, numbered from 1 in the order the sockets opened. */
  readonly socket: number;
  /** The frame's text. */
  readonly text: string;
  /** When it arrived, on the sandbox's clock. */
  readonly at: number;
}

/**
 * The path of the gateway. Deployments spell it `/WSGateway/` (NDAX's docs, Coinext, Bitazza, AlphaPoint's own
 * apex-api), `/WSGateway` (hummingbot's NDAX) and `/wsgateway` (Notbank, AlphaPoint's demo): all four are taken;
 * whether APEX minds the case is not known.
 */
const GATEWAY_PATH = /^\/wsgateway\/?$/i;

/** Oldest frames are dropped from the log beyond this many, as the HTTP request log's. */
const FRAME_LOG_LIMIT = 100_000;

/** The APEX WebSocket gateway on the sandbox's HTTP port. */
export class Gateway {
  // No permessage-deflate, as Bitazza negotiated none; pings are answered by each socket (none when it stalls).
  readonly #server = new WebSocketServer({
    noServer: true,
    perMessageDeflate: false,
    maxPayload: 1 << 20,
    autoPong: false,
  });
  readonly #sockets = new Set<GatewaySocket>();
  readonly #drops: { readonly name: string; readonly execute: boolean }[] = [];
  #opened = 0;
  /** Every text frame received, in order. */
  readonly frames: ReceivedFrame[] = [];

  constructor(
    private readonly state: AlphaPointState,
    private readonly replyFirst: boolean,
  ) {}

  /** Takes an HTTP upgrade: a WebSocket on the gateway's path, a 404 anywhere else. */
  upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    if (!GATEWAY_PATH.test(path)) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    this.#server.handleUpgrade(request, socket, head, (ws) => {
      this.#opened += 1;
      const open = new GatewaySocket(this.#opened, ws, this.state, {
        takeDrop: (name) => {
          const at = this.#drops.findIndex((drop) => drop.name === name);
          return at < 0 ? undefined : this.#drops.splice(at, 1)[0];
        },
        received: (id, text) => {
          this.frames.push({ socket: id, text, at: this.state.now() });
          if (this.frames.length > FRAME_LOG_LIMIT)
            this.frames.splice(0, this.frames.length - FRAME_LOG_LIMIT);
        },
        replyFirst: this.replyFirst,
      });
      this.#sockets.add(open);
      ws.on('close', () => this.#sockets.delete(open));
    });
  }

  /** Sockets open now. */
  get openSockets(): number {
    return this.#sockets.size;
  }

  /** Sockets opened since the start. */
  get socketsOpened(): number {
    return this.#opened;
  }

  #of(apiKey: string | undefined): GatewaySocket[] {
    return [...this.#sockets].filter((open) => apiKey === undefined || open.account?.apiKey === apiKey);
  }

  /** Drops every open socket, or those logged in with one key; how many. */
  dropSockets(apiKey?: string): number {
    const chosen = this.#of(apiKey);
    for (const open of chosen) open.drop();
    return chosen.length;
  }

  /** Stalls every open socket, or those logged in with one key; how many. */
  stallSockets(apiKey: string | undefined, pong: boolean): number {
    const chosen = this.#of(apiKey);
    for (const open of chosen) {
      open.stalled = true;
      open.pongWhileStalled = pong;
    }
    return chosen.length;
  }

  /** The next call of this name, on any socket, drops its socket (after executing it, by default). */
  dropOnNext(name: string, execute: boolean): void {
    this.#drops.push({ name, execute });
  }

  /** Forgets queued drops. */
  clearDrops(): void {
    this.#drops.length = 0;
  }

  /** Drops every socket and stops taking new ones. */
  async close(): Promise<void> {
    this.dropSockets();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}
