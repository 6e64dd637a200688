import { type AlphaPointSandbox, startAlphaPointSandbox } from './alphapoint/index.js';
import { type BitexSandbox, startBitexSandbox } from './bitex/index.js';
import { type BitexbitSandbox, startBitexbitSandbox } from './bitexbit/index.js';
import type { ReceivedRequest } from './http-server.js';

/** Options of {@link startSandbox}. */
export interface SandboxOptions {
  /** Enforce each exchange's documented rate limit (Bitex 5/s, bitexbit 2/s per key). Default false. */
  rateLimit?: boolean;
  /** First port: the exchanges listen on `port`, `port + 1`, `port + 2`. Default: free ports. */
  port?: number;
  /** Called once per request any exchange answered: which exchange, the request, the status (0: dropped). */
  onAnswer?: (exchange: 'bitex' | 'bitexbit' | 'kiiex', request: ReceivedRequest, status: number) => void;
}

/** Every embedded exchange, running. */
export interface Sandbox {
  readonly bitex: BitexSandbox;
  readonly bitexbit: BitexbitSandbox;
  /** Kiiex, an AlphaPoint exchange: `kiiex({ ...sandbox.kiiex.credentials.trader, baseURL: sandbox.kiiex.baseURL })`. */
  readonly kiiex: AlphaPointSandbox;
  /**
   * Base URLs (and Kiiex's WebSocket gateway, `wsURL`), ready-made credentials as plain data (callbacks left
   * out) and the base32 TOTP secrets behind the one-time-password callbacks, for printing.
   */
  describe(): Record<
    string,
    {
      baseURL: string;
      wsURL?: string;
      credentials: Record<string, unknown>;
      totpSecrets: Record<string, string>;
    }
  >;
  /** Stops every exchange and frees every port. */
  close(): Promise<void>;
}

const portOf = (options: SandboxOptions, offset: number) =>
  options.port === undefined ? {} : { port: options.port + offset };

const observerOf = (options: SandboxOptions, exchange: 'bitex' | 'bitexbit' | 'kiiex') => {
  const { onAnswer } = options;
  return onAnswer === undefined
    ? {}
    : { onAnswer: (request: ReceivedRequest, status: number) => onAnswer(exchange, request, status) };
};

/**
 * Starts every embedded exchange on 127.0.0.1: real HTTP servers, faithful to each exchange's authentication,
 * with in-memory balances, request logs, counters and fault controls.
 *
 * @example
 * ```ts
 * const sandbox = await startSandbox();
 * const client = createClient(bitex({ ...sandbox.bitex.credentials.user, baseURL: sandbox.bitex.baseURL }));
 * await sandbox.close();
 * ```
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const rateLimit = options.rateLimit ?? false;
  const started = await Promise.allSettled([
    startBitexSandbox({ rateLimit, ...portOf(options, 0), ...observerOf(options, 'bitex') }),
    startBitexbitSandbox({ rateLimit, ...portOf(options, 1), ...observerOf(options, 'bitexbit') }),
    startAlphaPointSandbox({ ...portOf(options, 2), ...observerOf(options, 'kiiex') }),
  ] as const);
  const failure = started.find((result) => result.status === 'rejected');
  if (failure) {
    await Promise.all(
      started.map((result) => (result.status === 'fulfilled' ? result.value.close() : undefined)),
    );
    throw failure.reason;
  }
  const [bitex, bitexbit, kiiex] = started.map(
    (result) => (result as PromiseFulfilledResult<unknown>).value,
  ) as [BitexSandbox, BitexbitSandbox, AlphaPointSandbox];
  const plain = (credentials: object) => JSON.parse(JSON.stringify(credentials)) as Record<string, unknown>;
  return {
    bitex,
    bitexbit,
    kiiex,
    describe: () => ({
      bitex: {
        baseURL: bitex.baseURL,
        credentials: plain(bitex.credentials),
        totpSecrets: { ...bitex.totpSecrets },
      },
      bitexbit: {
        baseURL: bitexbit.baseURL,
        credentials: plain(bitexbit.credentials),
        totpSecrets: { ...bitexbit.totpSecrets },
      },
      kiiex: {
        baseURL: kiiex.baseURL,
        wsURL: kiiex.wsURL,
        credentials: plain(kiiex.credentials),
        totpSecrets: { ...kiiex.totpSecrets },
      },
    }),
    close: async () => {
      await Promise.all([bitex.close(), bitexbit.close(), kiiex.close()]);
    },
  };
}
