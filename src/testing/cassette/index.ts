import type { ReceivedRequest, ServerAnswer } from '../http-server.js';
import { startHttpServer } from '../http-server.js';
import {
  bodyOf,
  type Cassette,
  type CassetteInteraction,
  type CassetteRequest,
  readCassette,
  writeCassette,
} from './format.js';
import { endToEndHeaders, forward } from './forward.js';
import { type CassetteMiss, findTrack, type Track } from './match.js';
import { type CassetteOptions, knownValues, parseCassetteOptions } from './options.js';
import { CassetteRedactor, type RuleKind, rulesFor } from './redact.js';
import { ReplayChecks } from './verify.js';

/** A replayed request whose credentials broke a rule: what the exchange would have refused. */
export interface CassetteRefusal {
  /** The rule broken: `signature`, `nonce`, `deadline`, `api-key`, `session-token` ... */
  readonly rule: RuleKind;
  /** Why, without the credential. */
  readonly message: string;
  /** The request, credentials replaced. */
  readonly request: CassetteRequest;
}

/** A running cassette: a loopback exchange that replays, records through to the real one, or both. */
export interface CassettePlayer {
  /** What to give the provider as `baseURL`: the loopback origin plus the cassette's base path. */
  readonly baseURL: string;
  /** Whether requests with no recorded answer are sent on to `upstream` and recorded. */
  readonly recording: boolean;
  /** Requests with no recorded answer (only when not recording), each with its closest recording. */
  readonly misses: readonly CassetteMiss[];
  /** Replayed requests refused for their credentials (a wrong signature, a stale nonce, a token not issued). */
  readonly refusals: readonly CassetteRefusal[];
  /** How many requests were answered from the cassette. */
  played(): number;
  /** How many interactions were recorded in this run. */
  recorded(): number;
  /** The replay clock: the given clock plus every shift. */
  now(): number;
  /** Moves the replay clock by `ms`. */
  shiftClock(ms: number): void;
  /** Stops listening and, when anything was recorded, writes the cassette (credentials already replaced). */
  close(): Promise<void>;
}

const MISS_STATUS = 501;

function cassetteRequest(received: ReceivedRequest): CassetteRequest {
  return {
    method: received.method,
    path: received.path,
    query: { ...received.query },
    headers: endToEndHeaders(received.headers),
    body: bodyOf(received.body),
  };
}

function basePathOf(upstream: string | undefined, cassette: Cassette | undefined, path: string): string {
  const fromUpstream = upstream === undefined ? undefined : new URL(upstream).pathname.replace(/\/+$/, '');
  if (cassette && fromUpstream !== undefined && cassette.basePath !== fromUpstream) {
    throw new TypeError(
      `startCassette: "upstream" has the base path "${fromUpstream}" but the cassette ${path} was recorded under ` +
        `"${cassette.basePath}"; record it again (mode 'all') or use the same base path`,
    );
  }
  return cassette?.basePath ?? fromUpstream ?? '';
}

/**
 * Starts a cassette on loopback for one exchange. Point the client's `baseURL` at {@link CassettePlayer.baseURL}.
 *
 * Recording forwards each request to `upstream` as it came and writes, on {@link CassettePlayer.close}, every
 * request and answer with its credentials replaced by placeholders (`<<signature>>`): the exchange's credential
 * headers and fields, the values of the test's `keys`, and what `redact` adds. Replaying matches a request on
 * method, path, query and body (credentials left out), checks its credentials by their rules with the test's
 * `keys` (signatures recomputed, nonces increasing, deadlines ahead of the replay clock, session tokens the
 * replayed login issued), and answers as recorded. A request that breaks a rule gets the exchange's refusal and
 * is listed in {@link CassettePlayer.refusals}; one with no recording is answered 501 with the closest recorded
 * request and how it differs, and listed in {@link CassettePlayer.misses}.
 *
 * @param input - See {@link CassetteOptions}; checked before anything starts.
 * @returns The running cassette, once it listens.
 *
 * @example
 * ```ts
 * const cassette = await startCassette({
 *   path: 'test/cassettes/bitexbit.json',
 *   exchange: 'bitexbit',
 *   mode: 'once',
 *   upstream: sandbox.bitexbit.baseURL,
 *   keys: [sandbox.bitexbit.credentials.trade],
 * });
 * const client = createClient(bitexbit({ ...sandbox.bitexbit.credentials.trade, baseURL: cassette.baseURL }));
 * ```
 */
export async function startCassette(input: CassetteOptions): Promise<CassettePlayer> {
  const options = parseCassetteOptions(input);
  const mode = options.mode ?? 'once';
  const existing = mode === 'all' ? undefined : await readCassette(options.path);
  if (mode === 'none' && !existing) {
    throw new TypeError(
      `startCassette: mode 'none' replays only, and ${options.path} does not exist; record it first`,
    );
  }
  const recording = mode === 'all' || mode === 'new_episodes' || (mode === 'once' && !existing);
  if (recording && options.upstream === undefined) {
    throw new TypeError(
      `startCassette: "upstream" is needed to record (mode '${mode}'): the exchange's base URL`,
    );
  }
  const basePath = basePathOf(options.upstream, existing, options.path);
  const rules = rulesFor(options.exchange, options.redact);
  const redactor = new CassetteRedactor(rules, knownValues(options));
  const tracks: Track[] = (existing?.interactions ?? []).map((interaction) => ({
    interaction,
    played: false,
  }));
  const added: CassetteInteraction[] = [];
  const misses: CassetteMiss[] = [];
  const refusals: CassetteRefusal[] = [];
  let played = 0;
  let now = () => Date.now();
  const checks = new ReplayChecks(options.exchange, rules, options.keys ?? [], () => now());

  const record = async (received: ReceivedRequest, request: CassetteRequest): Promise<ServerAnswer> => {
    const origin = new URL(options.upstream as string).origin;
    const answer = await forward(origin, received);
    const response = redactor.response({
      status: answer.status,
      headers: answer.headers,
      body: bodyOf(answer.body),
    });
    added.push({ recordedAt: new Date(now()).toISOString(), request, response });
    return { status: answer.status, headers: answer.headers, body: answer.body };
  };

  const handle = async (received: ReceivedRequest): Promise<ServerAnswer> => {
    const request = redactor.request(cassetteRequest(received));
    const found = findTrack(tracks, request);
    if ('interaction' in found) {
      const refusal = checks.check(found.interaction.request, received);
      if (refusal) {
        // Refused before it ran, as on the exchange: the recording still waits for a request that passes.
        refusals.push({ rule: refusal.rule, message: refusal.message, request });
        return refusal.answer;
      }
      found.played = true;
      played += 1;
      return checks.answer(found.interaction.response);
    }
    if (recording) return record(received, request);
    misses.push(found);
    return { status: MISS_STATUS, body: { error: found.message } };
  };

  const server = await startHttpServer(handle, {
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.port !== undefined ? { port: options.port } : {}),
  });
  now = server.now;
  let closing: Promise<void> | undefined;
  return {
    baseURL: `${server.origin}${basePath}`,
    recording,
    misses,
    refusals,
    played: () => played,
    recorded: () => added.length,
    now: server.now,
    shiftClock: (ms) => server.shiftClock(ms),
    close() {
      closing ??= (async () => {
        await server.close();
        if (!recording || (added.length === 0 && mode !== 'all')) return;
        await writeCassette(options.path, {
          version: 1,
          exchange: options.exchange,
          basePath,
          interactions: [...(existing?.interactions ?? []), ...added],
        });
      })();
      return closing;
    },
  };
}
