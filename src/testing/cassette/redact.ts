import {
  ALPHAPOINT_WIRE,
  BITEX_WIRE,
  BITEXBIT_WIRE,
  COMMON_WIRE,
  type CredentialKind,
  type WireCredentials,
} from '../../core/wire-credentials.js';
import type { CassetteExchange, CassetteRequest, CassetteResponse } from './format.js';

/**
 * A credential's kind: one of the wire's, `secret` for a secret the test configured (never sent, replaced if an
 * answer echoes it), or `custom` for a header, field or value the test added.
 */
export type RuleKind = CredentialKind | 'secret' | 'custom';

/** The headers and fields that carry credentials, by lower-case name. */
export interface CredentialRules {
  readonly headers: ReadonlyMap<string, RuleKind>;
  readonly fields: ReadonlyMap<string, RuleKind>;
}

/** What a test adds to the exchange's own credential list. */
export interface RedactionOptions {
  /** More request or answer headers to replace (any case). */
  readonly headers?: readonly string[];
  /** More JSON fields (bodies, queries, answers; any depth, any case) to replace. */
  readonly fields?: readonly string[];
  /** Values to replace wherever they appear (an account number, an address). */
  readonly values?: readonly string[];
}

const WIRES: Readonly<Record<CassetteExchange, WireCredentials>> = {
  bitex: BITEX_WIRE,
  bitexbit: BITEXBIT_WIRE,
  alphapoint: ALPHAPOINT_WIRE,
};

/** The exchange's credential headers and fields (declared in core, where its provider signs with them), plus the test's. */
export function rulesFor(exchange: CassetteExchange, extra: RedactionOptions = {}): CredentialRules {
  const headers = new Map<string, RuleKind>();
  const fields = new Map<string, RuleKind>();
  for (const wire of [COMMON_WIRE, WIRES[exchange]]) {
    for (const [name, kind] of Object.entries(wire.headers)) headers.set(name.toLowerCase(), kind);
    for (const [name, kind] of Object.entries(wire.fields)) fields.set(name.toLowerCase(), kind);
  }
  for (const name of extra.headers ?? []) headers.set(name.toLowerCase(), 'custom');
  for (const name of extra.fields ?? []) fields.set(name.toLowerCase(), 'custom');
  return { headers, fields };
}

/** The placeholder a credential of `kind` is written as. */
export const placeholder = (kind: RuleKind): string => `<<${kind}>>`;

/** Tokens an exchange issues, numbered in the order they were issued, so a replay knows which session a request used. */
const NUMBERED: ReadonlySet<RuleKind> = new Set(['session-token', 'pending-2fa-token']);

/** Values shorter than this are replaced only where a rule names them, not wherever they appear. */
const MIN_SEARCHED = 6;

/**
 * Replaces credentials by placeholders before anything is written: the headers and fields the rules name,
 * then every value seen in them (and every value the test configured) wherever else it appears: an echoed key,
 * a session token sent back in a later header. The values it saw are kept for the rest of the cassette.
 */
export class CassetteRedactor {
  readonly #rules: CredentialRules;
  /** Each value seen or configured, and the placeholder it is written as. */
  readonly #values = new Map<string, string>();
  /** How many tokens of each numbered kind were seen. */
  readonly #issued = new Map<RuleKind, number>();

  /**
   * @param known - The values the test configured, each with its placeholder: a configured key's is numbered
   *   (`<<api-key:1>>`, in the order of the `keys` option), so a replay still knows which key asked.
   */
  constructor(rules: CredentialRules, known: Iterable<readonly [string, string]>) {
    this.#rules = rules;
    for (const [value, text] of known) if (value) this.#values.set(value, text);
  }

  /** A request with its credentials replaced. */
  request(request: CassetteRequest): CassetteRequest {
    const headers = this.#headers(request.headers);
    const query = this.#fields(request.query) as Record<string, string>;
    const body = this.#fields(request.body);
    return this.#everywhere({ ...request, headers, query, body }) as CassetteRequest;
  }

  /** An answer with its credentials replaced (`Set-Cookie`, a login's `SessionToken`, a new key's `token`). */
  response(response: CassetteResponse): CassetteResponse {
    const headers = this.#headers(response.headers);
    const body = this.#fields(response.body);
    return this.#everywhere({ ...response, headers, body }) as CassetteResponse;
  }

  /** Keeps a credential value for the rest of the cassette and returns its placeholder. */
  #remember(value: string, kind: RuleKind): string {
    const known = this.#values.get(value);
    if (known !== undefined) return known;
    if (!value || value.startsWith('<<')) return placeholder(kind);
    const text = NUMBERED.has(kind) ? this.#numbered(kind) : placeholder(kind);
    this.#values.set(value, text);
    return text;
  }

  /** The next placeholder of a token the exchange issues: `<<session-token:2>>` for the second session. */
  #numbered(kind: RuleKind): string {
    const count = (this.#issued.get(kind) ?? 0) + 1;
    this.#issued.set(kind, count);
    return `<<${kind}:${count}>>`;
  }

  #headers(headers: Readonly<Record<string, string>>): Record<string, string> {
    const output: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
      const kind = this.#rules.headers.get(name);
      output[name] = kind === undefined ? value : this.#header(value, kind);
    }
    return output;
  }

  /** A key is the value up to its first `;`, so Bitex's `<key>; user=<id>` keeps the user readable. */
  #header(value: string, kind: RuleKind): string {
    if (kind === 'api-key' && value.includes(';')) {
      const [key = '', ...rest] = value.split(';');
      return [this.#remember(key.trim(), kind), ...rest].join(';');
    }
    if (kind === 'cookie') {
      for (const pair of value.split(/[;,]/)) this.#remember(pair.split('=')[1]?.trim() ?? '', kind);
    }
    return this.#remember(value, kind);
  }

  #fields(value: unknown): unknown {
    if (Array.isArray(value)) return value.map((item) => this.#fields(item));
    if (value === null || typeof value !== 'object') return value;
    const output: Record<string, unknown> = {};
    for (const [name, item] of Object.entries(value)) {
      const kind = this.#rules.fields.get(name.toLowerCase());
      if (kind !== undefined && (typeof item === 'string' || typeof item === 'number')) {
        output[name] = this.#remember(String(item), kind);
      } else {
        output[name] = this.#fields(item);
      }
    }
    return output;
  }

  #everywhere(value: unknown): unknown {
    if (typeof value === 'string') return this.#text(value);
    if (Array.isArray(value)) return value.map((item) => this.#everywhere(item));
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value).map(([name, item]) => [this.#text(name), this.#everywhere(item)]),
    );
  }

  #text(input: string): string {
    let output = input;
    // Longest first, so a value that contains another is replaced whole.
    const values = [...this.#values].sort(([a], [b]) => b.length - a.length);
    for (const [value, text] of values) {
      if (value.length >= MIN_SEARCHED && output.includes(value)) output = output.split(value).join(text);
    }
    return output;
  }
}
