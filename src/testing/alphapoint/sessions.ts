import { randomBytes, randomUUID } from 'node:crypto';
import type { SandboxAccount } from './accounts.js';

interface Live {
  readonly account: SandboxAccount;
  lastUsedAt: number;
}

/** Session tokens the sandbox issued, each ending after `idleMs` without use or at LogOut. */
export class SessionTable {
  readonly #live = new Map<string, Live>();
  readonly #pending = new Map<string, SandboxAccount>();

  constructor(
    readonly idleMs: number,
    private readonly now: () => number,
  ) {}

  /** A new session for `account`. */
  issue(account: SandboxAccount): string {
    const token = randomBytes(18).toString('base64url');
    this.#live.set(token, { account, lastUsedAt: this.now() });
    return token;
  }

  /** The account of a live token, touching it; undefined when missing, unknown or idle too long. */
  use(token: string | undefined): SandboxAccount | undefined {
    if (!token) return undefined;
    const live = this.#live.get(token);
    if (!live) return undefined;
    if (this.now() - live.lastUsedAt >= this.idleMs) {
      this.#live.delete(token);
      return undefined;
    }
    live.lastUsedAt = this.now();
    return live.account;
  }

  /** Whether a token is live now, without touching it (an event delivered is not a use of the session). */
  alive(token: string | undefined): boolean {
    const live = token === undefined ? undefined : this.#live.get(token);
    return live !== undefined && this.now() - live.lastUsedAt < this.idleMs;
  }

  /** Ends one session; true when it existed. */
  end(token: string | undefined): boolean {
    return token !== undefined && this.#live.delete(token);
  }

  /** Ends every session now. */
  endAll(): void {
    this.#live.clear();
  }

  /** Sessions alive now. */
  get size(): number {
    return this.#live.size;
  }

  /** A token that stands for a login waiting for its second factor (one per account: a new login replaces it). */
  pending2fa(account: SandboxAccount): string {
    this.takePendingOf(account);
    const token = randomUUID();
    this.#pending.set(token, account);
    return token;
  }

  /** The account waiting behind a pending token (which is used up). */
  takePending(token: string | undefined): SandboxAccount | undefined {
    if (!token) return undefined;
    const account = this.#pending.get(token);
    this.#pending.delete(token);
    return account;
  }

  /** Uses up the login `account` has waiting for its second factor; false when it has none. */
  takePendingOf(account: SandboxAccount): boolean {
    for (const [token, waiting] of this.#pending) {
      if (waiting !== account) continue;
      this.#pending.delete(token);
      return true;
    }
    return false;
  }

  /** Logins waiting for their second factor. */
  get pendingCount(): number {
    return this.#pending.size;
  }
}
