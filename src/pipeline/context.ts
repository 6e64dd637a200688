import type { Catalog, EndpointDefinition } from '../core/catalog.js';
import type { ClockOffset } from '../core/clock-offset.js';
import type { Logger } from '../core/log.js';
import type { Permission } from '../core/permissions.js';
import type { Provider } from '../core/provider.js';
import type { KeyRateLimit } from '../core/registry.js';
import type { AuthStrategy } from '../core/strategy.js';
import type { CoordinationGate } from './coordination-gate.js';
import type { EventSink } from './events.js';
import type { ResolvedClientOptions } from './settings.js';
import type { Transport } from './transport.js';

/** Everything one client's requests share. */
export interface PipelineContext {
  readonly provider: Provider<Permission, Catalog, object>;
  /** The current key's strategy (what a request beginning now is signed with). */
  readonly strategy: AuthStrategy;
  /** The client's keys: each request takes the current one for all its attempts. */
  readonly keys: KeyHolder;
  readonly granted: ReadonlySet<Permission>;
  /** The granted permissions as a list, made once. */
  readonly grantedList: readonly Permission[];
  readonly transport: Transport;
  readonly limiter: KeyRateLimit | undefined;
  /** The fleet's coordination (the client's `coordination` option), started on first use; else `undefined`. */
  readonly coordination: CoordinationGate | undefined;
  /** The fleet's rate limit of this client's key, used in place of `limiter` while the fleet coordinates. */
  readonly fleetLimiter: KeyRateLimit | undefined;
  readonly options: ResolvedClientOptions;
  /** The exchange's clock offset, measured from the `Date` header of every answer this client reads. */
  readonly clockOffset: ClockOffset;
  readonly log: Logger & { readonly enabled: boolean };
  /** The client's metrics events (and the log lines of logins). */
  readonly events: EventSink;
  /** False once the client (or the client it was derived from) is closed: nothing more is sent or logged in. */
  readonly isOpen: () => boolean;
}

/** One key of a client: its strategy, and the rate limits of that key. */
export interface KeyGeneration {
  readonly strategy: AuthStrategy;
  readonly limiter: KeyRateLimit | undefined;
  readonly fleetLimiter: KeyRateLimit | undefined;
}

/** The keys of a client: the one new requests take, and every one it held (for masking). */
export interface KeyHolder {
  readonly current: KeyGeneration;
  /** The current key, for one request; `release` once the request has ended. */
  enter(): { readonly generation: KeyGeneration; readonly release: () => void };
  /** The secrets of every key the client has held. */
  secrets(): string[];
}

/** A catalog entry a request was matched to. */
export interface EndpointMatch {
  readonly name: string;
  readonly endpoint: EndpointDefinition;
}
