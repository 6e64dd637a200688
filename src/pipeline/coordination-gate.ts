import { raceAbort } from '../core/abort.js';
import type { Coordination } from '../core/coordination.js';
import type { Logger } from '../core/log.js';
import type { KeyRateLimit } from '../core/registry.js';

/**
 * A client's fleet coordination, started once: the first request checks the shared service, and every request
 * after it uses the outcome. A service that answers is used for the client's life; one that does not either fails
 * each request until it answers (the default) or, when the coordination was told to fall back, is replaced by
 * the process's own coordination for the client's life, with a warning.
 */
export class CoordinationGate {
  readonly #coordination: Coordination;
  readonly #log: Logger;
  readonly #provider: string;
  #starting: Promise<Coordination | undefined> | undefined;
  #resolved: { readonly active: Coordination | undefined } | undefined;

  constructor(coordination: Coordination, log: Logger, provider: string) {
    this.#coordination = coordination;
    this.#log = log;
    this.#provider = provider;
  }

  /**
   * The coordination requests use: the shared one, or `undefined` for the process's own after a fallback.
   * Rejects with the start's error (a `TransportError`, `outcome: 'not-sent'`) when the service does not answer
   * and no fallback was chosen; the next request tries again.
   */
  active(signal: AbortSignal | undefined, timeoutMs: number): Promise<Coordination | undefined> {
    if (this.#resolved) return Promise.resolve(this.#resolved.active);
    this.#starting ??= this.#coordination.start({ timeoutMs }).then(
      (mode) => {
        const active = mode === 'shared' ? this.#coordination : undefined;
        if (!active) {
          this.#log.warn(
            `${this.#provider}: ${this.#coordination.name} is unreachable at start; this client coordinates in this process only (fallback chosen)`,
          );
        }
        this.#resolved = { active };
        return active;
      },
      (error: unknown) => {
        this.#starting = undefined;
        throw error;
      },
    );
    return raceAbort(this.#starting, signal);
  }

  /** The coordination in use once started; `undefined` before that and after a fallback. */
  current(): Coordination | undefined {
    return this.#resolved?.active;
  }
}

/** The fleet's limit of one key, shaped like the in-process limiter; each call bounded by `timeoutMs`. */
export function fleetRateLimit(
  coordination: Coordination,
  key: string,
  perSecond: number,
  timeoutMs: number,
): KeyRateLimit {
  const limit = coordination.rateLimit(perSecond);
  return { acquire: (signal) => limit.acquire(key, { signal, timeoutMs }) };
}
