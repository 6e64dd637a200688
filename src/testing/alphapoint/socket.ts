import type { WebSocket } from 'ws';
import type { ServerAnswer } from '../http-server.js';
import type { SandboxAccount } from './accounts.js';
import { failed } from './answers.js';
import { type AlphaPointState, dispatch, knownCall } from './dispatch.js';
import { errorFrame, eventFrame, type RequestFrame, readFrame, replyFrame } from './frames.js';
import { SOCKET_CALLS, type SocketSession } from './socket-calls.js';

/** What a socket asks of the gateway it belongs to. */
export interface GatewayHooks {
  /** Whether to drop the socket on this call, and whether to execute the call first (answer-then-drop). */
  takeDrop(name: string): { readonly execute: boolean } | undefined;
  /** Notes a text frame received. */
  received(socket: number, text: string): void;
  /** Whether the events a call causes on its own socket go out after its reply (else before it). */
  readonly replyFirst: boolean;
}

/** One connection to the APEX WebSocket gateway: its session, its subscriptions and its own event counter. */
export class GatewaySocket implements SocketSession {
  token: string | undefined;
  pending2fa: string | undefined;
  /** The account of the last login on this socket (for dropping one key's sockets). */
  account: SandboxAccount | undefined;
  /** A stalled socket answers nothing and sends no event, but stays open. */
  stalled = false;
  /** Whether a stalled socket still answers WebSocket pings (a hung application behind a live connection). */
  pongWhileStalled = false;
  #eventSequence = 0;
  /** Events held back while a call is answered, when the reply goes first. */
  #held: string[] | undefined;
  readonly #topics = new Map<string, { readonly kind: 'account' | 'market'; readonly off: () => void }>();

  constructor(
    readonly id: number,
    private readonly ws: WebSocket,
    private readonly state: AlphaPointState,
    private readonly hooks: GatewayHooks,
  ) {
    ws.on('message', (data, isBinary) => {
      if (!isBinary) this.receive(data.toString());
    });
    ws.on('ping', (data) => {
      if (!this.stalled || this.pongWhileStalled) ws.pong(data);
    });
    ws.on('close', () => this.forget());
  }

  bind(account: SandboxAccount, token: string): void {
    if (this.account !== undefined && this.account !== account) this.#drop('account');
    this.account = account;
    this.token = token;
  }

  unbind(): void {
    this.token = undefined;
    this.#drop('account');
  }

  subscribe(topic: string, kind: 'account' | 'market'): boolean {
    if (this.#topics.has(topic)) return false;
    const off = this.state.events.on(topic, (name, body) => {
      if (kind === 'market' || this.state.sessions.alive(this.token)) this.event(name, body);
    });
    this.#topics.set(topic, { kind, off });
    return true;
  }

  unsubscribe(topic: string): void {
    this.#topics.get(topic)?.off();
    this.#topics.delete(topic);
  }

  /** Sends an event (m 3), numbered by the socket's own counter: 2, 4, 6 … as Bitazza's rose. */
  event(name: string, body: Record<string, unknown>): void {
    if (this.stalled) return;
    this.#eventSequence += 2;
    const frame = eventFrame(this.#eventSequence, name, body);
    if (this.#held) this.#held.push(frame);
    else this.#send(frame);
  }

  /** Closes the connection at once, with no closing handshake: the client sees it drop (code 1006). */
  drop(): void {
    this.ws.terminate();
  }

  /** Stops listening to every topic (the socket closed). */
  forget(): void {
    for (const topic of [...this.#topics.keys()]) this.unsubscribe(topic);
  }

  #drop(kind: 'account' | 'market'): void {
    for (const [topic, entry] of [...this.#topics]) if (entry.kind === kind) this.unsubscribe(topic);
  }

  #send(text: string): void {
    if (this.ws.readyState === this.ws.OPEN) this.ws.send(text);
  }

  /** Reads one text frame and answers it, or drops the socket where a test asked for that. */
  receive(text: string): void {
    this.hooks.received(this.id, text);
    if (this.stalled) return;
    const frame = readFrame(text);
    if (!frame) return;
    const drop = this.hooks.takeDrop(frame.n);
    if (drop) {
      if (drop.execute) this.#execute(frame);
      this.drop();
      return;
    }
    this.#held = this.hooks.replyFirst ? [] : undefined;
    const answer = this.#execute(frame);
    const held = this.#held ?? [];
    this.#held = undefined;
    if (this.stalled) return;
    if (answer === undefined) this.#send(errorFrame(frame.i, frame.n, 'Endpoint Not Found'));
    else this.#send(replyFrame(frame.i, frame.n, answer.body));
    for (const event of held) this.#send(event);
  }

  /** Runs the call a frame names: the socket's own calls here, every other by the one dispatch. */
  #execute(frame: RequestFrame): ServerAnswer | undefined {
    const own = Object.hasOwn(SOCKET_CALLS, frame.n) ? SOCKET_CALLS[frame.n] : undefined;
    if (own) return frame.payload ? own(this.state, this, frame.payload) : failed(100, 'Invalid Request');
    if (!knownCall(frame.n)) return undefined;
    return dispatch(this.state, frame.n, frame.payload, { token: this.token });
  }
}
