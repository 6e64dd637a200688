import { type Socket, connect as tcpConnect } from 'node:net';
import { Worker } from 'node:worker_threads';

/**
 * A loopback port where connecting hangs: a listener on a worker thread whose event loop is blocked (it never
 * accepts), with its accept queue filled by `fillers` connections of our own. Linux then drops every further
 * SYN, so a new connection stays in `connecting` (the kernel retries the SYN for minutes) until the client gives
 * up. The worker blocks on `Atomics.wait` with a bound, and `close` wakes it at once.
 */
export interface HangingPort {
  readonly origin: string;
  close(): Promise<void>;
}

const LISTENER = `
const { parentPort, workerData } = require('node:worker_threads');
const net = require('node:net');
const server = net.createServer();
server.listen({ port: 0, host: '127.0.0.1', backlog: workerData.backlog }, () => {
  parentPort.postMessage(server.address().port);
  // Block this thread's event loop: nothing is ever accepted. Bounded; the test wakes it on close.
  Atomics.wait(new Int32Array(workerData.flag), 0, 0, 60000);
  server.close();
});
`;

export async function startHangingPort(backlog = 1): Promise<HangingPort> {
  const flag = new SharedArrayBuffer(4);
  const worker = new Worker(LISTENER, { eval: true, workerData: { flag, backlog } });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  // The kernel completes up to backlog + 1 handshakes for a listener that never accepts; fill them.
  const fillers: Socket[] = [];
  for (let i = 0; i <= backlog; i += 1) {
    const socket = tcpConnect(port, '127.0.0.1');
    socket.on('error', () => undefined);
    fillers.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
  }
  return {
    origin: `http://127.0.0.1:${port}`,
    close: async () => {
      for (const socket of fillers) socket.destroy();
      Atomics.store(new Int32Array(flag), 0, 1);
      Atomics.notify(new Int32Array(flag), 0);
      await worker.terminate();
    },
  };
}

/** An agent-side view of sockets: records each socket the library's requests create, to see them connecting. */
export function socketsOf(agent: { createConnection: (...args: never[]) => unknown }): Socket[] {
  const seen: Socket[] = [];
  const original = agent.createConnection.bind(agent) as (...args: unknown[]) => Socket;
  (agent as unknown as { createConnection: (...args: unknown[]) => Socket }).createConnection = (...args) => {
    const socket = original(...args);
    seen.push(socket);
    return socket;
  };
  return seen;
}
