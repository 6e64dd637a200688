import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigurationError } from './errors.js';
import type { NonceSource } from './nonce.js';

/** A {@link NonceSource} that keeps the last nonce of each key in a file, so a restart goes on from it. */
export interface FileNonceSource extends NonceSource {
  next(key: string, now: number): string;
  /** The last nonce handed out for `key` (by this process or, before it, by any that used the file), if any. */
  last(key: string): number | undefined;
}

const sources = new Map<string, FileNonceSource>();

function readNonces(path: string): Map<string, number> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw new ConfigurationError(`fileNonceSource: cannot read ${path}; check the path and its permissions`, {
      provider: 'exchange-auth',
      field: 'path',
    });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigurationError(
      `fileNonceSource: ${path} is not a nonce file written by this library; give another path, or delete it only if no key it served is in use with higher nonces`,
      { provider: 'exchange-auth', field: 'path' },
    );
  }
  const nonces = new Map<string, number>();
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) nonces.set(key, value);
  }
  return nonces;
}

/**
 * Millisecond nonces, strictly increasing per key, that survive a restart: each one is
 * `max(now, previous + 1)`, and is written to `path` (replaced atomically) before it is handed out, so a process
 * started later, even with a clock that stepped back, goes on above every nonce already used. Keys are
 * credential fingerprints, never credentials. Every source of one path in this process is the same object.
 *
 * For one process per key (or a few processes of one host taking turns through this file alone: it has no lock).
 * A fleet shares nonces through Redis (`redisCoordination` from `exchange-auth/redis`).
 *
 * @param path - The file that keeps the nonces; created (with its directory) on the first nonce.
 *
 * @example
 * ```ts
 * const client = createClient(
 *   bitexbit({ accessKey, privateKey, access: 'trade', nonceSource: fileNonceSource('/var/lib/bot/nonces.json') }),
 * );
 * ```
 */
export function fileNonceSource(path: string): FileNonceSource {
  if (typeof path !== 'string' || path === '') {
    throw new ConfigurationError('fileNonceSource: path must be the path of a file to keep nonces in', {
      provider: 'exchange-auth',
      field: 'path',
    });
  }
  const existing = sources.get(path);
  if (existing) return existing;
  const nonces = readNonces(path);
  const save = () => {
    mkdirSync(dirname(path), { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(Object.fromEntries(nonces)));
    renameSync(temporary, path);
  };
  const source: FileNonceSource = {
    next(key: string, now: number): string {
      const nonce = Math.max(Math.floor(now), (nonces.get(key) ?? 0) + 1);
      nonces.set(key, nonce);
      save();
      return String(nonce);
    },
    last: (key) => nonces.get(key),
  };
  sources.set(path, source);
  return source;
}

/**
 * Forgets this process's source of `path`, so the next {@link fileNonceSource} of it reads the file again, as a
 * restarted process would. For tests.
 *
 * @internal
 */
export function forgetFileNonceSource(path: string): void {
  sources.delete(path);
}
