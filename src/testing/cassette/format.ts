import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';

/** The exchanges a cassette can hold traffic of; each names the credential rules its requests are checked by. */
export type CassetteExchange = 'bitex' | 'bitexbit' | 'alphapoint';

/** A recorded request, its credentials already replaced by placeholders (`<<signature>>`). */
export interface CassetteRequest {
  readonly method: string;
  /** The path as the exchange received it (base path included), without the query. */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  /** The JSON body parsed (an object or array), or the raw text when it is not JSON (`''` for none). */
  readonly body: unknown;
}

/** A recorded answer. */
export interface CassetteResponse {
  readonly status: number;
  /** Header names in lower case; framing headers (length, encoding, connection, date) are left out. */
  readonly headers: Readonly<Record<string, string>>;
  /** As {@link CassetteRequest.body}. */
  readonly body: unknown;
}

/** One request and the answer the exchange gave it. */
export interface CassetteInteraction {
  /** When it was recorded, ISO 8601. */
  readonly recordedAt: string;
  readonly request: CassetteRequest;
  readonly response: CassetteResponse;
}

/** A cassette file: readable JSON, keys in a stable order, one entry per interaction. */
export interface Cassette {
  /** The format's version: 1. */
  readonly version: 1;
  readonly exchange: CassetteExchange;
  /** The path the exchange's API was mounted under when recorded (`/api`, `/ap`, `''`). */
  readonly basePath: string;
  readonly interactions: readonly CassetteInteraction[];
}

const text = z.record(z.string(), z.string());
const request = z.object({
  method: z.string(),
  path: z.string(),
  query: text,
  headers: text,
  body: z.unknown(),
});
const response = z.object({ status: z.number().int(), headers: text, body: z.unknown() });
const cassetteSchema = z.object({
  version: z.literal(1, { error: 'only version 1 is known' }),
  exchange: z.enum(['bitex', 'bitexbit', 'alphapoint']),
  basePath: z.string(),
  interactions: z.array(z.object({ recordedAt: z.string(), request, response })),
});

/** A JSON value with every object's keys sorted, so a cassette written twice is the same bytes. */
function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([key, item]) => [key, sorted(item)]));
}

/** The cassette's text: pretty JSON (two spaces), keys sorted, a final newline. */
export function cassetteText(cassette: Cassette): string {
  return `${JSON.stringify(sorted(cassette), null, 2)}\n`;
}

/** Reads a cassette; `undefined` when the file does not exist. Throws naming the file and the bad field. */
export async function readCassette(path: string): Promise<Cassette | undefined> {
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new Error(`cassette ${path} is not JSON; record it again (mode 'all')`);
  }
  const parsed = cassetteSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`cassette ${path}: "${issue?.path.join('.') ?? ''}" ${issue?.message ?? 'is invalid'}`);
  }
  return parsed.data as Cassette;
}

/** Writes a cassette whole (a temporary file renamed over it), creating its folder. */
export async function writeCassette(path: string, cassette: Cassette): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, cassetteText(cassette), 'utf8');
  await rename(temporary, path);
}

/** A body as a cassette holds it: parsed when it is a JSON object or array, else the text. */
export function bodyOf(raw: string): unknown {
  const start = raw.trimStart()[0];
  if (start !== '{' && start !== '[') return raw;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}
