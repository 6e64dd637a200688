import { z } from 'zod';
import type { Catalog } from '../core/catalog.js';
import { type Clock, systemClock } from '../core/clock.js';
import type { SharedKeys } from '../core/coordination.js';
import type { CredentialsReload, CredentialsSource } from '../core/credentials-source.js';
import { ConfigurationError, ExchangeAuthError } from '../core/errors.js';
import type { ClientEvent } from '../core/events.js';
import type { Logger } from '../core/log.js';
import type { Permission } from '../core/permissions.js';
import type { Provider } from '../core/provider.js';
import { registryKey } from '../core/registry.js';
import type { AuthStrategy } from '../core/strategy.js';
import { millisecondsSchema } from '../core/validate.js';
import { checkProvider } from './check-provider.js';

/** The `credentials` client option, checked by shape (field names in every message). */
export const credentialsSourceSchema = z
  .object({
    load: z.custom<CredentialsSource['load']>((value) => typeof value === 'function', {
      error:
        'load must be a function returning a provider (or a promise of one), such as () => bitex({ ... })',
    }),
    refreshEveryMs: millisecondsSchema('refreshEveryMs')
      .min(10, { error: 'refreshEveryMs must be at least 10' })
      .optional(),
    loadTimeoutMs: millisecondsSchema('loadTimeoutMs').optional(),
  })
  .strict();

/** What a {@link CredentialsWatch} needs of its client. */
export interface WatchTarget {
  readonly provider: string;
  readonly clock: Clock;
  readonly log: Logger;
  emit(event: ClientEvent): void;
  /** The strategy new requests take now. */
  current(): AuthStrategy;
  /** This client's id in the fleet's key holds (made on first use). */
  holder(): string;
  /** Refuses a provider `rotate` would refuse (another exchange, base URL or access type). */
  check(next: unknown): void;
  /** The client's rotation (checks, then the new key; resolves once the old one is released). */
  rotate(next: Provider<Permission, Catalog, object>): Promise<void>;
  /** The fleet's key holds, once the client knows it coordinates with a fleet (not when it fell back). */
  fleet(): SharedKeys | undefined;
  /** How often the fleet wants its holds renewed, when the client's coordination has key holds. */
  readonly fleetEveryMs: number | undefined;
}

const LOAD_TIMEOUT_MS = 30_000;
/** How long `close()` waits for the fleet to hear that the client let its key go. */
const LET_GO_MS = 1_000;
/** Key ids of strategies without one of their own, from their secrets when first seen (before any login). */
const fallbackIds = new WeakMap<AuthStrategy, string>();

/** The key id of `strategy`: its own, or a salted hash of the secrets it first named. */
export function keyIdOf(strategy: AuthStrategy): string {
  if (strategy.keyId !== undefined) return strategy.keyId;
  let id = fallbackIds.get(strategy);
  if (id === undefined) {
    id = registryKey('key', strategy.scheme, ...strategy.secrets());
    fallbackIds.set(strategy, id);
  }
  return id;
}

/** Calls `callback` in `ms`: on the system clock without keeping the process alive, else on the given clock. */
function timer(clock: Clock, ms: number, callback: () => void): () => void {
  if (clock !== systemClock) return clock.setTimer(ms, callback);
  const handle = setTimeout(callback, ms);
  handle.unref();
  return () => clearTimeout(handle);
}

/**
 * A client's credentials source: reads it (on demand, every `refreshEveryMs`, and when the fleet says the key was
 * replaced), and rotates when it returns another key. Failures are reported and change nothing.
 */
export class CredentialsWatch {
  readonly #target: WatchTarget;
  readonly #source: z.output<typeof credentialsSourceSchema>;
  #reading: Promise<CredentialsReload> | undefined;
  readonly #cancel: (() => void)[] = [];
  #stopped = false;

  constructor(target: WatchTarget, source: z.output<typeof credentialsSourceSchema>) {
    this.#target = target;
    this.#source = source;
    keyIdOf(target.current());
    const every = source.refreshEveryMs;
    if (every !== undefined) this.#repeat(every, () => this.#quietly(this.reload()));
    // The fleet counts this client from its first check (or read) on.
    if (target.fleetEveryMs !== undefined)
      this.#repeat(target.fleetEveryMs, () => this.#quietly(this.#check()));
  }

  /** Runs `task` every `ms` until stopped, one run at a time. */
  #repeat(ms: number, task: () => Promise<void>): void {
    let cancel: (() => void) | undefined;
    const schedule = () => {
      if (this.#stopped) return;
      cancel = timer(this.#target.clock, ms, () => {
        void task().finally(schedule);
      });
    };
    this.#cancel.push(() => cancel?.());
    schedule();
  }

  async #quietly(work: Promise<unknown>): Promise<void> {
    try {
      await work;
    } catch {
      // Reported where it failed; the current key stays.
    }
  }

  /** The fleet check: renews this client's hold, and reads the source when another process replaced the key. */
  async #check(): Promise<void> {
    const fleet = this.#target.fleet();
    if (!fleet) return;
    const replaced = await this.#hold(fleet);
    if (replaced) await this.reload();
  }

  async #hold(fleet: SharedKeys): Promise<boolean> {
    try {
      return (await fleet.hold(keyIdOf(this.#target.current()), this.#target.holder())).replaced;
    } catch (error) {
      this.#report('fleet-unavailable', error);
      return false;
    }
  }

  /** Reads the source now (joining a read under way) and rotates when it returned another key. */
  reload(): Promise<CredentialsReload> {
    this.#reading ??= this.#read().finally(() => {
      this.#reading = undefined;
    });
    return this.#reading;
  }

  async #read(): Promise<CredentialsReload> {
    const fleet = this.#target.fleet();
    if (fleet) await this.#hold(fleet);
    let next: Provider<Permission, Catalog, object>;
    try {
      next = checkProvider(await this.#load(), 'credentials.load');
    } catch (error) {
      this.#report(error instanceof LoadTimeout ? 'load-timeout' : 'load-failed', error);
      throw error instanceof LoadTimeout ? error.toConfigurationError(this.#target.provider) : error;
    }
    try {
      this.#target.check(next);
      if (keyIdOf(next.strategy) === keyIdOf(this.#target.current())) return 'unchanged';
      await this.#target.rotate(next);
    } catch (error) {
      this.#report('refused', error);
      throw error;
    }
    this.#target.emit({ type: 'credentials-rotated', provider: this.#target.provider });
    this.#target.log.info(`${this.#target.provider}: the credentials source gave a new key; rotated to it`);
    return 'rotated';
  }

  #load(): Promise<unknown> {
    const ms = this.#source.loadTimeoutMs ?? LOAD_TIMEOUT_MS;
    return new Promise<unknown>((resolve, reject) => {
      const cancel = this.#target.clock.setTimer(ms, () => reject(new LoadTimeout(ms)));
      // A load that throws at once is a failed load, as a rejection is.
      Promise.resolve()
        .then(() => this.#source.load())
        .then(resolve, reject)
        .finally(cancel);
    });
  }

  /** Says what failed, never quoting the error's message (it may hold a credential the client has not seen yet). */
  #report(reason: 'load-failed' | 'load-timeout' | 'refused' | 'fleet-unavailable', error: unknown): void {
    const { provider } = this.#target;
    const errorName = error instanceof Error ? error.name : typeof error;
    const errorCode = error instanceof ExchangeAuthError ? error.code : undefined;
    const field = error instanceof ConfigurationError ? `, ${error.field}` : '';
    this.#target.log.warn(
      `${provider}: ${REASONS[reason]} (${errorName}${field}); the client keeps its current key`,
    );
    this.#target.emit({ type: 'credentials-failed', provider, reason, errorCode });
  }

  /** Stops the timers; a read under way finishes. */
  stop(): void {
    this.#stopped = true;
    for (const cancel of this.#cancel.splice(0)) cancel();
  }

  /**
   * The client closed: it stops counting as a holder of its key in the fleet now, rather than when its hold runs
   * out. Never rejects: a hold Redis does not hear of runs out by itself.
   */
  async letGo(): Promise<void> {
    const fleet = this.#target.fleet();
    if (!fleet?.drop) return;
    try {
      await fleet.drop(keyIdOf(this.#target.current()), this.#target.holder(), { timeoutMs: LET_GO_MS });
    } catch {
      // The hold runs out (three checks, at least 30 s).
    }
  }
}

const REASONS = {
  'load-failed': 'reading the credentials source failed',
  'load-timeout': 'the credentials source did not answer within loadTimeoutMs',
  refused: 'the key the credentials source gave was refused',
  'fleet-unavailable': "the fleet's key holds could not be reached",
} as const;

/** A load that did not settle in time. */
class LoadTimeout extends Error {
  constructor(readonly ms: number) {
    super(`the credentials source did not answer within ${ms} ms`);
    this.name = 'LoadTimeout';
  }

  toConfigurationError(provider: string): ConfigurationError {
    return new ConfigurationError(
      `${provider}: credentials.load did not answer within ${this.ms} ms (loadTimeoutMs); the client keeps its current key`,
      { provider, field: 'credentials.load' },
    );
  }
}

/** `client.reloadCredentials` of a client without a source (or a derived one): a ConfigurationError. */
export function noCredentialsSource(provider: string, derived: boolean): () => Promise<never> {
  return async () => {
    throw new ConfigurationError(
      derived
        ? `${provider}: reloadCredentials() the client this one was derived from, then derive again`
        : `${provider}: reloadCredentials() needs a credentials source: createClient(provider, { credentials: { load } })`,
      { provider, field: 'credentials' },
    );
  };
}
