import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ConfigurationError } from '../../core/errors.js';

/** The header Bitex signs a webhook delivery with: the SHA-256 hex digest of the account's API key. */
export const BITEX_WEBHOOK_HEADER = 'webhook-auth';

/** A Bitex webhook event as delivered (JSON:API): `data.id` is unique per event, `event_type` says what happened. */
export interface BitexWebhookEvent {
  readonly data: {
    readonly type: 'events';
    readonly id: string;
    readonly attributes: { readonly event_type: string; readonly [name: string]: unknown };
    readonly relationships?: unknown;
  };
  readonly included?: readonly unknown[];
}

/** The API keys whose deliveries are accepted: several during a rotation (the old and the new key). */
export type WebhookKeys = readonly string[] | (() => readonly string[]);

function refuse(field: string, message: string): ConfigurationError {
  return new ConfigurationError(`bitex webhooks: ${message}`, { provider: 'bitex', field });
}

const digestOf = (apiKey: string) => createHash('sha256').update(apiKey, 'utf8').digest();

/**
 * Checks a delivery's `WEBHOOK-AUTH` header against the SHA-256 of each accepted API key (bitex-la/bitex-guides
 * `_docs/webhooks`), in constant time: every key is compared, whatever matched first. The keys are read on every
 * call when given as a function, so a rotation takes effect at once; give both keys while the rotation is under
 * way. The header proves who sent a delivery, not that it is new: the same delivery can be replayed, so dedupe by
 * event id ({@link bitexWebhookHandler} does).
 *
 * @param keys - The accepted API keys, or a function returning them.
 * @returns `verify(header)`: true when the header is the digest of one of the keys.
 */
export function bitexWebhookVerifier(keys: WebhookKeys): {
  /** True when `header` (a delivery's `WEBHOOK-AUTH`) is the SHA-256 hex of one of the keys. */
  verify(header: string | undefined): boolean;
} {
  if (typeof keys !== 'function' && !Array.isArray(keys)) {
    throw refuse('keys', 'keys must be the accepted API keys (an array) or a function returning them');
  }
  return {
    verify(header) {
      const current = typeof keys === 'function' ? keys() : keys;
      if (typeof header !== 'string' || !/^[0-9a-fA-F]{64}$/.test(header.trim())) return false;
      const given = Buffer.from(header.trim().toLowerCase(), 'hex');
      let matched = false;
      for (const key of current) {
        if (typeof key !== 'string' || key === '') continue;
        // No early exit: each key costs the same whether or not one matched before.
        matched = timingSafeEqual(digestOf(key), given) || matched;
      }
      return matched;
    },
  };
}

/** Options of {@link bitexWebhookHandler}. */
export interface BitexWebhookHandlerOptions {
  /** The accepted API keys (several during a rotation), or a function returning them. */
  keys: WebhookKeys;
  /** Handles one verified event, once per event id; a rejection answers 500, so Bitex delivers it again. */
  onEvent(event: BitexWebhookEvent): void | Promise<void>;
  /**
   * The ids of events already handled. Default: this process's memory (the last 10,000). Give a shared or
   * persistent one so a restart or a second server also skips a redelivery.
   */
  seen?: {
    /** Whether the event `id` was handled already. */
    has(id: string): boolean | Promise<boolean>;
    /** Records that the event `id` was handled. */
    add(id: string): void | Promise<void>;
  };
  /** The largest body accepted, in bytes. Default 1 MiB. */
  maxBodyBytes?: number;
}

function memorySeen(limit = 10_000) {
  const ids = new Set<string>();
  return {
    has: (id: string) => ids.has(id),
    add: (id: string) => {
      ids.add(id);
      if (ids.size > limit) ids.delete(ids.values().next().value as string);
    },
  };
}

function readLimited(request: IncomingMessage, max: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        resolve(undefined);
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function eventOf(text: string): BitexWebhookEvent | undefined {
  try {
    const parsed = JSON.parse(text) as { data?: { type?: unknown; id?: unknown; attributes?: unknown } };
    const data = parsed?.data;
    const ok = data?.type === 'events' && (typeof data.id === 'string' || typeof data.id === 'number');
    if (!ok || typeof data.attributes !== 'object' || data.attributes === null) return undefined;
    return { ...parsed, data: { ...data, id: String(data.id) } } as BitexWebhookEvent;
  } catch {
    return undefined;
  }
}

function answer(response: ServerResponse, status: number, message: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(message);
}

/**
 * A request listener for Node's `http` (or an Express route) receiving Bitex webhooks: it answers 200 only after
 * the delivery's `WEBHOOK-AUTH` is verified ({@link bitexWebhookVerifier}) and `onEvent` has handled the event,
 * and handles each event id once: a redelivery (Bitex retries until it gets a 200) or a replay of a seen id is
 * answered 200 without calling `onEvent` again. A forged delivery gets 401, a body that is no event 400, a failed
 * `onEvent` 500 (Bitex sends it again, with backoff, for days).
 *
 * @example
 * ```ts
 * const server = createServer(
 *   bitexWebhookHandler({ keys: [apiKey], onEvent: (event) => queue.push(event) }),
 * ).listen(8080);
 * ```
 */
export function bitexWebhookHandler(
  options: BitexWebhookHandlerOptions,
): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  if (typeof options?.onEvent !== 'function') throw refuse('onEvent', 'onEvent must be a function');
  const verifier = bitexWebhookVerifier(options.keys);
  const seen = options.seen ?? memorySeen();
  const max = options.maxBodyBytes ?? 1024 * 1024;
  const handling = new Map<string, Promise<void>>();
  return async (request, response) => {
    if (request.method !== 'POST') return answer(response, 405, 'POST only');
    const header = request.headers[BITEX_WEBHOOK_HEADER];
    if (!verifier.verify(Array.isArray(header) ? header[0] : header)) {
      request.resume();
      return answer(response, 401, 'WEBHOOK-AUTH does not match an accepted key');
    }
    const text = await readLimited(request, max);
    if (text === undefined) return answer(response, 413, 'body too large');
    const event = eventOf(text);
    if (!event) return answer(response, 400, 'not a JSON:API event');
    const { id } = event.data;
    try {
      // One handling per id at a time: a redelivery arriving meanwhile waits for it.
      while (handling.has(id)) await handling.get(id)?.catch(() => undefined);
      if (await seen.has(id)) return answer(response, 200, 'already handled');
      const run = (async () => {
        await options.onEvent(event);
        await seen.add(id);
      })();
      handling.set(id, run);
      try {
        await run;
      } finally {
        handling.delete(id);
      }
      answer(response, 200, 'ok');
    } catch {
      answer(response, 500, 'not handled; deliver again');
    }
  };
}
