import { createHmac } from 'node:crypto';
import { Agent } from 'node:http';
import axios from 'axios';
import { alphapoint, bitex, bitexbit, createClient, parseAnswer } from '../dist/index.js';
import { BALANCE, COIN_WALLETS, POSITIONS, POSITIONS_BODY } from './answers.mjs';
import { throughput } from './loopback.mjs';
import { startLoopbackProcess } from './loopback-process.mjs';
import { fmtNs, nanosPerCall, row } from './measure.mjs';

const SECTION = '3 pipeline';
// Many short rounds: this VM's speed drifts by tens of percent within a minute, and a ratio taken inside one
// round (both sides seconds apart) drifts far less than either side's rate.
const ROUNDS = 25;
const TOTAL = 1_000;

let rawNonce = 0;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Requests per second of `send`, and requests per CPU-second of this process (the server runs elsewhere). */
async function measure(send, concurrency) {
  const cpu = process.cpuUsage();
  const perSecond = await throughput(send, { total: TOTAL, concurrency });
  const used = process.cpuUsage(cpu);
  return { perSecond, perCpuSecond: TOTAL / ((used.user + used.system) / 1e6) };
}

/** The same provider with the endpoint's answer schema taken out: the pipeline then checks nothing it gets. */
function withoutAnswerSchema(provider, endpoint) {
  const entry = provider.catalog[endpoint];
  return { ...provider, catalog: { ...provider.catalog, [endpoint]: { ...entry, response: undefined } } };
}

/**
 * `createClient` (answers validated, and with the answer schema taken out) against raw axios (a default
 * `axios.create()`) sending the same request: method, URL, body and the same credential headers, precomputed.
 * All go to one keep-alive loopback server in another process that answers the exchange's documented answer,
 * at the same concurrency, in interleaved rounds. Ratios are the median of the per-round ratios; rates the
 * median of each side's rounds.
 */
async function compare(subject) {
  const { concurrency, endpoint, input } = subject;
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const settings = { httpAgent: agent, rateLimit: false, retry: false };
  const raw = axios.create({ httpAgent: agent });
  const validated = createClient(subject.provider(), settings);
  const unchecked = createClient(withoutAnswerSchema(subject.provider(), endpoint), settings);
  const sides = {
    raw: () => subject.raw(raw),
    ours: () => validated.call(endpoint, input),
    unchecked: () => unchecked.call(endpoint, input),
  };
  const results = { raw: [], ours: [], unchecked: [] };
  for (const send of Object.values(sides)) await throughput(send, { total: 300, concurrency });
  // Each round starts with a different side, so that none always runs right after the same other one (and its
  // garbage).
  const order = Object.keys(sides);
  for (let round = 0; round < ROUNDS; round += 1) {
    for (let i = 0; i < order.length; i += 1) {
      const side = order[(round + i) % order.length];
      results[side].push(await measure(sides[side], concurrency));
    }
  }
  agent.destroy();
  const pick = (side, field) => median(results[side].map((m) => m[field]));
  const against = (side, base, field) =>
    median(results[side].map((m, round) => m[field] / results[base][round][field]));
  const figures = Object.fromEntries(
    Object.keys(sides).map((side) => [
      side,
      { perSecond: pick(side, 'perSecond'), perCpuSecond: pick(side, 'perCpuSecond') },
    ]),
  );
  return {
    ...figures,
    ratios: {
      rate: against('ours', 'raw', 'perSecond'),
      cpu: against('ours', 'raw', 'perCpuSecond'),
      validation: against('ours', 'unchecked', 'perSecond'),
    },
  };
}

function subjectsFor(origin) {
  return [
    {
      name: 'bitex',
      concurrency: 16,
      endpoint: 'coinWallets.list',
      input: undefined,
      answer: COIN_WALLETS,
      provider: () => bitex({ apiKey: 'bench_bitex_key', baseURL: `${origin}/api` }),
      raw: (http) =>
        http.get(`${origin}/api/coin_wallets`, {
          headers: { Authorization: 'bench_bitex_key', Version: '2.1', Accept: 'application/vnd.api+json' },
        }),
    },
    {
      // One key's private requests go one at a time in nonce order, so every side runs one at a time.
      name: 'bitexbit',
      concurrency: 1,
      endpoint: 'balance.get',
      input: undefined,
      answer: BALANCE,
      provider: () =>
        bitexbit({ accessKey: 'ak_bench', privateKey: 'sk_bench', access: 'read', baseURL: origin }),
      // What a bot written on raw axios does for each request: a fresh nonce and its HMAC (the exchange refuses a
      // nonce it has seen, so a precomputed signature is not the same request).
      raw: (http) => {
        const path = '/api/v2/private/balance';
        rawNonce = Math.max(Date.now(), rawNonce + 1);
        const nonce = String(rawNonce);
        const signature = createHmac('sha256', 'sk_bench')
          .update(path + nonce)
          .digest('hex');
        return http.get(`${origin}${path}`, {
          headers: {
            'X-API-Key': 'ak_bench',
            'X-Nonce': nonce,
            'X-Signature': signature,
            Accept: 'application/json',
          },
        });
      },
    },
    {
      name: 'kiiex (session token)',
      concurrency: 16,
      endpoint: 'GetAccountPositions',
      input: { body: POSITIONS_BODY },
      answer: POSITIONS,
      provider: () =>
        alphapoint({ apiKey: 'bench_key', apiSecret: 'bench_secret', userId: 7, baseURL: `${origin}/ap` }),
      raw: (http) =>
        http.post(`${origin}/ap/GetAccountPositions`, JSON.stringify(POSITIONS_BODY), {
          headers: {
            aptoken: 'bench-session-token',
            'Content-Type': 'application/json',
            Accept: 'application/json',
          },
        }),
    },
  ];
}

/**
 * Validating one documented answer against its endpoint's schema, on its own, beyond parsing its JSON: as the
 * client does it (`parseAnswer`: kept as it is when the schema vouches for it), and by a full zod parse.
 */
async function validationCost(subject) {
  const schema = subject.provider().catalog[subject.endpoint].response;
  const { parse, check, zod } = await nanosPerCall(
    {
      parse: () => JSON.parse(subject.answer),
      check: () => parseAnswer(schema, JSON.parse(subject.answer)),
      zod: () => schema.safeParse(JSON.parse(subject.answer)),
    },
    { batch: 200 },
  );
  return { parse, check: check - parse, zod: zod - parse };
}

/**
 * 3. Pipeline overhead, per provider: throughput and CPU per request against raw axios (medians of interleaved
 * rounds), the same with the answer schema taken out, and the cost of validating one answer on its own.
 */
export async function pipelineRows(only) {
  const server = await startLoopbackProcess();
  const rows = [];
  for (const subject of subjectsFor(server.origin).filter((s) => s.name.split(' ')[0] === only)) {
    const { raw, ours, unchecked, ratios } = await compare(subject);
    const what = `${subject.name}, concurrency ${subject.concurrency}`;
    const rate = (side) => `${side.perSecond.toFixed(0)}/s`;
    const cpu = (side) => `${side.perCpuSecond.toFixed(0)}/CPU-s`;
    const ratio = ratios.rate;
    const cpuRatio = ratios.cpu;
    const validation = await validationCost(subject);
    rows.push(
      row(
        SECTION,
        `${what}: requests/s, answers validated, vs raw axios (median of 25 rounds)`,
        rate(ours),
        rate(raw),
        ratio,
        '≥ 0.95x',
        ratio >= 0.95,
      ),
      row(
        SECTION,
        `${what}: requests per CPU-second vs raw axios (median of 25 rounds)`,
        cpu(ours),
        cpu(raw),
        cpuRatio,
        '≥ 0.95x',
        cpuRatio >= 0.95,
      ),
      row(
        SECTION,
        `${what}: requests/s, validated vs answer schema taken out (median of 25 rounds)`,
        rate(ours),
        rate(unchecked),
        ratios.validation,
        'info',
        true,
      ),
      row(
        SECTION,
        `${subject.endpoint}: validating one documented answer (${subject.answer.length} B) as the client does, beyond JSON.parse`,
        fmtNs(validation.check),
        fmtNs(validation.parse),
        (validation.parse + validation.check) / validation.parse,
        'info',
        true,
      ),
      row(
        SECTION,
        `${subject.endpoint}: the same answer parsed by zod (a copy), beyond JSON.parse`,
        fmtNs(validation.zod),
        fmtNs(validation.parse),
        (validation.parse + validation.zod) / validation.parse,
        'info',
        true,
      ),
    );
  }
  await server.close();
  return rows;
}
