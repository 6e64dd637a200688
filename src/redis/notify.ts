import { randomBytes } from 'node:crypto';
import type { Clock } from '../core/clock.js';
import type { RedisLike } from './types.js';
import { pause } from './wait.js';

/**
 * Subscribes to a channel on a connection of its own; resolves to what ends the subscription. `onEnd` is called
 * if the subscription ends by itself (the user's client was closed).
 */
type Listen = (
  channel: string,
  onMessage: (message: string) => void,
  onEnd: () => void,
) => Promise<() => void>;

/** Calls `callback` in `ms` on the real clock without keeping the process alive (housekeeping, not timing). */
function housekeeping(ms: number, callback: () => void): () => void {
  const timer = setTimeout(callback, ms);
  timer.unref();
  return () => clearTimeout(timer);
}

/** How long a subscription nobody waits on is kept before its connection is closed. */
const IDLE_MS = 10_000;
/** After a subscription failed (no SUBSCRIBE permission, Redis down), how long before it is tried again. */
const RETRY_MS = 5_000;

/** The shape of an ioredis client (or `Cluster`) that this module uses to listen: a duplicate connection. */
interface IoredisLike {
  duplicate(): IoredisLike;
  on(event: string, listener: (...args: never[]) => void): unknown;
  off?(event: string, listener: (...args: never[]) => void): unknown;
  subscribe(channel: string): Promise<unknown>;
  disconnect(): void;
  stream?: { unref?: () => void };
}

function isIoredis(redis: unknown): redis is IoredisLike {
  const client = redis as Partial<Record<keyof IoredisLike, unknown>>;
  return (
    typeof client.duplicate === 'function' &&
    typeof client.on === 'function' &&
    typeof client.subscribe === 'function' &&
    typeof client.disconnect === 'function'
  );
}

/**
 * Listening through an ioredis client: a duplicate connection (closed when the subscription ends, or when the
 * user's client ends), its socket unref'd so that it never keeps the process alive.
 */
function ioredisListen(redis: IoredisLike): Listen {
  return async (channel, onMessage, onEnd) => {
    const subscriber = redis.duplicate();
    let closed = false;
    const close = () => {
      if (closed) return;
      closed = true;
      redis.off?.('end', ended);
      subscriber.disconnect();
    };
    const ended = () => {
      close();
      onEnd();
    };
    subscriber.on('error', () => undefined);
    subscriber.on('connect', () => subscriber.stream?.unref?.());
    subscriber.on('message', ((from: string, message: string) => {
      if (from === channel) onMessage(message);
    }) as (...args: never[]) => void);
    redis.on('end', ended);
    try {
      await subscriber.subscribe(channel);
    } catch (error) {
      close();
      throw error;
    }
    return close;
  };
}

/** How `redis` can listen: its own `listen`, an ioredis duplicate, or not at all. */
function listenOf(redis: RedisLike): Listen | undefined {
  const own = redis.listen;
  if (typeof own === 'function')
    return (channel, onMessage, onEnd) => own.call(redis, channel, onMessage, onEnd);
  if (isIoredis(redis)) return ioredisListen(redis);
  return undefined;
}

/** One process's wait for a key's turn: woken when the turn is handed to it. */
export interface TurnWait {
  /** The id the process waits under (the lock's value once it holds it). */
  readonly owner: string;
  /** True once messages reach this process: waits may be long, a handoff wakes them. */
  readonly notified: boolean;
  /** Forget wake-ups seen so far (before each try). */
  reset(): void;
  /** Sleeps about `ms` on the clock, or less when woken; rejects with the signal's reason on abort. */
  wait(ms: number, signal: AbortSignal | undefined): Promise<void>;
  /** The wait is over. */
  done(): void;
}

/** Rejection reason of a sleep cut short by a wake-up. */
const WOKEN = Symbol('woken');

class Waiter implements TurnWait {
  readonly owner: string;
  readonly #notifier: Notifier;
  #woken = false;
  #wake: (() => void) | undefined;

  constructor(notifier: Notifier, owner: string) {
    this.#notifier = notifier;
    this.owner = owner;
  }

  get notified(): boolean {
    return this.#notifier.subscribed;
  }

  reset(): void {
    this.#woken = false;
  }

  wake(): void {
    this.#woken = true;
    this.#wake?.();
  }

  wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.#woken) return Promise.resolve();
    this.#notifier.listen();
    const stop = new AbortController();
    const onAbort = () => stop.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    this.#wake = () => stop.abort(WOKEN);
    return pause(this.#notifier.clock, ms, stop.signal)
      .catch((error: unknown) => {
        if (error !== WOKEN) throw error;
      })
      .finally(() => {
        this.#wake = undefined;
        signal?.removeEventListener('abort', onAbort);
      });
  }

  done(): void {
    this.#notifier.forget(this);
  }
}

/**
 * The wake-ups of one process on one client and prefix: one channel (`<prefix>turn:<token>`, the token random),
 * subscribed while someone waits. A process that hands a key's turn over publishes the new holder's id to the
 * holder's channel, from the same Lua script that hands it over.
 */
export class Notifier {
  readonly clock: Clock;
  /** Every owner id of this process starts with it; the channel ends with it. */
  readonly token = randomBytes(8).toString('hex');
  readonly channel: string;
  readonly #listen: Listen | undefined;
  readonly #waiters = new Map<string, Waiter>();
  #count = 0;
  #state: 'off' | 'subscribing' | 'on' | 'failed' = 'off';
  #close: (() => void) | undefined;
  #cancelIdle: (() => void) | undefined;

  constructor(redis: RedisLike, channelPrefix: string, clock: Clock) {
    this.#listen = listenOf(redis);
    this.channel = `${channelPrefix}${this.token}`;
    this.clock = clock;
  }

  get subscribed(): boolean {
    return this.#state === 'on';
  }

  /**
   * A wait under `owner` (an id this notifier gave before), or under a new owner id. Without a way to listen,
   * the id names no channel (it starts with a dot) and waits are plain sleeps.
   */
  expect(owner = this.#newOwner()): TurnWait {
    const waiter = new Waiter(this, owner);
    if (!this.#listen) return waiter;
    this.#waiters.set(owner, waiter);
    this.#cancelIdle?.();
    this.#cancelIdle = undefined;
    return waiter;
  }

  #newOwner(): string {
    this.#count += 1;
    return this.#listen ? `${this.token}.${this.#count.toString(36)}` : `.${randomBytes(8).toString('hex')}`;
  }

  /** Starts listening, if the client can and it does not yet: from a process's first wait on, not before. */
  listen(): void {
    if (this.#listen && this.#state === 'off') this.#subscribe(this.#listen);
  }

  forget(waiter: Waiter): void {
    if (this.#waiters.get(waiter.owner) !== waiter) return;
    this.#waiters.delete(waiter.owner);
    this.#idle();
  }

  /** Once nobody waits, the subscription is ended after a while (its connection closed). */
  #idle(): void {
    if (this.#waiters.size > 0 || this.#state !== 'on' || this.#cancelIdle) return;
    this.#cancelIdle = housekeeping(IDLE_MS, () => {
      this.#cancelIdle = undefined;
      if (this.#waiters.size > 0) return;
      this.#state = 'off';
      this.#close?.();
      this.#close = undefined;
    });
  }

  #subscribe(listen: Listen): void {
    this.#state = 'subscribing';
    const onMessage = (owner: string) => this.#waiters.get(owner)?.wake();
    const onEnd = () => {
      if (this.#state !== 'on') return;
      this.#state = 'off';
      this.#close = undefined;
    };
    let subscribing: Promise<() => void>;
    try {
      subscribing = listen(this.channel, onMessage, onEnd);
    } catch (error) {
      subscribing = Promise.reject(error);
    }
    subscribing.then(
      (close) => {
        this.#close = close;
        this.#state = 'on';
        // A turn handed over before the subscription took would have gone unheard: everyone asks again.
        for (const waiter of this.#waiters.values()) waiter.wake();
        this.#idle();
      },
      () => {
        this.#state = 'failed';
        housekeeping(RETRY_MS, () => {
          if (this.#state === 'failed') this.#state = 'off';
        });
      },
    );
  }
}
