import { createServer, Agent as HttpsAgent, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { Agent as UndiciAgent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bitex, type ClientOptions, createClient, TransportError } from '../../src/index.js';
import { type Certificate, selfSignedCertificate } from '../support/certificates.js';
import { bitexOrder } from '../support/documented.js';
import { thrown } from '../support/leaks.js';

// Bitex offers mutual TLS on request. The client certificate travels through the httpsAgent option on the axios
// transport, and through an undici dispatcher (an Agent whose `connect` carries it) on the undici transport.
let server: Server;
let baseURL: string;
let serverCert: Certificate;
let clientCert: Certificate;
const seen: Array<{ authorization: string | undefined; clientCertificate: string | undefined }> = [];

beforeAll(async () => {
  serverCert = selfSignedCertificate('127.0.0.1');
  clientCert = selfSignedCertificate('bot-client');
  server = createServer(
    { ...serverCert, ca: clientCert.cert, requestCert: true, rejectUnauthorized: true },
    (request, response) => {
      const peer = (request.socket as import('node:tls').TLSSocket).getPeerCertificate();
      seen.push({
        authorization: request.headers.authorization,
        clientCertificate: String(peer.subject?.CN),
      });
      response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"data":[]}');
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseURL = `https://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** TLS settings (trusted CA, client certificate) as each transport takes them, and how to let go of them. */
interface Tls {
  readonly ca: string;
  readonly cert?: string;
  readonly key?: string;
}
const TRANSPORTS: Record<'axios' | 'undici', (tls: Tls) => { options: ClientOptions; close(): unknown }> = {
  axios: (tls) => {
    const httpsAgent = new HttpsAgent(tls);
    return { options: { httpsAgent }, close: () => httpsAgent.destroy() };
  },
  undici: (tls) => {
    const dispatcher = new UndiciAgent({ connect: tls });
    return { options: { dispatcher }, close: () => dispatcher.close() };
  },
};

describe.each(Object.keys(TRANSPORTS) as (keyof typeof TRANSPORTS)[])(
  'TLS client certificates on the %s transport',
  (transport) => {
    it('a client with the certificate is let in, and its key goes with the request', async () => {
      const tls = TRANSPORTS[transport]({ ca: serverCert.cert, cert: clientCert.cert, key: clientCert.key });
      const client = createClient(bitex({ apiKey: 'mtls_key_123456', baseURL }), {
        ...tls.options,
        rateLimit: false,
      });
      const response = await client.call('coinWallets.list');
      expect(response.data).toEqual({ data: [] });
      expect(seen.at(-1)).toEqual({ authorization: 'mtls_key_123456', clientCertificate: 'bot-client' });
      await tls.close();
    });

    it('without the certificate the handshake fails and nothing reaches the API', async () => {
      const before = seen.length;
      const tls = TRANSPORTS[transport]({ ca: serverCert.cert });
      const client = createClient(bitex({ apiKey: 'mtls_key_123456', baseURL }), {
        ...tls.options,
        retry: false,
      });
      const error = await thrown(() => client.call('coinWallets.list'));
      expect(error).toBeInstanceOf(TransportError);
      expect(seen.length).toBe(before);
      await tls.close();
    });
  },
);

describe('a server certificate the transport does not trust', () => {
  it.each(['undici', 'axios'] as const)(
    'is refused before anything is sent (%s, default settings)',
    async (transport) => {
      const before = seen.length;
      const client = createClient(bitex({ apiKey: 'mtls_key_123456', baseURL }), { transport, retry: false });
      const error = await thrown(() => client.call('bids.create', { body: bitexOrder() }));
      expect(error).toBeInstanceOf(TransportError);
      expect((error as TransportError).outcome).toBe('not-sent');
      expect(seen.length).toBe(before);
    },
  );
});
