import { registryKey } from '../core/registry.js';
import { type PreparedRequest, withHeaders } from '../core/request.js';
import type { AuthStrategy } from '../core/strategy.js';

/** Options of {@link staticHeaderKey}. */
export interface StaticHeaderKeyOptions {
  /** Header that carries the key (`Authorization`). */
  header: string;
  /** The header's value: the key itself, or the key with a suffix (`<key>; user=600`). */
  value: string;
  /** Values to mask in logs and errors besides the header value (the bare key when the value adds a suffix). */
  alsoSecret?: readonly string[];
}

/**
 * The simplest scheme: a fixed key in one header, nothing signed (TLS protects it). The header object is built
 * once and copied onto each request.
 */
export function staticHeaderKey(options: StaticHeaderKeyOptions): AuthStrategy {
  const header = Object.freeze({ [options.header]: options.value });
  const secrets = Object.freeze([options.value, ...(options.alsoSecret ?? [])]);
  return {
    scheme: 'static-header-key',
    headerNames: Object.freeze([options.header]),
    keyId: registryKey('key', 'static-header-key', options.header, options.value),
    authorize: (request: PreparedRequest) => withHeaders(request, header),
    secrets: () => secrets,
  };
}
