import { createHmac } from 'node:crypto';
import { ResponseValidationError } from '../../src/index.js';
import type { AlphaPointCredentials, ReceivedRequest } from '../../src/testing/index.js';

/** Lowercase hex HMAC-SHA256, computed here with node:crypto alone: the expectation the library must meet. */
export const hmac = (secret: string, message: string) =>
  createHmac('sha256', secret).update(message, 'utf8').digest('hex');

let lastNonce = 1_700_000_000_000;

/** The four AlphaPoint headers over a fresh nonce, signed by this test (not by the library). */
export function signedBy(credentials: Pick<AlphaPointCredentials, 'apiKey' | 'apiSecret' | 'userId'>) {
  lastNonce += 1;
  const nonce = String(lastNonce);
  const { apiKey, apiSecret, userId } = credentials;
  return {
    APIKey: apiKey,
    Signature: hmac(apiSecret, `${nonce}${userId}${apiKey}`),
    UserId: userId,
    Nonce: nonce,
  };
}

/** A request sent by hand to `<baseURL>/<name>`; the parsed JSON answer and its status. */
export async function send(
  baseURL: string,
  name: string,
  options: { method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: unknown; query?: string } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const method = options.method ?? 'POST';
  const response = await fetch(`${baseURL}/${name}${options.query ? `?${options.query}` : ''}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...options.headers },
    ...(method === 'POST' ? { body: JSON.stringify(options.body ?? {}) } : {}),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/**
 * Whether a request the exchange received carries the four headers, signed over its own nonce with `secret`:
 * recomputed here, independently of the library and of the sandbox.
 */
export function signedWith(entry: ReceivedRequest | undefined, credentials: AlphaPointCredentials): boolean {
  const { apikey, signature, userid, nonce } = entry?.headers ?? {};
  return (
    apikey === credentials.apiKey &&
    userid === credentials.userId &&
    typeof nonce === 'string' &&
    nonce !== '' &&
    signature === hmac(credentials.apiSecret, `${nonce}${userid}${apikey}`)
  );
}

/** `METHOD /path` of each entry, for comparing what reached the exchange. */
export const routes = (entries: readonly ReceivedRequest[]) => entries.map((e) => `${e.method} ${e.path}`);

/**
 * Whether the exchange accepted a request (a 2xx), whether or not its answer matches the catalog's documented
 * schema: these tests are about authentication, and what the exchange did is counted at the exchange. Any other
 * error is thrown.
 */
export async function accepted(request: Promise<{ readonly status: number }>): Promise<boolean> {
  try {
    const { status } = await request;
    return status >= 200 && status < 300;
  } catch (error) {
    if (error instanceof ResponseValidationError && error.accepted) return true;
    throw error;
  }
}
