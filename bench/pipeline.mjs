import { Agent } from 'node:http';
import axios from 'axios';
import { alphapoint, bitex, bitexbit, createClient } from '../dist/index.js';
import { throughput } from './loopback.mjs';
import { startLoopbackProcess } from './loopback-process.mjs';
import { row } from './measure.mjs';

const ROUNDS = 9;
const TOTAL = 2_000;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Requests per second of `send`, and requests per CPU-second of this process (the server runs elsewhere). */
async function measure(send, concurrency) {
  const cpu = process.cpuUsage();
  const perSecond = await throughput(send, { total: TOTAL, concurrency });
  const used = process.cpuUsage(cpu);
  return { perSecond, perCpuSecond: TOTAL / ((used.user + used.system) / 1e6) };
}

/**
 * `createClient` against raw axios (a default `axios.create()`) sending the same request: method, URL, body and
 * the same credential headers, precomputed. Both go to one keep-alive loopback server in another process at the
 * same concurrency, in interleaved rounds; the medians are compared.
 */
async function compare(provider) {
  const agent = new Agent({ keepAlive: true, maxSockets: provider.concurrency });
  const raw = axios.create({ httpAgent: agent });
  const { send, raw: rawCall } = provider.make(agent);
  const rawSend = () => rawCall(raw);
  const ours = [];
  const baseline = [];
  await throughput(rawSend, { total: 300, concurrency: provider.concurrency });
  await throughput(send, { total: 300, concurrency: provider.concurrency });
  for (let round = 0; round < ROUNDS; round += 1) {
    baseline.push(await measure(rawSend, provider.concurrency));
    ours.push(await measure(send, provider.concurrency));
  }
  agent.destroy();
  const pick = (list, field) => median(list.map((m) => m[field]));
  return {
    ours: pick(ours, 'perSecond'),
    raw: pick(baseline, 'perSecond'),
    oursCpu: pick(ours, 'perCpuSecond'),
    rawCpu: pick(baseline, 'perCpuSecond'),
  };
}

function providersFor(origin) {
  const settings = (agent) => ({ httpAgent: agent, rateLimit: false, retry: false });
  return [
    {
      name: 'bitex',
      concurrency: 16,
      make: (agent) => {
        const client = createClient(
          bitex({ apiKey: 'bench_bitex_key', baseURL: `${origin}/api` }),
          settings(agent),
        );
        return {
          send: () => client.call('coinWallets.list'),
          raw: (http) =>
            http.get(`${origin}/api/coin_wallets`, {
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
          baseURL: origin,
        });
        const client = createClient(provider, settings(agent));
        return {
          send: () => client.call('balance.get'),
          raw: (http) =>
            http.get(`${origin}/api/v2/private/balance`, {
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
          baseURL: `${origin}/ap`,
        });
        const client = createClient(provider, settings(agent));
        return {
          send: () => client.call('GetAccountPositions', { body: {} }),
          raw: (http) =>
            http.post(`${origin}/ap/GetAccountPositions`, '{}', {
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
}

/** 3. Pipeline overhead, per provider: throughput and CPU cost per request, medians of interleaved rounds. */
export async function pipelineRows() {
  const server = await startLoopbackProcess();
  const rows = [];
  for (const provider of providersFor(server.origin)) {
    const { ours, raw, oursCpu, rawCpu } = await compare(provider);
    const what = `${provider.name}, concurrency ${provider.concurrency}`;
    rows.push(
      row(
        '3 pipeline',
        `${what}: requests/s vs raw axios (median)`,
        `${ours.toFixed(0)}/s`,
        `${raw.toFixed(0)}/s`,
        ours / raw,
        '≥ 0.95x',
        ours / raw >= 0.95,
      ),
      row(
        '3 pipeline',
        `${what}: requests per CPU-second vs raw axios (median)`,
        `${oursCpu.toFixed(0)}`,
        `${rawCpu.toFixed(0)}`,
        oursCpu / rawCpu,
        '≥ 0.95x',
        oursCpu / rawCpu >= 0.95,
      ),
    );
  }
  await server.close();
  return rows;
}
