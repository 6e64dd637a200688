import { createServer } from 'node:http';

import { answerFor } from './answers.mjs';

/**
 * A keep-alive loopback server that answers every request at once with the exchange's documented answer
 * (bench/answers.mjs): the cheapest possible exchange, so what is measured is the client. It counts logins and
 * notes when each request arrived.
 */
export async function startLoopback() {
  const arrivals = [];
  let logins = 0;
  const server = createServer((request, response) => {
    arrivals.push(performance.timeOrigin + performance.now());
    request.resume();
    request.on('end', () => {
      const login = /AuthenticateUser$/.test(request.url ?? '');
      if (login) logins += 1;
      const body = answerFor(request.url);
      response.writeHead(200, {
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(body),
      });
      response.end(body);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    logins: () => logins,
    requests: () => arrivals.length,
    arrivals: () => arrivals,
    close: () =>
      new Promise((resolve) => {
        server.close(resolve);
        server.closeAllConnections();
      }),
  };
}

/** Requests per second of `send` at `concurrency` workers, over `total` requests. */
export async function throughput(send, { total, concurrency }) {
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < total) {
      next += 1;
      await send();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return total / ((performance.now() - started) / 1000);
}
