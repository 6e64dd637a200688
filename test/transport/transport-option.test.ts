import { createServer, Agent as HttpAgent, type IncomingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { AddressInfo } from 'node:net';
import axios from 'axios';
import { Agent as UndiciAgent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveClientOptions } from '../../src/client/options.js';
import { bitex, type ClientOptions, ConfigurationError, createClient } from '../../src/index.js';
import { thrown } from '../support/leaks.js';

// One option chooses the HTTP engine: `transport`. Giving what only one engine uses (an axios instance or Node
// agents for axios, an undici dispatcher for undici) chooses it too; giving what the other engine uses is refused.

const seen: IncomingHttpHeaders[] = [];
const server = createServer((request, response) => {
  seen.push(request.headers);
  request.resume();
  request.on('end', () => response.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
});
let baseURL = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const chosen = (options: ClientOptions) => resolveClientOptions(options, 'bitex', false).transport;

describe('which transport a client gets', () => {
  it("undici by default; 'axios' when asked, or when given an axios instance or a Node agent", () => {
    expect(chosen({})).toBe('undici');
    expect(chosen({ transport: 'undici' })).toBe('undici');
    expect(chosen({ dispatcher: new UndiciAgent() })).toBe('undici');
    expect(chosen({ transport: 'axios' })).toBe('axios');
    expect(chosen({ axios: axios.create() })).toBe('axios');
    expect(chosen({ httpsAgent: new HttpsAgent() })).toBe('axios');
    expect(chosen({ httpAgent: new HttpAgent() })).toBe('axios');
    expect(chosen({ transport: 'axios', httpAgent: new HttpAgent() })).toBe('axios');
  });

  it.each([
    ['undici', /^exchange-auth$/],
    ['axios', /^axios\/1\./],
  ] as const)('a request on %s goes out through that engine', async (transport, userAgent) => {
    const client = createClient(bitex({ apiKey: 'engine_key_123', baseURL }), {
      transport,
      rateLimit: false,
    });
    await client.request({ method: 'GET', path: '/anything', permission: 'read' });
    expect(seen.at(-1)?.['user-agent']).toMatch(userAgent);
  });
});

describe('a transport option that does not fit is a ConfigurationError naming it, and nothing is sent', () => {
  const provider = () => bitex({ apiKey: 'engine_key_123', baseURL });
  const cases: Array<[string, () => unknown, string, RegExp]> = [
    ['an unknown transport', () => ({ transport: 'fetch' }), 'transport', /'undici' or 'axios'/],
    [
      'an axios instance on undici',
      () => ({ transport: 'undici', axios: axios.create() }),
      'axios',
      /transport: 'axios'/,
    ],
    [
      'a Node https agent on undici',
      () => ({ transport: 'undici', httpsAgent: new HttpsAgent() }),
      'httpsAgent',
      /dispatcher/,
    ],
    [
      'a Node http agent on undici',
      () => ({ transport: 'undici', httpAgent: new HttpAgent() }),
      'httpAgent',
      /dispatcher/,
    ],
    [
      'a dispatcher on axios',
      () => ({ transport: 'axios', dispatcher: new UndiciAgent() }),
      'dispatcher',
      /undici transport/,
    ],
    [
      'a dispatcher with an axios instance',
      () => ({ axios: axios.create(), dispatcher: new UndiciAgent() }),
      'dispatcher',
      /axios means the axios transport/,
    ],
    ['a dispatcher that is not one', () => ({ dispatcher: {} }), 'dispatcher', /undici dispatcher/],
  ];
  it.each(cases)('%s', async (_name, options, field, message) => {
    const before = seen.length;
    const error = await thrown(() => createClient(provider(), options() as ClientOptions));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).field).toBe(field);
    expect((error as ConfigurationError).message).toMatch(message);
    expect(seen.length).toBe(before);
  });
});
