import { randomBytes } from 'node:crypto';
import { parseDecimal } from '../decimal.js';

/**
 * The AlphaPoint permissions a sandbox user may have: the default three (slate GetUserPermissions: Deposit,
 * Trading, Withdraw) and AccountReadOnly, which lets a user read its own account and nothing more.
 */
export type SandboxPermission = 'Trading' | 'Withdraw' | 'Deposit' | 'AccountReadOnly';

/** An API key the sandbox knows, with the account it opens. */
export interface SandboxAccount {
  readonly apiKey: string;
  readonly apiSecret: string;
  /** The user id as the key's owner must sign it. */
  readonly userId: string;
  readonly accountId: number;
  readonly omsId: number;
  /** The key's AlphaPoint permissions. */
  readonly permissions: ReadonlySet<SandboxPermission>;
  /** TOTP secret when the account has two-factor authentication on. */
  readonly totpSecret: string | undefined;
  readonly locked: boolean;
  /** Balances by product symbol, in 1e-8 units. */
  readonly balances: Map<string, bigint>;
}

const STARTING = { BTC: '2', USD: '100000', USDT: '50000' };

let nextUser = 100;

/** Makes an account with random credentials and starting balances. */
export function makeAccount(options: {
  twoFactor?: boolean;
  locked?: boolean;
  permissions?: readonly SandboxPermission[];
}): SandboxAccount {
  nextUser += 1;
  const balances = new Map<string, bigint>();
  for (const [symbol, amount] of Object.entries(STARTING)) balances.set(symbol, parseDecimal(amount) ?? 0n);
  return {
    apiKey: randomBytes(16).toString('hex'),
    apiSecret: randomBytes(24).toString('hex'),
    userId: String(nextUser),
    accountId: nextUser + 1000,
    omsId: 1,
    permissions: new Set(options.permissions ?? ['Trading', 'Withdraw', 'Deposit']),
    totpSecret: options.twoFactor ? randomBytes(20).toString('hex') : undefined,
    locked: options.locked ?? false,
    balances,
  };
}

/** Adds `units` (negative: takes them) to an account's balance of `symbol`, never below 0. */
export function changeBalance(account: SandboxAccount, symbol: string, units: bigint): void {
  const next = (account.balances.get(symbol) ?? 0n) + units;
  account.balances.set(symbol, next < 0n ? 0n : next);
}
