/** A user name or password is never printed: `redis://user:pass@host:6379` becomes `redis://host:6379`. */
export function withoutUserInfo(address: string): string {
  return address.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/]*@/i, '$1');
}

/** `host:port` of a `redis://` or `rediss://` URL (without user info), or `undefined`. */
function addressOfUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    if (!/^rediss?:$/.test(parsed.protocol) || parsed.hostname === '') return undefined;
    return `${parsed.hostname}:${parsed.port === '' ? 6379 : parsed.port}`;
  } catch {
    return undefined;
  }
}

/**
 * The server's address read from a client's options: an ioredis client's (host and port, or socket path), or a
 * node-redis client's (`url`, or `socket` with host and port or a path).
 */
export function addressOf(redis: unknown): string | undefined {
  const options = (redis as { options?: unknown }).options;
  if (typeof options !== 'object' || options === null) return undefined;
  const { host, port, path, url, socket } = options as {
    host?: unknown;
    port?: unknown;
    path?: unknown;
    url?: unknown;
    socket?: unknown;
  };
  if (typeof path === 'string' && path !== '') return `unix:${path}`;
  if (typeof host === 'string' || typeof port === 'number') {
    const name = typeof host === 'string' ? host : 'localhost';
    return `${name.includes(':') ? `[${name}]` : name}:${typeof port === 'number' ? port : 6379}`;
  }
  if (typeof socket === 'object' && socket !== null) {
    const fromSocket = addressOf({ options: socket });
    if (fromSocket) return fromSocket;
  }
  if (typeof url === 'string') return addressOfUrl(url);
  return undefined;
}

/** The first node of an ioredis `Cluster` (its `startupNodes`), as `host:port`. */
export function clusterAddressOf(redis: unknown): string | undefined {
  const nodes = (redis as { startupNodes?: unknown }).startupNodes;
  if (!Array.isArray(nodes) || nodes.length === 0) return undefined;
  const first: unknown = nodes[0];
  if (typeof first === 'string') return first;
  if (typeof first === 'number') return `localhost:${first}`;
  return addressOf({ options: first });
}
