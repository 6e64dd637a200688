import { describe, expect, it } from 'vitest';
import { startHttpServer } from '../../src/testing/index.js';

// The sandboxes' `onAnswer`: one call per request, with the status the client was sent (0 when dropped).
describe('startHttpServer onAnswer', () => {
  it('sees each answer, an injected failure and a dropped connection once each', async () => {
    const seen: [string, number][] = [];
    const server = await startHttpServer((request) => ({ status: request.path === '/missing' ? 404 : 200 }), {
      onAnswer: (request, status) => seen.push([request.path, status]),
    });
    try {
      await fetch(`${server.origin}/ok`);
      await fetch(`${server.origin}/missing`);
      server.failNext(1, { status: 503 });
      await fetch(`${server.origin}/failed`);
      server.dropNext();
      await fetch(`${server.origin}/dropped`).catch(() => undefined);
      expect(seen).toEqual([
        ['/ok', 200],
        ['/missing', 404],
        ['/failed', 503],
        ['/dropped', 0],
      ]);
    } finally {
      await server.close();
    }
  });
});
