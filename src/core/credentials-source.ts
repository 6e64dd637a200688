import type { Catalog } from './catalog.js';
import type { Permission } from './permissions.js';
import type { Provider } from './provider.js';

/**
 * Where a client reads its key again while it runs: a secrets manager, a file that changes. Give it as
 * `createClient(provider, { credentials: { load } })`: `provider` is the key the client starts with, and each
 * time the source is read, a provider whose key differs (by {@link KeyIdentity.keyId}) becomes the client's key
 * as `client.rotate` makes it (same exchange, same permissions; requests under way end with the key they began
 * with; the replaced key released once). A load that fails, refuses or does not answer changes nothing: it is
 * reported (a `credentials-failed` event and a warning, neither quoting the error's message) and the current key
 * stays. See docs/reliability.md, section 6, and for a fleet docs/fleet.md.
 *
 * @example
 * ```ts
 * const client = createClient(bitexbit(await readKey()), {
 *   credentials: { load: async () => bitexbit(await readKey()), refreshEveryMs: 60_000 },
 * });
 * ```
 */
export interface CredentialsSource {
  /**
   * Returns a provider of the client's exchange (same name and base URL) built from the credentials as they
   * are now, or a promise of one. Called by one caller at a time: a read while one is under way joins it.
   */
  load(): Provider<Permission, Catalog, object> | Promise<Provider<Permission, Catalog, object>>;
  /**
   * Read the source every this many milliseconds, on the client's clock. Default: only when
   * `client.reloadCredentials()` is called, and (with a fleet coordination) when another process replaced the
   * key. From 10 to 2^31−1.
   */
  refreshEveryMs?: number;
  /** A load that has not settled after this many milliseconds is given up (the current key stays). Default 30,000. */
  loadTimeoutMs?: number;
}

/** What `client.reloadCredentials()` did: kept the key (the source returned the same one), or rotated to a new one. */
export type CredentialsReload = 'unchanged' | 'rotated';
