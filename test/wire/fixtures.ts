import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// The wire corpus: answers exchanges really sent, each with its source (test/fixtures/wire/<exchange>/README.md).

const ROOT = new URL('../fixtures/wire/', import.meta.url).pathname;

/** Where an answer comes from. */
export interface WireSource {
  /** `recording`: sent by the exchange; `docs`: the exchange's own docs; `example-in-code`: another client's test. */
  readonly kind: 'recording' | 'docs' | 'example-in-code';
  readonly repo: string;
  readonly path: string;
  readonly commit: string;
  readonly recorded_at?: string;
  readonly exchange?: string;
  readonly note?: string;
}

/** One answer as an exchange sent it, with the request it answered. */
export interface WireFixture {
  readonly file: string;
  readonly source: WireSource;
  /** The catalog endpoint it answers, or `null` for a route outside the catalog. */
  readonly endpoint: string | null;
  readonly request: {
    readonly method: string;
    readonly path: string;
    readonly query?: Readonly<Record<string, string>>;
    readonly body?: unknown;
  };
  readonly status: number;
  /** The body exactly as sent. */
  readonly body: string;
}

/** Every fixture of one exchange's folder, in file-name order. */
export function wireFixtures(exchange: 'bitex' | 'alphapoint' | 'bitexbit'): WireFixture[] {
  const folder = join(ROOT, exchange);
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((file) => ({
      file,
      ...(JSON.parse(readFileSync(join(folder, file), 'utf8')) as Omit<WireFixture, 'file'>),
    }));
}

/** The year a recording was made, from its `recorded_at` (an HTTP date); `undefined` when it has none. */
export function recordedYear(fixture: WireFixture): number | undefined {
  const match = /\b(\d{4})\b/.exec(fixture.source.recorded_at ?? '');
  return match ? Number(match[1]) : undefined;
}

/** Path parameters of `path` under a catalog `template` (`/bids/:id`), or `undefined` when it does not fit. */
export function paramsOf(template: string, path: string): Record<string, string> | undefined {
  const want = template.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, segment] of want.entries()) {
    const value = got[index] ?? '';
    if (segment.startsWith(':')) params[segment.slice(1)] = decodeURIComponent(value);
    else if (segment !== value) return undefined;
  }
  return params;
}
