import { spawnSync } from 'node:child_process';
import { startLoopbackProcess } from './loopback-process.mjs';
import { row } from './measure.mjs';

/** Heap per client each subject may hold: half of what issue 26 measured (bitexbit 9.3 KB, Kiiex 12.3 KB). */
const CLIENT_HEAP_TARGET = { bitex: 4.7 * 1024, bitexbit: 4.7 * 1024, kiiex: 6.2 * 1024 };
const CLIENTS = 10_000;

/** Runs `bench/<file>` with --expose-gc in a fresh process and parses the JSON it prints. */
function child(file, args) {
  const run = spawnSync(process.execPath, ['--expose-gc', new URL(file, import.meta.url).pathname, ...args], {
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`memory benchmark ${file} ${args[0]} failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;

/**
 * Heap per client: 10,000 clients on 10,000 distinct keys (default transport, answers validated), each having
 * made one request to a loopback exchange in another process, kept in an array; the heap after gc, less the heap
 * before the first of them, over 10,000. The baseline is what a service on raw axios keeps per user: an
 * `axios.create()` carrying the key, and an HMAC function on the secret, each having sent one signed request.
 * Each subject runs in a fresh process (bench/client-heap-child.mjs), against the same server.
 */
async function clientHeapRows() {
  const server = await startLoopbackProcess();
  try {
    const perClient = {};
    for (const subject of ['axios', 'bitex', 'bitexbit', 'kiiex']) {
      perClient[subject] = child('client-heap-child.mjs', [
        subject,
        server.origin,
        String(CLIENTS),
      ]).perClient;
    }
    return ['bitex', 'bitexbit', 'kiiex'].map((subject) =>
      row(
        '6 memory',
        `${subject}: heap per client, ${CLIENTS.toLocaleString('en')} clients on as many keys, one request each, vs axios.create() + HMAC`,
        kb(perClient[subject]),
        kb(perClient.axios),
        perClient[subject] / perClient.axios,
        `≤ ${kb(CLIENT_HEAP_TARGET[subject])}`,
        perClient[subject] <= CLIENT_HEAP_TARGET[subject],
      ),
    );
  } finally {
    await server.close();
  }
}

/** 6. Memory: heap per client, and heap after 1,000,000 authorisations against after 10,000, per strategy. */
export async function memoryRows() {
  const rows = await clientHeapRows();
  for (const strategy of ['bitexbit', 'bitex']) {
    const { small, large } = child('memory-child.mjs', [strategy]);
    const growth = (large - small) / 1024 / 1024;
    rows.push(
      row(
        '6 memory',
        `${strategy}: heap after 1,000,000 authorisations vs after 10,000`,
        `${(large / 1024 / 1024).toFixed(1)} MB`,
        `${(small / 1024 / 1024).toFixed(1)} MB`,
        large / small,
        'growth < 5 MB',
        growth < 5,
      ),
    );
  }
  return rows;
}
