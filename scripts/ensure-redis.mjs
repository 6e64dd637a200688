// Before `npm test`: the Redis tests run against a real redis-server and never skip. When none is installed (and
// no REDIS_URL names one), install it from Debian's packages, as .ci/run does, so `npm install && npm test` works on
// a fresh machine.
import { spawnSync } from 'node:child_process';

const found = (command) => spawnSync(command, ['--version'], { stdio: 'ignore' }).status === 0;

// The Redis Cluster tests start their cluster with redis-cli (scripts/redis-cluster.mjs): the same package.
if (
  (process.env.REDIS_URL && process.env.REDIS_CLUSTER_NODES) ||
  (found('redis-server') && found('redis-cli'))
)
  process.exit(0);

const asRoot = process.getuid?.() === 0;
if (!found('apt-get') || (!asRoot && !found('sudo'))) {
  console.error(
    'The Redis tests need redis-server, which is not installed, and this machine has no apt-get (or no sudo) to ' +
      'install it: install redis-server 6.2 or later, or set REDIS_URL to a Redis the tests may write to.',
  );
  process.exit(1);
}
console.log(
  'redis-server is not installed: installing it from Debian (apt-get install redis-server) for the Redis tests',
);
const run = (args) => {
  const [command, ...rest] = asRoot ? args : ['sudo', '-n', ...args];
  const result = spawnSync(command, rest, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return result.status === 0;
};
if (
  !run(['apt-get', 'update', '-qq']) ||
  !run(['apt-get', 'install', '-y', '-qq', 'redis-server']) ||
  !found('redis-server') ||
  !found('redis-cli')
) {
  console.error('Installing redis-server failed (see above); install it yourself, or set REDIS_URL.');
  process.exit(1);
}
