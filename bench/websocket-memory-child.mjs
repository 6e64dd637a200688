// Run with --expose-gc: 100,000 Level1UpdateEvents through one socket's events() reader (each checked against
// its schema); reports the heap after 10,000 and after 100,000.
import { createClient, kiiex } from '../dist/index.js';
import { startGateway } from './ws-gateway.mjs';

const gateway = await startGateway();
const client = createClient(
  kiiex({
    apiKey: 'bench_key',
    apiSecret: 'bench_secret',
    userId: 1,
    baseURL: 'http://127.0.0.1:9/ap',
    websocketURL: gateway.url,
  }),
);
const socket = client.websocket({ eventBuffer: 2_000 });
await socket.subscribe('SubscribeLevel1', { OMSId: 1, InstrumentId: 1 });
const reader = socket.events();
let read = 0;
let dropped = 0;
socket.on(() => undefined);
/** Sends `count` events in chunks the reader keeps up with, and reads them all. */
async function pass(count) {
  for (let sent = 0; sent < count; sent += 1_000) {
    gateway.blast(1_000);
    for (let k = 0; k < 1_000; k += 1) {
      const { value } = await reader.next();
      if (value.drift) throw new Error(`drift: ${value.drift.issues[0]}`);
      read += 1;
    }
  }
}
const heap = () => {
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage().heapUsed;
};
await pass(10_000);
const small = heap();
await pass(90_000);
const large = heap();
dropped = read === 100_000 ? 0 : 100_000 - read;
await client.close().catch(() => undefined); // its LogOut goes to an HTTP port nobody serves here
await gateway.close();
process.stdout.write(JSON.stringify({ small, large, dropped }));
