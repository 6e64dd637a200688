import { createHash } from 'node:crypto';

/**
 * The version of what copies of the library share in one process. It follows the package's major version:
 * copies of one major share a registry, copies of different majors never do. Bump it with the major version,
 * and (while the version is 0.x) whenever the shape of {@link KeyRegistry} or of what it holds changes.
 */
const REGISTRY_VERSION = 0;

/** Where the registry lives: `globalThis[Symbol.for('exchange-auth/registry@0')]`, one per process and major. */
const REGISTRY_SYMBOL: unique symbol = Symbol.for(`exchange-auth/registry@${REGISTRY_VERSION}`);

/**
 * A constant of the library, the same in every copy, so every copy derives the same registry key from one
 * credential fingerprint, and no registry key is a plain hash someone could look up.
 */
const LIBRARY_SALT = 'exchange-auth registry salt 2f6b0c1e-8d4a-4b7e-9a35-51c0d9e7f4a2';

/**
 * The order of one key's private requests: one at a time, in the order they were queued. The in-process one is a
 * queue; a shared one (a Redis lock) can take its place.
 */
export interface KeyOrder {
  /** Runs `task` once every task queued before it has ended; a task whose signal aborted first is not run. */
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
}

/** The rate limit of one key: callers wait their turn. The in-process one is a window of slots. */
export interface KeyRateLimit {
  /**
   * Resolves when this caller may send; rejects with the signal's reason when it aborts first. A limiter that
   * counts requests under way (a fleet's) resolves to a function to call once the request has ended.
   */
  acquire(signal?: AbortSignal): Promise<(() => void) | undefined>;
}

/** What the registry holds only while it is in use, and drops once it reports itself idle. */
export interface Idle {
  /** True when a new, empty one would behave exactly the same. */
  idle(): boolean;
}

/**
 * Per key, what every client and provider of the key in this process shares, whichever copy of the library
 * (ESM, CJS, two installs of one major) created it. Keys are {@link registryKey}s: salted hashes of credential
 * fingerprints, never a credential.
 *
 * Its members are plain maps, and what they hold is used only through its methods: the registry is created by
 * the first copy that needs it and used by all of them.
 */
interface KeyRegistry {
  readonly version: number;
  /** The last nonce handed out, per key. Kept for the life of the process: a sequence never goes back. */
  readonly nonces: Map<string, number>;
  /** The queue of each key with a private request queued or running; dropped once empty. */
  readonly orders: Map<string, KeyOrder & { readonly pending: number }>;
  /** The limiter of each key and rate (`<key>@<rate>`) while its window holds a start; dropped once idle. */
  readonly rateLimits: Map<string, KeyRateLimit & Idle>;
  /**
   * The session single-flight (a keeper, with the default store) of each key, while a login is under way or
   * its session is fresh; dropped once idle.
   */
  readonly sessions: Map<string, Idle>;
  /** A number for each session store passed explicitly, so strategies of one key and one store share. */
  readonly storeIds: WeakMap<object, number>;
  /** The last number given in {@link KeyRegistry.storeIds}. */
  lastStoreId: number;
  /**
   * The last nonce this process got from a fleet's store, per store key: after the store loses its data, the
   * sequence goes on from here rather than from zero.
   */
  readonly fleetNonceFloors: Map<string, number>;
}

let cached: KeyRegistry | undefined;

/** The process's registry: the one another copy of the library installed, or a new one installed now. */
export function keyRegistry(): KeyRegistry {
  if (cached) return cached;
  const holder = globalThis as { [REGISTRY_SYMBOL]?: KeyRegistry };
  let registry = holder[REGISTRY_SYMBOL];
  if (!registry) {
    registry = {
      version: REGISTRY_VERSION,
      nonces: new Map(),
      orders: new Map(),
      rateLimits: new Map(),
      sessions: new Map(),
      storeIds: new WeakMap(),
      lastStoreId: 0,
      fleetNonceFloors: new Map(),
    };
    Object.defineProperty(globalThis, REGISTRY_SYMBOL, { value: registry, enumerable: false });
  }
  // A copy of this major from before the floors were kept here installed a registry without them.
  (registry as { fleetNonceFloors?: Map<string, number> }).fleetNonceFloors ??= new Map();
  cached = registry;
  return registry;
}

/**
 * The registry key of an identity (a credential fingerprint, or the parts that make one): a salted SHA-256, the
 * same in every copy of the library. Parts are joined unambiguously before hashing.
 */
export function registryKey(...parts: readonly string[]): string {
  const hash = createHash('sha256').update(LIBRARY_SALT);
  for (const part of parts) hash.update(`\0${part.length}:${part}`);
  // Written out from the first 16 bytes, not sliced from the whole: a slice keeps the 64-character digest alive.
  return hash.digest().toString('hex', 0, 16);
}

const sequenceIds = new Map<string, string>();

/**
 * {@link registryKey} of a kind and a sequence key (itself a fingerprint, never a credential), remembered: it is
 * asked for on every signed request, and a hash each time would show in the pipeline's cost. Forgotten in bulk
 * past 4,096 keys, so a process that meets many keys keeps a bounded map.
 */
export function sequenceId(kind: 'nonce' | 'order', key: string): string {
  const name = `${kind} ${key}`;
  let id = sequenceIds.get(name);
  if (id === undefined) {
    if (sequenceIds.size >= 4096) sequenceIds.clear();
    id = registryKey(kind, key);
    sequenceIds.set(name, id);
  }
  return id;
}

/**
 * The busy value of `key` in `map`, shared; when there is none, or it is idle, a new one from `create` (whose
 * caller's settings, a clock for instance, it then keeps). Creating one also drops every other idle value, so
 * a process that uses many keys over time keeps only the busy ones.
 */
export function sharedWhileBusy<T extends Idle>(
  map: Map<string, T>,
  key: string,
  create: () => T,
  replacing?: (idle: T) => void,
): T {
  const current = map.get(key);
  if (current && !current.idle()) return current;
  if (current) replacing?.(current);
  for (const [other, value] of map) if (value.idle()) map.delete(other);
  const created = create();
  map.set(key, created);
  return created;
}

/** The number of a session store passed explicitly: the same for one store object in every copy. */
export function storeId(store: object): number {
  const registry = keyRegistry();
  let id = registry.storeIds.get(store);
  if (id === undefined) {
    registry.lastStoreId += 1;
    id = registry.lastStoreId;
    registry.storeIds.set(store, id);
  }
  return id;
}
