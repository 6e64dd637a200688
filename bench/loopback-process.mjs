// A loopback exchange in a child process, so that the server's work is not counted against the client measured.
import { fork } from 'node:child_process';

if (process.send && process.argv[2] === 'serve') {
  const { startLoopback } = await import('./loopback.mjs');
  const server = await startLoopback();
  process.send({ origin: server.origin });
  process.on('message', (message) => {
    if (message === 'logins') process.send({ logins: server.logins() });
  });
  process.on('disconnect', () => process.exit(0));
}

/** Starts the loopback server in a child process; `close()` ends it. */
export async function startLoopbackProcess() {
  const child = fork(new URL(import.meta.url).pathname, ['serve'], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const origin = await new Promise((resolve, reject) => {
    child.once('message', (message) => resolve(message.origin));
    child.once('exit', (code) => reject(new Error(`loopback server exited with ${code}`)));
  });
  return {
    origin,
    close: () =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.disconnect();
      }),
  };
}
