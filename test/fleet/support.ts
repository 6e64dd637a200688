import { type ChildProcess, fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterEach } from 'vitest';
import type { ReceivedRequest } from '../../src/testing/index.js';

// Real processes (child_process.fork) of the built package: `npm run build` first (`npm test` does it).
if (!existsSync(new URL('../../dist/redis/index.js', import.meta.url))) {
  throw new Error('test/fleet runs the built package: run `npm run build` first');
}
const MEMBER = new URL('./fixtures/member.mjs', import.meta.url).pathname;

/** What a member process is made of (see fixtures/member.mjs). */
export interface MemberConfig {
  readonly flavour: 'esm' | 'cjs' | 'mixed';
  readonly redisUrl?: string;
  /** The member's Redis client: ioredis (the default), or node-redis through fromNodeRedis. */
  readonly redisClient?: 'ioredis' | 'node-redis';
  readonly prefix?: string;
  readonly coordination?: Record<string, unknown>;
  readonly clientOptions?: Record<string, unknown>;
  readonly bitexbit?: {
    readonly credentials: object;
    readonly baseURL: string;
    readonly credentialsFile?: string;
  };
  /** `wsURL`: the gateway the member's `kiiex:ws` command opens a WebSocket to. */
  readonly kiiex?: {
    readonly credentials: object;
    readonly baseURL: string;
    readonly wsURL?: string;
    /** The OMS and account the key's requests name. */
    readonly ids?: { readonly OMSId: number; readonly AccountId: number };
    /** A JSON file of credentials the member's Kiiex clients read their key from (a credentials source). */
    readonly credentialsFile?: string;
  };
}

/** What a member answers to a command. */
export interface Outcome {
  readonly tag: string;
  readonly ok: number;
  readonly errors: string[];
  /** What each request resolved to, when a string or number (a user id, a reload's outcome); else null. */
  readonly values?: readonly (string | number | null)[];
}

/** One member process. */
export interface Member {
  readonly child: ChildProcess;
  /** Runs `count` requests of `command` at once in the member; resolves to how they went. */
  run(command: string, count: number): Promise<Outcome>;
  /** Resolves once the member has sent `{ event }` `count` times in all (events sent before count too). */
  event(name: string, count?: number): Promise<void>;
  /** SIGKILL: no cleanup, no lock released, no renewal any more. */
  kill(): Promise<void>;
}

const started: ChildProcess[] = [];
afterEach(() => {
  for (const child of started.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill();
});

let tags = 0;

/** Starts one member and waits until its clients exist. */
export async function member(config: MemberConfig): Promise<Member> {
  const child = fork(MEMBER, [JSON.stringify(config)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  started.push(child);
  const pending = new Map<string, (outcome: Outcome) => void>();
  const seen = new Map<string, number>();
  const waiters: { name: string; count: number; resolve: () => void }[] = [];
  const wake = () => {
    for (const waiter of waiters.splice(0)) {
      if ((seen.get(waiter.name) ?? 0) >= waiter.count) waiter.resolve();
      else waiters.push(waiter);
    }
  };
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`a member exited (code ${code}) before it was ready`)));
    child.on('message', (message: { ready?: boolean; event?: string } & Partial<Outcome>) => {
      if (message.ready) resolve();
      else if (message.event) {
        seen.set(message.event, (seen.get(message.event) ?? 0) + 1);
        wake();
      } else if (message.tag) pending.get(message.tag)?.(message as Outcome);
    });
  });
  return {
    child,
    run(command, count) {
      tags += 1;
      const tag = `t${tags}`;
      return new Promise<Outcome>((resolve, reject) => {
        pending.set(tag, resolve);
        void exited.then(() => reject(new Error(`the member exited during '${command}'`)));
        child.send({ command, count, tag });
      });
    },
    event(name, count = 1) {
      return new Promise<void>((resolve, reject) => {
        waiters.push({ name, count, resolve });
        void exited.then(() => reject(new Error(`the member exited before '${name}'`)));
        wake();
      });
    },
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/** `n` members of one config, started at once. */
export function fleet(n: number, config: MemberConfig): Promise<Member[]> {
  return Promise.all(Array.from({ length: n }, () => member(config)));
}

/** Sums outcomes: requests that succeeded, and every error message. */
export function total(outcomes: readonly Outcome[]): { ok: number; errors: string[] } {
  return { ok: outcomes.reduce((sum, o) => sum + o.ok, 0), errors: outcomes.flatMap((o) => o.errors) };
}

/** True when every nonce is greater than the one before, in arrival order. */
export function strictlyIncreasing(log: readonly ReceivedRequest[]): boolean {
  const nonces = log.map((entry) => BigInt(entry.headers['x-nonce'] ?? '0'));
  return nonces.every((nonce, i) => i === 0 || nonce > (nonces[i - 1] ?? 0n));
}

/** The most arrivals within any window of `ms` (by the exchange's clock). */
export function mostWithin(log: readonly ReceivedRequest[], ms: number): number {
  const times = log.map((entry) => entry.at).sort((a, b) => a - b);
  let most = 0;
  for (let start = 0, end = 0; end < times.length; end += 1) {
    while ((times[end] ?? 0) - (times[start] ?? 0) >= ms) start += 1;
    most = Math.max(most, end - start + 1);
  }
  return most;
}
