import { randomBytes } from 'node:crypto';

/** A key's access type, as on the bitexbit API page. */
export type SandboxAccess = 'read' | 'trade' | 'withdraw';

/** Credentials shaped as the `bitexbit()` provider's options. */
export interface SandboxCredentials<A extends SandboxAccess = SandboxAccess> {
  readonly accessKey: string;
  readonly privateKey: string;
  readonly access: A;
}

/** Options of {@link BitexbitSandbox.addKey}. */
export interface SandboxKeyOptions<A extends SandboxAccess> {
  access: A;
  /** Default: a random key. */
  accessKey?: string;
  /** Default: a random key. */
  privateKey?: string;
  /** Addresses the key may be used from; `undefined` or empty allows any. Default `['127.0.0.1']`. */
  allowedIps?: readonly string[];
}

/** What the exchange holds for one key. */
export interface KeyState {
  readonly privateKey: string;
  readonly access: SandboxAccess;
  /** `undefined` allows any address. */
  allowedIps: ReadonlySet<string> | undefined;
  /** The last nonce received with a valid v2 signature; -1 before the first. */
  lastNonce: bigint;
}

const LEVEL: Readonly<Record<SandboxAccess, number>> = { read: 0, trade: 1, withdraw: 2 };

/** Whether a key's access type covers what a route requires (`withdraw` ⊃ `trade` ⊃ `read`). */
export function allows(access: SandboxAccess, requires: SandboxAccess): boolean {
  return LEVEL[access] >= LEVEL[requires];
}

/** An IPv4 address as the server may report it mapped into IPv6 (`::ffff:127.0.0.1`), unmapped. */
export function normaliseAddress(address: string): string {
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}

/** Whether a key may be used from `remoteAddress`. */
export function fromAllowedAddress(key: KeyState, remoteAddress: string): boolean {
  return !key.allowedIps || key.allowedIps.has(normaliseAddress(remoteAddress));
}

/** The account's keys, by access key. */
export class KeyRing {
  readonly #keys = new Map<string, KeyState>();

  /** Registers a key and returns its credentials. */
  add<A extends SandboxAccess>(options: SandboxKeyOptions<A>): SandboxCredentials<A> {
    const accessKey = options.accessKey ?? `ak_${randomBytes(12).toString('hex')}`;
    const privateKey = options.privateKey ?? `sk_${randomBytes(24).toString('hex')}`;
    this.#keys.set(accessKey, { privateKey, access: options.access, allowedIps: undefined, lastNonce: -1n });
    this.setAllowedIps(accessKey, options.allowedIps === undefined ? ['127.0.0.1'] : options.allowedIps);
    return { accessKey, privateKey, access: options.access };
  }

  /** Replaces a key's IP list; an empty list allows any address. */
  setAllowedIps(accessKey: string, ips: readonly string[]): void {
    const key = this.#keys.get(accessKey);
    if (!key) throw new Error('setAllowedIps: no such access key in this sandbox');
    key.allowedIps = ips.length === 0 ? undefined : new Set(ips.map(normaliseAddress));
  }

  /** The key registered under `accessKey`, if any. */
  get(accessKey: string): KeyState | undefined {
    return this.#keys.get(accessKey);
  }

  /** The last nonce received with a valid signature for a key (`undefined` before the first). */
  lastNonce(accessKey: string): bigint | undefined {
    const nonce = this.#keys.get(accessKey)?.lastNonce;
    return nonce === undefined || nonce < 0n ? undefined : nonce;
  }
}
