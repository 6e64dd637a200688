import type { RequestOptions } from '../core/client.js';
import type { ErrorCode } from '../core/errors.js';
import type { AuthEvent, ClientEvent, ClientEventListener, RequestEventFields } from '../core/events.js';
import { isThenable, type Logger } from '../core/log.js';
import { redactorFor } from '../core/redact.js';
import type { PipelineContext } from './context.js';

/** Where one client's events go: the user's listener, masked, and the log lines of logins and renewals. */
export interface EventSink {
  /** True when a listener is set: events are only built then. */
  readonly enabled: boolean;
  /** Sends an event to the listener, with every known secret masked. */
  emit(event: ClientEvent): void;
  /** A strategy's event (through `AuthContext.onEvent`): logged, then sent on with the provider's name. */
  auth(event: AuthEvent): void;
}

const ignore = () => undefined;

/** The sink of every client with neither a listener nor a logger: nothing to send, nothing to log. */
const SILENT: EventSink = Object.freeze({ enabled: false, emit: ignore, auth: ignore });

/** Builds the event sink of a client or authoriser. */
export function createEventSink(
  listener: ClientEventListener | undefined,
  provider: string,
  secrets: () => readonly string[],
  log: Logger & { readonly enabled?: boolean },
): EventSink {
  if (listener === undefined && log.enabled === false) return SILENT;
  let warned = false;
  // A metrics listener must never break a request; say so once, without its message (it may echo anything).
  const failed = (error: unknown) => {
    if (warned) return;
    warned = true;
    log.warn(`${provider}: the onEvent listener threw (${(error as Error)?.name ?? 'a value'}); ignored`);
  };
  const emit = (event: ClientEvent) => {
    if (!listener) return;
    try {
      const result: unknown = listener(redactorFor(secrets()).value(event) as ClientEvent);
      // An async listener's rejection would otherwise be unhandled: it kills a Node process.
      if (isThenable(result)) result.then(undefined, failed);
    } catch (error) {
      failed(error);
    }
  };
  return {
    enabled: listener !== undefined,
    emit,
    auth(event) {
      if (event.type === 'login-started') log.info(`${provider}: logging in`);
      else if (event.type === 'login-finished' && event.ok) {
        log.info(`${provider}: logged in`, { durationMs: event.durationMs });
      } else if (event.type === 'login-finished') {
        log.warn(`${provider}: the login failed (${event.errorCode ?? 'error'})`, {
          durationMs: event.durationMs,
        });
      } else if (event.reason === 'idle') {
        log.info(`${provider}: the session was idle for nearly its lifetime; renewing it before use`);
      }
      emit({ ...event, provider });
    },
  };
}

/** What the events need to know of a request's attempts. */
export interface Trace {
  endpoint: string | undefined;
  attempts: number;
  status: number | undefined;
  /** True while an attempt is in the transport's hands: bytes may have left. */
  onWire?: boolean;
}

/** The fields every request event carries. */
export function where(ctx: PipelineContext, options: RequestOptions, trace: Trace): RequestEventFields {
  const path = options.path.split('?')[0] ?? options.path;
  return { provider: ctx.provider.name, method: options.method, path, endpoint: trace.endpoint };
}

/** Reports the end of a request: its outcome, last status, attempts and duration. */
export function finished(
  ctx: PipelineContext,
  options: RequestOptions,
  trace: Trace,
  started: number,
  outcome: 'ok' | ErrorCode | 'other',
): void {
  ctx.events.emit({
    ...where(ctx, options, trace),
    type: 'request-finished',
    status: trace.status,
    attempts: trace.attempts,
    durationMs: ctx.options.clock.now() - started,
    outcome,
  });
}
