import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Cluster, type ClusterOptions } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';

// The Redis Cluster tests run against a real 3-node cluster and are never skipped: CI (.ci/run) starts one with
// scripts/redis-cluster.mjs and exports REDIS_CLUSTER_NODES (host:port,...); without it, the test file starts its
// own with the same script and stops it afterwards.

const SCRIPT = new URL('../../scripts/redis-cluster.mjs', import.meta.url).pathname;

/** Runs scripts/redis-cluster.mjs; resolves to what it prints once it has exited. */
function cluster(command: 'start' | 'stop', dir: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [SCRIPT, command, dir], { timeout: 60_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`scripts/redis-cluster.mjs ${command} failed: ${stderr || error.message}`));
      else resolve(stdout.trim());
    });
  });
}

export interface ClusterFixture {
  /** The cluster's nodes. */
  nodes(): { host: string; port: number }[];
  /** A new ioredis Cluster client (closed after the file). */
  connect(options?: ClusterOptions): Cluster;
}

/** The Redis Cluster of this test file: REDIS_CLUSTER_NODES, or a 3-node cluster started for it. */
export function useRedisCluster(): ClusterFixture {
  let nodes: { host: string; port: number }[] = [];
  let dir: string | undefined;
  const opened: Cluster[] = [];
  beforeAll(async () => {
    let list = process.env.REDIS_CLUSTER_NODES;
    if (!list) {
      if (spawnSync('redis-server', ['--version']).error) {
        throw new Error(
          'redis-server is not installed, and the Redis Cluster tests never skip: install it (apt-get install -y redis-server) or set REDIS_CLUSTER_NODES',
        );
      }
      dir = mkdtempSync(join(tmpdir(), 'exchange-auth-cluster-'));
      list = await cluster('start', dir);
    }
    nodes = list.split(',').map((node) => {
      const [host = '127.0.0.1', port = ''] = node.trim().split(':');
      return { host, port: Number(port) };
    });
  }, 90_000);
  afterAll(async () => {
    for (const client of opened) client.disconnect();
    if (dir) {
      await cluster('stop', dir);
      rmSync(dir, { recursive: true, force: true });
    }
  });
  return {
    nodes: () => nodes,
    connect(options = {}) {
      const client = new Cluster(nodes, { redisOptions: { maxRetriesPerRequest: 2 }, ...options });
      client.on('error', () => undefined);
      opened.push(client);
      return client;
    },
  };
}
