import type { Agent as HttpAgent } from 'node:http';
import type { Agent as HttpsAgent } from 'node:https';
import type { AxiosInstance, AxiosResponse } from 'axios';
import { TransportError } from '../core/errors.js';
import type { PreparedRequest, RawResponse } from '../core/request.js';

/** Sends prepared requests. The only place that knows about axios. */
export interface Transport {
  send(
    request: PreparedRequest,
    options: { timeout: number; signal?: AbortSignal | undefined },
  ): Promise<RawResponse>;
}

/** System error codes that mean the request never left this machine, so the exchange cannot have seen it. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'ERR_INVALID_URL',
  'ERR_BAD_OPTION',
  'ERR_BAD_OPTION_VALUE',
  // TLS handshake refused: no HTTP byte was written.
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

function plainHeaders(headers: AxiosResponse['headers']): Record<string, string> {
  const output: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined || value === null) continue;
    output[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return output;
}

/**
 * A transport over axios. Answers of every status come back as {@link RawResponse}; a request that got no
 * answer becomes a {@link TransportError} built from safe fields only (never the axios error, whose config
 * holds the credentials).
 */
export function createAxiosTransport(settings: {
  provider: string;
  axios: AxiosInstance | undefined;
  httpsAgent: HttpsAgent | undefined;
  httpAgent: HttpAgent | undefined;
}): Transport {
  // axios is loaded when the first client is created, not when the library is imported: importing
  // exchange-auth then costs no more than importing axios alone.
  let instance: Promise<AxiosInstance> | undefined = settings.axios
    ? Promise.resolve(settings.axios)
    : undefined;
  const axiosInstance = () => {
    instance ??= import('axios').then((module) => module.default.create({ adapter: 'http' }));
    return instance;
  };
  axiosInstance().catch(() => undefined);
  const { provider } = settings;
  return {
    async send(request, { timeout, signal }) {
      if (signal?.aborted) {
        throw new TransportError(
          `${provider}: ${request.method} ${request.path} was aborted before it was sent`,
          {
            provider,
            outcome: 'not-sent',
            networkCode: 'ERR_CANCELED',
          },
        );
      }
      let response: AxiosResponse<string>;
      try {
        response = await (await axiosInstance()).request<string>({
          method: request.method,
          url: request.url,
          headers: Object.assign({}, request.headers),
          data: request.body,
          timeout,
          ...(signal ? { signal } : {}),
          ...(settings.httpsAgent ? { httpsAgent: settings.httpsAgent } : {}),
          ...(settings.httpAgent ? { httpAgent: settings.httpAgent } : {}),
          responseType: 'text',
          transformRequest: [(data: unknown) => data],
          transformResponse: [(data: unknown) => data],
          validateStatus: () => true,
          maxRedirects: 0,
        });
      } catch (error) {
        throw toTransportError(provider, request, error);
      }
      const text =
        typeof response.data === 'string'
          ? response.data
          : response.data == null
            ? ''
            : String(response.data);
      return { status: response.status, headers: plainHeaders(response.headers), text };
    },
  };
}

function toTransportError(provider: string, request: PreparedRequest, error: unknown): TransportError {
  const code =
    typeof (error as { code?: unknown })?.code === 'string' ? (error as { code: string }).code : undefined;
  const outcome = code && NOT_SENT_CODES.has(code) ? 'not-sent' : 'unknown';
  const what =
    outcome === 'not-sent'
      ? 'could not be sent'
      : 'got no answer; the exchange may or may not have executed it, so reconcile before repeating it';
  return new TransportError(
    `${provider}: ${request.method} ${request.path} ${what} (${code ?? 'network error'})`,
    {
      provider,
      outcome,
      networkCode: code,
    },
  );
}
