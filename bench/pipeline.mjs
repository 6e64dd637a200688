import { Agent } from 'node:http';
import axios from 'axios';
import { alphapoint, bitex, bitexbit, createClient } from '../dist/index.js';
import { startLoopback, throughput } from './loopback.mjs';
import { row } from './measure.mjs';

const ROUNDS = 7;
const TOTAL = 3_000;

/**
 * Requests per second through `createClient` against raw axios sending the same request (method, path, body and
 * the same credential headers, precomputed), both on one keep-alive loopback server at the
 * same concurrency, interleaved over several rounds; the best round of each is compared.
 */
async function compare(server, makeOurs, concurrency) {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const raw = axios.create({ adapter: 'http', httpAgent: agent });
  const client = makeOurs(agent);
  const rawSend = () =>
    raw.get(`${server.origin}/api/v2/private/balance`, { headers: { Accept: 'application/json' } });
  const oursSend = () => client.send();
  let bestRaw = 0;
  let bestOurs = 0;
  await throughput(rawSend, { total: 200, concurrency });
  await throughput(oursSend, { total: 200, concurrency });
  for (let round = 0; round < ROUNDS; round += 1) {
    bestRaw = Math.max(bestRaw, await throughput(rawSend, { total: TOTAL, concurrency }));
    bestOurs = Math.max(bestOurs, await throughput(oursSend, { total: TOTAL, concurrency }));
  }
  agent.destroy();
  return { raw: bestRaw, ours: bestOurs };
}

/** 3. Pipeline overhead, per provider. */
export async function pipelineRows() {
  const server = await startLoopback();
  const settings = (agent) => ({ httpAgent: agent, rateLimit: false, retry: false });
  const providers = [
    {
      name: 'bitex',
      concurrency: 16,
      make: (agent) => {
        const client = createClient(
          bitex({ apiKey: 'bench_bitex_key', baseURL: `${server.origin}/api` }),
          settings(agent),
        );
        return {
          send: () => client.call('coinWallets.list'),
          raw: (axios) =>
            axios.get(`${server.origin}/api/coin_wallets`, {
              headers: {
                Authorization: 'bench_bitex_key',
                Version: '2.1',
                Accept: 'application/vnd.api+json',
              },
            }),
        };
      },
    },
    {
      // One key's private requests go one at a time in nonce order, so both sides run one at a time.
      name: 'bitexbit',
      concurrency: 1,
      make: (agent) => {
        const provider = bitexbit({
          accessKey: 'ak_bench',
          privateKey: 'sk_bench',
          access: 'read',
          baseURL: server.origin,
        });
        const client = createClient(provider, settings(agent));
        return {
          send: () => client.call('balance.get'),
          raw: (axios) =>
            axios.get(`${server.origin}/api/v2/private/balance`, {
              headers: {
                'X-API-Key': 'ak_bench',
                'X-Nonce': '1',
                'X-Signature': 'f'.repeat(64),
                Accept: 'application/json',
              },
            }),
        };
      },
    },
    {
      name: 'kiiex (session token)',
      concurrency: 16,
      make: (agent) => {
        const provider = alphapoint({
          apiKey: 'bench_key',
          apiSecret: 'bench_secret',
          userId: 7,
          baseURL: `${server.origin}/ap`,
        });
        const client = createClient(provider, settings(agent));
        return {
          send: () => client.call('GetAccountPositions', { body: {} }),
          raw: (axios) =>
            axios.post(`${server.origin}/ap/GetAccountPositions`, '{}', {
              headers: {
                aptoken: 'bench-session-token',
                'Content-Type': 'application/json',
                Accept: 'application/json',
              },
            }),
        };
      },
    },
  ];
  const rows = [];
  for (const provider of providers) {
    const { raw, ours } = await compare(server, provider.make, provider.concurrency);
    const ratio = ours / raw;
    rows.push(
      row(
        '3 pipeline',
        `${provider.name} requests/s vs raw axios (concurrency ${provider.concurrency})`,
        `${ours.toFixed(0)}/s`,
        `${raw.toFixed(0)}/s`,
        ratio,
        '≥ 0.95x',
        ratio >= 0.95,
      ),
    );
  }
  await server.close();
  return rows;
}
