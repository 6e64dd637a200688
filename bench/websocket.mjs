import { spawnSync } from 'node:child_process';
import WebSocket from 'ws';
import { createClient, kiiex } from '../dist/index.js';
import { fmtNs, row } from './measure.mjs';
import { startGateway } from './ws-gateway.mjs';

/** A raw `ws` client sending the same frames by hand: ids even from 2, replies matched on m and i. */
async function rawClient(url) {
  const socket = new WebSocket(url, { perMessageDeflate: false });
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  const waiting = new Map();
  let id = 0;
  socket.on('message', (data) => {
    const frame = JSON.parse(String(data));
    if (frame.m !== 1 && frame.m !== 5) return;
    const resolve = waiting.get(frame.i);
    waiting.delete(frame.i);
    resolve?.(JSON.parse(frame.o));
  });
  return {
    call(n, payload) {
      id += 2;
      const i = id;
      return new Promise((resolve) => {
        waiting.set(i, resolve);
        socket.send(JSON.stringify({ m: 0, i, n, o: JSON.stringify(payload) }));
      });
    },
    close: () => socket.terminate(),
  };
}

/**
 * Nanoseconds per call of each task in 15 rounds that run the tasks in turn (500 sequential calls each, after a
 * warm-up), so a slow spell of a shared machine falls on both sides rather than on one. Returns each task's median
 * and the median of the per-round ratios `raw / library` (as the ccxt cycle section does: this VM's speed
 * drifts within a minute, and a ratio taken inside one round drifts far less than either side's time).
 */
async function alternating(tasks, { rounds = 15, calls = 500 } = {}) {
  const samples = Object.fromEntries(Object.keys(tasks).map((name) => [name, []]));
  for (let round = -3; round < rounds; round += 1) {
    for (const [name, task] of Object.entries(tasks)) {
      const started = process.hrtime.bigint();
      for (let k = 0; k < calls; k += 1) await task();
      if (round >= 0) samples[name].push(Number(process.hrtime.bigint() - started) / calls);
    }
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const speed = median(samples.library.map((ns, round) => samples.raw[round] / ns));
  return { library: median(samples.library), raw: median(samples.raw), speed };
}

/** 8. The AlphaPoint WebSocket: a call's round trip through the library against raw `ws`; heap over 100,000 events. */
export async function websocketRows() {
  const gateway = await startGateway();
  const credentials = { apiKey: 'bench_key', apiSecret: 'bench_secret', userId: 1 };
  const client = createClient(
    kiiex({ ...credentials, baseURL: 'http://127.0.0.1:9/ap', websocketURL: gateway.url }),
    { rateLimit: false },
  );
  const socket = client.websocket();
  await socket.connect();
  const raw = await rawClient(gateway.url);
  const body = {};
  const ns = await alternating({
    library: () => socket.call('Ping', body),
    raw: () => raw.call('Ping', body),
  });
  raw.close();
  await client.close().catch(() => undefined); // its LogOut goes to an HTTP port nobody serves here
  await gateway.close();
  const { speed } = ns;
  const rows = [
    row(
      '8 websocket',
      'Ping round trip on loopback: library (gate, checks, reply matched and read) vs raw ws, same frame (median of 15 per-round ratios)',
      fmtNs(ns.library),
      fmtNs(ns.raw),
      speed,
      '>= 0.9x of raw ws',
      speed >= 0.9,
    ),
  ];
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', new URL('websocket-memory-child.mjs', import.meta.url).pathname],
    {
      encoding: 'utf8',
    },
  );
  if (child.status !== 0) throw new Error(`websocket memory benchmark failed: ${child.stderr}`);
  const { small, large, dropped } = JSON.parse(child.stdout);
  const growth = (large - small) / 1024 / 1024;
  rows.push(
    row(
      '8 websocket',
      `heap after 100,000 Level1UpdateEvents read through events() vs after 10,000 (${dropped} dropped)`,
      `${(large / 1024 / 1024).toFixed(1)} MB`,
      `${(small / 1024 / 1024).toFixed(1)} MB`,
      large / small,
      'growth < 5 MB',
      growth < 5,
    ),
  );
  return rows;
}
