import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { bitex, createClient, fieldsFirst } from '../../src/index.js';
import { startSandbox } from '../../src/testing/index.js';
import { TestClock } from '../support/clock.js';

/** A pino logger writing JSON lines into an array. */
function pinoInto(lines: Record<string, unknown>[]) {
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line.trim()) lines.push(JSON.parse(line));
      done();
    },
  });
  return pino({ level: 'debug' }, stream);
}

describe('loggers users already have', () => {
  it('a real pino logger gets structured fields as fields, the message as msg, secrets masked', async () => {
    const sandbox = await startSandbox();
    try {
      const lines: Record<string, unknown>[] = [];
      const client = createClient(
        bitex({ ...sandbox.bitex.credentials.user, baseURL: sandbox.bitex.baseURL }),
        {
          logger: pinoInto(lines),
          clock: new TestClock(),
          rateLimit: 1,
        },
      );
      await client.call('users.me');
      await client.call('users.me');
      const attempt = lines.find(
        (line) => String(line.msg).includes('GET /api/users/me') && 'attempt' in line,
      );
      expect(attempt).toMatchObject({ level: 20, attempt: 1 });
      const answered = lines.find((line) => String(line.msg).includes('answered 200'));
      expect(answered).toMatchObject({ outcome: 'ok' });
      const waited = lines.find((line) => String(line.msg).includes('rate limit'));
      expect(waited).toMatchObject({ waitMs: 1000 });
      expect(JSON.stringify(lines)).not.toContain(sandbox.bitex.credentials.user.apiKey);
    } finally {
      await sandbox.close();
    }
  });

  it('console-style loggers get the message first', async () => {
    const sandbox = await startSandbox();
    try {
      const calls: unknown[][] = [];
      const record = (...args: unknown[]) => {
        calls.push(args);
      };
      const client = createClient(
        bitex({ ...sandbox.bitex.credentials.user, baseURL: sandbox.bitex.baseURL }),
        {
          logger: { debug: record, info: record, warn: record, error: record },
          clock: new TestClock(),
        },
      );
      await client.call('users.me');
      expect(typeof calls[0]?.[0]).toBe('string');
      expect(calls[0]?.[1]).toMatchObject({ attempt: 1 });
    } finally {
      await sandbox.close();
    }
  });

  it('fieldsFirst adapts any fields-first logger in one line', () => {
    const seen: unknown[][] = [];
    const logger = fieldsFirst({
      debug: (...args) => seen.push(args),
      info: (...args) => seen.push(args),
      warn: (...args) => seen.push(args),
      error: (...args) => seen.push(args),
    });
    logger.warn('retry 1', { delayMs: 200 });
    expect(seen).toEqual([[{ delayMs: 200 }, 'retry 1']]);
  });
});
