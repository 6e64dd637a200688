// A 3-node Redis Cluster on loopback for the tests (no persistence, no replicas), as .ci/run starts one and the
// cluster tests start one of their own when REDIS_CLUSTER_NODES is not set.
//   node scripts/redis-cluster.mjs start <dir>   starts it, prints its nodes: 127.0.0.1:P1,127.0.0.1:P2,127.0.0.1:P3
//   node scripts/redis-cluster.mjs stop <dir>    stops the servers started in <dir> (by their pid files)
// Needs redis-server and redis-cli (Debian's redis-server package has both; scripts/ensure-redis.mjs installs it).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';

const NODES = 3;

/** A port free on loopback whose cluster bus port (port + 10000) is free too. */
async function freePort() {
  const listen = (port) =>
    new Promise((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(undefined));
      server.listen(port, '127.0.0.1', () => {
        const { port: bound } = server.address();
        server.close(() => resolve(bound));
      });
    });
  for (let tries = 0; tries < 50; tries += 1) {
    const port = await listen(0);
    if (port !== undefined && port <= 55_000 && (await listen(port + 10_000)) !== undefined) return port;
  }
  throw new Error('no free port pair for a Redis Cluster node');
}

/** True when `port` answers PING with PONG. */
function pong(port) {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    let text = '';
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      text += chunk;
      if (text.includes('\r\n')) done(text.startsWith('+PONG'));
    });
  });
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Retries `check` every 50 ms for up to `ms`; throws naming `what` if it never holds. */
async function until(check, what, ms = 15_000) {
  for (const started = Date.now(); Date.now() - started < ms; await pause(50)) {
    if (await check()) return;
  }
  throw new Error(`Redis Cluster: ${what} after ${ms} ms`);
}

function run(command, args) {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error)
    throw new Error(`${command} could not run (${result.error.message}): install redis-server`);
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr || result.stdout}`);
  return result.stdout;
}

/** Starts the cluster's servers in `dir` and joins them; resolves to their addresses. */
export async function startCluster(dir) {
  mkdirSync(dir, { recursive: true });
  const ports = [];
  for (let i = 0; i < NODES; i += 1) ports.push(await freePort());
  for (const port of ports) {
    run('redis-server', [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--cluster-enabled',
      'yes',
      '--cluster-config-file',
      `nodes-${port}.conf`,
      '--cluster-node-timeout',
      '5000',
      '--save',
      '',
      '--appendonly',
      'no',
      '--daemonize',
      'yes',
      '--dir',
      dir,
      '--pidfile',
      join(dir, `redis-${port}.pid`),
      '--logfile',
      join(dir, `redis-${port}.log`),
    ]);
  }
  try {
    for (const port of ports) await until(() => pong(port), `node ${port} did not answer PING`);
    const nodes = ports.map((port) => `127.0.0.1:${port}`);
    run('redis-cli', ['--cluster', 'create', ...nodes, '--cluster-replicas', '0', '--cluster-yes']);
    for (const port of ports) {
      await until(
        () => run('redis-cli', ['-p', String(port), 'cluster', 'info']).includes('cluster_state:ok'),
        `node ${port} did not report cluster_state:ok`,
      );
    }
    return nodes;
  } catch (error) {
    stopCluster(dir);
    throw error;
  }
}

/** Stops every server whose pid file is in `dir`. */
export function stopCluster(dir) {
  if (!existsSync(dir)) return;
  for (const file of readdirSync(dir).filter((name) => /^redis-\d+\.pid$/.test(name))) {
    const pid = Number(readFileSync(join(dir, file), 'utf8').trim());
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

const [command, dir] = process.argv.slice(2);
if (command === 'start' && dir) {
  process.stdout.write(`${(await startCluster(dir)).join(',')}\n`);
} else if (command === 'stop' && dir) {
  stopCluster(dir);
} else if (import.meta.url === `file://${process.argv[1]}`) {
  console.error('usage: node scripts/redis-cluster.mjs start|stop <dir>');
  process.exit(2);
}
