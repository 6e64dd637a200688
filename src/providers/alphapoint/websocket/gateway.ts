import type { Clock } from '../../../core/clock.js';
import {
  AuthenticationError,
  ConfigurationError,
  TransportError,
  TwoFactorRequiredError,
} from '../../../core/errors.js';
import type { Session } from '../../../core/session.js';
import { type ReconnectPolicy, reconnectDelay } from '../../../socket/backoff.js';
import { Deadlines } from '../../../socket/deadlines.js';
import { openTextSocket } from '../../../socket/text-socket.js';
import { authenticateConnection, type SocketAuthSettings } from './authenticate.js';
import { Connection } from './connection.js';
import type { Frame } from './frames.js';
import { type KeepAlivePolicy, keepAlive } from './keep-alive.js';
import type { SocketStatus } from './status.js';

/** What a gateway needs. */
export interface GatewaySettings {
  readonly url: string;
  readonly provider: string;
  readonly clock: Clock;
  readonly auth: SocketAuthSettings;
  readonly connectTimeoutMs: number;
  readonly keepAlive: KeepAlivePolicy;
  readonly reconnect: ReconnectPolicy;
  /** Failed authentications in a row after which no more are tried (APEX locks users after rapid failures). */
  readonly maxAuthFailures: number;
  readonly maxPayload: number;
  readonly onEvent: (frame: Frame) => void;
  readonly onStatus: (status: SocketStatus) => void;
  /** Restores the subscriptions on a connection just authenticated. */
  readonly restore: (connection: Connection, session: Session) => Promise<void>;
}

/** A connection ready for calls, and the session it runs on. */
export interface Live {
  readonly connection: Connection;
  readonly session: Session;
}

/** Authentication failures that count towards the breaker; locked accounts and missing codes trip it at once. */
const authFailure = (error: unknown) =>
  error instanceof AuthenticationError || error instanceof TwoFactorRequiredError;
const hopeless = (error: unknown) =>
  error instanceof TwoFactorRequiredError ||
  (error instanceof AuthenticationError && error.exchangeCode === 'locked');

/**
 * One gateway: connects on first use, authenticates each connection, restores its subscriptions, keeps it alive,
 * and reconnects with backoff and jitter whenever it ends, until closed. After `maxAuthFailures` authentications
 * in a row fail (or one the exchange says cannot succeed: a locked account, a second factor without a code
 * source), the breaker opens: nothing more is tried and every call fails with that error.
 */
export class Gateway {
  readonly #settings: GatewaySettings;
  readonly #stop = new AbortController();
  #live: Live | undefined;
  #waiters = new Set<{ resolve: (live: Live) => void; reject: (error: unknown) => void }>();
  #running: Promise<void> | undefined;
  #fatal: Error | undefined;
  /** Connections opened and authentications made, for tests and stats. */
  readonly counts = { connections: 0, authentications: 0, drops: 0 };

  /** The deadlines of the calls on this gateway, on one timer. */
  readonly deadlines: Deadlines;

  constructor(settings: GatewaySettings) {
    this.#settings = settings;
    this.deadlines = new Deadlines(settings.clock);
  }

  /** The live connection, connecting first if needed. Rejects with why there is none (closed, breaker open). */
  ready(signal?: AbortSignal): Promise<Live> {
    if (this.#fatal) return Promise.reject(this.#fatal);
    if (this.#stop.signal.aborted) return Promise.reject(this.#closedError());
    if (this.#live && !this.#live.connection.ended) return Promise.resolve(this.#live);
    this.#running ??= this.#run();
    return new Promise<Live>((resolve, reject) => {
      const waiter = {
        resolve: (live: Live) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(live);
        },
        reject: (error: unknown) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
      };
      const onAbort = () => {
        this.#waiters.delete(waiter);
        reject(signal?.reason);
      };
      if (signal?.aborted) return reject(signal.reason);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#waiters.add(waiter);
    });
  }

  /** The live connection, if there is one now (no waiting). */
  liveNow(): Live | undefined {
    return this.#live && !this.#live.connection.ended && !this.#fatal ? this.#live : undefined;
  }

  /** The session of the live connection was refused (errorcode 20): drop it and reconnect on a renewed one. */
  async renew(live: Live): Promise<void> {
    await this.#settings.auth.expire(live.session.token);
    live.connection.terminate();
  }

  /** Calls waiting for their reply on the live connection. */
  get waiting(): number {
    return this.#live?.connection.waiting ?? 0;
  }

  /** Stops reconnecting, ends the connection, and fails every waiter. */
  async close(): Promise<void> {
    if (this.#stop.signal.aborted) return;
    this.#stop.abort();
    this.#live?.connection.terminate();
    this.#fail(this.#closedError());
    await this.#running;
    this.deadlines.drain();
  }

  #closedError() {
    const { provider } = this.#settings;
    return new ConfigurationError(`${provider}: the WebSocket is closed; open another with websocket()`, {
      provider,
      field: 'websocket',
    });
  }

  #fail(error: unknown) {
    for (const waiter of this.#waiters) waiter.reject(error);
    this.#waiters.clear();
  }

  async #run(): Promise<void> {
    const { clock, reconnect, onStatus } = this.#settings;
    let failures = 0;
    let authFailures = 0;
    let reconnecting = false;
    while (!this.#stop.signal.aborted) {
      try {
        await this.#connectOnce(reconnecting);
        failures = 0;
        authFailures = 0;
      } catch (error) {
        if (this.#stop.signal.aborted) break;
        failures += 1;
        if (authFailure(error)) {
          authFailures += 1;
          if (authFailures >= this.#settings.maxAuthFailures || hopeless(error)) {
            this.#fatal = error as Error;
            onStatus({ type: 'breaker-open', failures: authFailures });
            this.#fail(error);
            this.deadlines.drain();
            return;
          }
        }
      }
      if (this.#stop.signal.aborted) break;
      reconnecting = true;
      const delayMs = reconnectDelay(failures, reconnect, clock.random());
      onStatus({ type: 'reconnecting', attempt: failures + 1, delayMs });
      await clock.sleep(delayMs, this.#stop.signal).catch(() => undefined);
    }
  }

  /** One connection, from opening to its end. Resolves when a ready connection ends; rejects if it never was. */
  async #connectOnce(reconnecting: boolean): Promise<void> {
    const settings = this.#settings;
    const { clock } = settings;
    let connection: Connection | undefined;
    let ended: () => void = () => undefined;
    const end = new Promise<void>((resolve) => {
      ended = resolve;
    });
    // A stalled login or restore ends the connection at the deadline (and counts as a failed connection).
    let cancelDeadline: (() => void) | undefined;
    try {
      const socket = await openTextSocket(settings.url, {
        timeoutMs: settings.connectTimeoutMs,
        clock,
        maxPayload: settings.maxPayload,
        signal: this.#stop.signal,
      });
      this.counts.connections += 1;
      const opened = new Connection(
        socket,
        () => clock.now(),
        settings.onEvent,
        () => ended(),
      );
      connection = opened;
      cancelDeadline = clock.setTimer(settings.connectTimeoutMs, () => opened.terminate());
      if (this.#stop.signal.aborted) throw this.#closedError();
      const session = await authenticateConnection(opened, settings.auth);
      this.counts.authentications += 1;
      await settings.restore(opened, session);
      cancelDeadline();
      if (opened.ended)
        throw new TransportError(`${settings.provider}: the connection ended while restoring`, {
          provider: settings.provider,
          outcome: 'not-sent',
        });
      this.#live = { connection: opened, session };
      settings.onStatus({ type: 'authenticated', reconnect: reconnecting });
      for (const waiter of this.#waiters) waiter.resolve(this.#live);
      this.#waiters.clear();
    } catch (error) {
      cancelDeadline?.();
      connection?.terminate();
      throw error;
    }
    const stopKeepAlive = keepAlive(connection, clock, settings.keepAlive, () =>
      settings.onStatus({ type: 'dead' }),
    );
    await end;
    stopKeepAlive();
    this.#live = undefined;
    if (this.#stop.signal.aborted) return;
    this.counts.drops += 1;
    settings.onStatus({ type: 'disconnected' });
  }
}
