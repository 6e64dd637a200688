import type { Catalog, EndpointDefinition } from '../core/catalog.js';
import type { Logger } from '../core/log.js';
import type { Permission } from '../core/permissions.js';
import type { Provider } from '../core/provider.js';
import type { AuthStrategy } from '../core/strategy.js';
import type { EventSink } from './events.js';
import type { RateLimiter } from './rate-limiter.js';
import type { ResolvedClientOptions } from './settings.js';
import type { Transport } from './transport.js';

/** Everything one client's requests share. */
export interface PipelineContext {
  readonly provider: Provider<Permission, Catalog, object>;
  readonly strategy: AuthStrategy;
  readonly granted: ReadonlySet<Permission>;
  /** The granted permissions as a list, made once. */
  readonly grantedList: readonly Permission[];
  readonly transport: Transport;
  readonly limiter: RateLimiter | undefined;
  readonly options: ResolvedClientOptions;
  readonly log: Logger & { readonly enabled: boolean };
  /** The client's metrics events (and the log lines of logins). */
  readonly events: EventSink;
  /** False once the client (or the client it was derived from) is closed: nothing more is sent or logged in. */
  readonly isOpen: () => boolean;
}

/** A catalog entry a request was matched to. */
export interface EndpointMatch {
  readonly name: string;
  readonly endpoint: EndpointDefinition;
}
