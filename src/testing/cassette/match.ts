import type { CassetteInteraction, CassetteRequest } from './format.js';

/** A request the cassette holds no answer for. */
export interface CassetteMiss {
  /** The request received, credentials replaced: `POST /api/orders`. */
  readonly request: CassetteRequest;
  /** The recorded request most like it, if the cassette holds any. */
  readonly closest: CassetteRequest | undefined;
  /** How the closest one differs (`body.amount: recorded 1, received 2`), or why it was not used. */
  readonly differences: readonly string[];
  /** The whole report, as the replay answers it. */
  readonly message: string;
}

const MAX_DIFFERENCES = 12;
const NUMBERED_KEY = /^<<api-key:[0-9]+>>(;.*)?$/;
const show = (value: unknown): string => (value === undefined ? 'nothing' : JSON.stringify(value));

/** The differences between two JSON values, as `where: recorded …, received …`. */
function diff(where: string, recorded: unknown, received: unknown, out: string[]): void {
  if (out.length >= MAX_DIFFERENCES) return;
  const bothObjects =
    recorded !== null &&
    received !== null &&
    typeof recorded === 'object' &&
    typeof received === 'object' &&
    Array.isArray(recorded) === Array.isArray(received);
  if (!bothObjects) {
    if (JSON.stringify(recorded) !== JSON.stringify(received)) {
      out.push(`${where}: recorded ${show(recorded)}, received ${show(received)}`);
    }
    return;
  }
  const a = recorded as Record<string, unknown>;
  const b = received as Record<string, unknown>;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)]))
    diff(`${where}.${key}`, a[key], b[key], out);
}

/**
 * What differs between a recorded request and a received one, both with credentials replaced: method, path,
 * query and body, and which of the test's keys asked. Other headers are not compared: what varies in them
 * (nonces, signatures, tokens) is checked by its rule instead, and the rest (`User-Agent`) says nothing about
 * what was asked.
 */
export function differences(recorded: CassetteRequest, received: CassetteRequest): string[] {
  const out: string[] = [];
  if (recorded.method !== received.method) {
    out.push(`method: recorded ${recorded.method}, received ${received.method}`);
  }
  if (recorded.path !== received.path) out.push(`path: recorded ${recorded.path}, received ${received.path}`);
  for (const [name, value] of Object.entries(recorded.headers)) {
    // Which configured key asked (`<<api-key:1>>`) is stable; a key the test did not configure is left to the
    // replay's key check, which refuses it as the exchange would.
    const other = received.headers[name];
    if (NUMBERED_KEY.test(value) && other !== undefined && NUMBERED_KEY.test(other) && other !== value) {
      out.push(`headers.${name}: recorded ${value}, received ${other}`);
    }
  }
  diff('query', recorded.query, received.query, out);
  diff('body', recorded.body, received.body, out);
  return out;
}

/** A recorded interaction waiting to be played, and whether it was. */
export interface Track {
  readonly interaction: CassetteInteraction;
  played: boolean;
}

/** Ranks a candidate: another method or path weighs more than any number of field differences. */
function distance(recorded: CassetteRequest, found: readonly string[], received: CassetteRequest): number {
  const route =
    (recorded.method !== received.method ? 1000 : 0) + (recorded.path !== received.path ? 500 : 0);
  return route + found.length;
}

/** The first unplayed recording that matches, or a miss naming the closest one and how it differs. */
export function findTrack(tracks: readonly Track[], received: CassetteRequest): Track | CassetteMiss {
  let best: { track: Track; found: string[]; score: number } | undefined;
  for (const track of tracks) {
    const found = differences(track.interaction.request, received);
    if (found.length === 0 && !track.played) return track;
    // A match already played ranks just behind an exact one: it is the likeliest answer to "why no match".
    const score = found.length === 0 ? 0.5 : distance(track.interaction.request, found, received);
    if (!best || score < best.score) best = { track, found, score };
  }
  const closest = best?.track.interaction.request;
  const found =
    best === undefined
      ? ['the cassette holds no interaction']
      : best.found.length === 0
        ? ['every recorded match was already played (each recording answers once)']
        : best.found;
  const where = (request: CassetteRequest) => `${request.method} ${request.path}`;
  const message =
    `cassette miss: no recorded answer for ${where(received)}` +
    (closest
      ? `; closest recorded: ${where(closest)}, differing in:\n  ${found.join('\n  ')}`
      : `; ${found[0]}`);
  return { request: received, closest, differences: found, message };
}
