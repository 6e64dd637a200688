import type { EndpointDefinition } from '../../../core/catalog.js';
import type { AnswerDrift, CallableEndpoint, EndpointBody, EndpointData } from '../../../core/client.js';
import { ConfigurationError } from '../../../core/errors.js';
import type { Permission } from '../../../core/permissions.js';
import { EventBuffer } from '../../../socket/event-buffer.js';
import { openSockets } from '../../../socket/text-socket.js';
import type { AlphaPointCatalog } from '../catalog.js';
import type { AlphaPointEvent } from './events.js';
import type { AlphaPointSubscriptions, SubscriptionName } from './subscriptions.js';

/** Options of one WebSocket call. */
export interface SocketCallOptions {
  /** Aborts the call: before it is sent it fails `not-sent`; after, `unknown`. */
  signal?: AbortSignal;
  /** This call's deadline in milliseconds, instead of the socket's `timeoutMs`. */
  timeoutMs?: number;
}

/**
 * What a WebSocket call resolves with: the reply's data, typed from the catalog. A call that moves money whose
 * reply does not match the documented schema resolves with `drift` and the data as sent (it was executed).
 */
export type SocketReply<E extends EndpointDefinition> = E['idempotent'] extends false
  ?
      | { readonly data: EndpointData<E>; readonly drift?: undefined }
      | { readonly data: unknown; readonly drift: AnswerDrift }
  : { readonly data: EndpointData<E>; readonly drift?: undefined };

/** What a socket holds now, for leak checks and metrics. */
export interface SocketStats {
  /** Connections opened so far (the first and every reconnection). */
  readonly connections: number;
  /** Connections authenticated so far. */
  readonly authentications: number;
  /** Connections that ended after they were ready. */
  readonly drops: number;
  /** Subscriptions made again on each new connection. */
  readonly subscriptions: number;
  /** Event readers (`events()`) and listeners (`on()`) attached. */
  readonly readers: number;
  readonly listeners: number;
  /** Calls waiting for their reply on the live connection. */
  readonly waiting: number;
  /** WebSockets this library has open in the process (every socket of every client). */
  readonly openSockets: number;
}

/** The ids of the authenticated session. */
export interface SocketIdentity {
  readonly userId: number | string | undefined;
  readonly accountId: number | string | undefined;
  readonly omsId: number | string | undefined;
}

/**
 * An authenticated connection to an AlphaPoint gateway that heals itself: it connects on first use, shares the
 * key's session with the client's HTTP calls, reconnects with backoff, authenticates again and restores every
 * subscription. Calls use the client's catalog, permission gate and input checks.
 */
export interface AlphaPointSocket<Granted extends Permission> {
  /** Connects and authenticates now (calls do it on first use); resolves with who the exchange says you are. */
  connect(): Promise<SocketIdentity>;
  /** Calls a catalog endpoint over the gateway (`n` is its name); only endpoints the key's permissions cover compile. */
  call<K extends CallableEndpoint<AlphaPointCatalog, Granted>>(
    name: K,
    payload?: EndpointBody<AlphaPointCatalog[K]>,
    options?: SocketCallOptions,
  ): Promise<SocketReply<AlphaPointCatalog[K]>>;
  /**
   * Subscribes, and subscribes again on every new connection. Resolves with the reply (for `SubscribeLevel2`, the
   * snapshot). A repeat of the same subscription is sent once more but kept once.
   */
  subscribe<N extends SubscriptionName>(
    name: N,
    payload?: AlphaPointSubscriptions[N],
    options?: SocketCallOptions,
  ): Promise<unknown>;
  /** Ends a market subscription (`UnsubscribeLevel1` ...): it is no longer restored. */
  unsubscribe<N extends Exclude<SubscriptionName, 'SubscribeAccountEvents'>>(
    name: N,
    payload: AlphaPointSubscriptions[N],
    options?: SocketCallOptions,
  ): Promise<void>;
  /**
   * The events from now on, as an async iterator with a buffer of its own (`eventBuffer` events): when the reader
   * falls that far behind, the oldest event is dropped and counted (a status `events-dropped`); memory never grows
   * past it. `break` releases it; `close()` ends it.
   */
  events(): AsyncIterableIterator<AlphaPointEvent>;
  /** Calls `listener` with every event, synchronously; returns the function that removes it. */
  on(listener: (event: AlphaPointEvent) => void): () => void;
  /** What the socket holds now: connections made, drops, subscriptions, readers, listeners, calls waiting. */
  stats(): SocketStats;
  /** Ends the connection, every call waiting and every reader; nothing reconnects. Safe to call more than once. */
  close(): Promise<void>;
}

/** Fan-out of events to readers and listeners. */
export class EventFanOut {
  readonly #buffers = new Set<EventBuffer<AlphaPointEvent>>();
  readonly #listeners = new Set<(event: AlphaPointEvent) => void>();

  constructor(
    private readonly capacity: number,
    private readonly onDrop: (dropped: number) => void,
  ) {}

  reader(closedError: () => Error | undefined): AsyncIterableIterator<AlphaPointEvent> {
    const buffer: EventBuffer<AlphaPointEvent> = new EventBuffer(
      this.capacity,
      () => this.#buffers.delete(buffer),
      this.onDrop,
    );
    const closed = closedError();
    if (closed) buffer.end();
    else this.#buffers.add(buffer);
    return buffer;
  }

  on(listener: (event: AlphaPointEvent) => void): () => void {
    const own = (event: AlphaPointEvent) => listener(event);
    this.#listeners.add(own);
    return () => {
      this.#listeners.delete(own);
    };
  }

  deliver(event: AlphaPointEvent): void {
    for (const buffer of this.#buffers) buffer.push(event);
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch {
        // A listener's error is its own: the other listeners and the socket go on.
      }
    }
  }

  end(): void {
    for (const buffer of [...this.#buffers]) buffer.end();
    this.#listeners.clear();
  }

  get readers(): number {
    return this.#buffers.size;
  }

  get listeners(): number {
    return this.#listeners.size;
  }
}

export { openSockets };
export const unknownName = (provider: string, name: string) =>
  new ConfigurationError(`${provider}: no endpoint named '${name}' in the catalog`, {
    provider,
    field: 'name',
  });
