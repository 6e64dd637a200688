import { Secret } from '../core/secret.js';
import type { AuthStrategy, PreparedRequest } from '../core/strategy.js';
import { withHeaders } from '../pipeline/prepare.js';

/** Options of {@link staticHeaderKey}. */
export interface StaticHeaderKeyOptions {
  /** Header that carries the key (`Authorization`). */
  header: string;
  /** The header's value: the key itself, or the key with a suffix (`<key>; user=600`). */
  value: string | Secret;
  /** Values to mask in logs and errors besides the header value (the bare key when the value adds a suffix). */
  alsoSecret?: readonly (string | Secret)[];
}

/**
 * The simplest scheme: a fixed key in one header, nothing signed (TLS protects it). The header is built once,
 * so authorising a request is one object spread.
 */
export function staticHeaderKey(options: StaticHeaderKeyOptions): AuthStrategy {
  const value = options.value instanceof Secret ? options.value : new Secret(options.value);
  const header = Object.freeze({ [options.header]: value.reveal() });
  const secrets = [value, ...(options.alsoSecret ?? [])].map((secret) =>
    secret instanceof Secret ? secret.reveal() : secret,
  );
  return {
    scheme: 'static-header-key',
    authorize: (request: PreparedRequest) => withHeaders(request, header),
    secrets: () => secrets,
  };
}
