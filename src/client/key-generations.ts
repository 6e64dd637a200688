import type { KeyGeneration, KeyHolder } from '../pipeline/context.js';

interface Entry {
  readonly generation: KeyGeneration;
  /** Requests that began with this key and have not ended. */
  running: number;
  /** Set once another key replaced this one: called when its last request ends. */
  retire: (() => void) | undefined;
}

/**
 * The keys a client has held, the current one first. A request takes the current key when it begins and keeps it
 * for every attempt, so it is signed, ordered and rate-limited by one key only; a replaced key is released (its
 * session logged out) once the last request that began with it has ended. Every key ever held stays masked.
 */
export class KeyGenerations implements KeyHolder {
  #current: Entry;
  readonly #retired: KeyGeneration[] = [];

  constructor(first: KeyGeneration) {
    this.#current = { generation: first, running: 0, retire: undefined };
  }

  /** The key new requests take. */
  get current(): KeyGeneration {
    return this.#current.generation;
  }

  /** The current key, for one request; call `release` once the request has ended, whichever way. */
  enter(): { readonly generation: KeyGeneration; readonly release: () => void } {
    const entry = this.#current;
    entry.running += 1;
    let released = false;
    return {
      generation: entry.generation,
      release: () => {
        if (released) return;
        released = true;
        entry.running -= 1;
        if (entry.running === 0) entry.retire?.();
      },
    };
  }

  /**
   * Makes `next` the key of every request that begins from now on, and resolves once the key it replaced has no
   * request left and `release` (a logout) has run for it, once.
   */
  replace(next: KeyGeneration, release: (old: KeyGeneration) => Promise<void>): Promise<void> {
    const old = this.#current;
    this.#retired.push(old.generation);
    this.#current = { generation: next, running: 0, retire: undefined };
    return new Promise<void>((resolve, reject) => {
      old.retire = () => {
        old.retire = undefined;
        release(old.generation).then(resolve, reject);
      };
      if (old.running === 0) old.retire();
    });
  }

  /** The secrets of every key the client has held: replaced keys' included, so they stay masked. */
  secrets(): string[] {
    const all = [...this.#current.generation.strategy.secrets()];
    for (const generation of this.#retired) all.push(...generation.strategy.secrets());
    return all;
  }
}
