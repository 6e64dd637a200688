import { describe, expect, it } from 'vitest';
import { createSafeLogger, type FieldsFirstLogger, type Logger } from '../../src/core/log.js';

// The masking of src/core/log.ts itself, with no client, server or clock around it: every message and field
// handed to the user's logger has the current secrets masked, at any depth and in object keys too.

const KEY = 'AKIA-7f3c9e21b4d84a06';
const SECRET = 'sk_live_5d0e8a1f9c2b47e3a6';
const TOKEN = 'tok-3b9f1c7d2e8a4605';

type Line = { level: string; message: unknown; fields: unknown };

/** A console-style logger (message first) that keeps what it is given. */
function messageFirst(lines: Line[]): Logger {
  const keep = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    lines.push({ level, message, fields });
  };
  return { debug: keep('debug'), info: keep('info'), warn: keep('warn'), error: keep('error') };
}

/** A pino-shaped logger (fields first; `bindings()` and `levels` make it recognised as one). */
function pinoShaped(lines: Line[]): FieldsFirstLogger & { bindings(): object; levels: object } {
  const keep = (level: string) => (fields: Record<string, unknown>, message: string) => {
    lines.push({ level, message, fields });
  };
  return {
    bindings: () => ({}),
    levels: { values: {} },
    debug: keep('debug'),
    info: keep('info'),
    warn: keep('warn'),
    error: keep('error'),
  };
}

const fields = () => ({
  attempt: 2,
  ok: false,
  path: '/api/orders',
  echoed: `the exchange said: bad key ${KEY}`,
  nested: { deeper: [{ note: `secret=${SECRET};token=${TOKEN}` }, 7] },
  [KEY]: 'a secret as an object key',
});

describe('createSafeLogger masks what it forwards', () => {
  it('the message and every field, at any depth and in keys; other values as they were', () => {
    const lines: Line[] = [];
    const logger = createSafeLogger(messageFirst(lines), () => [KEY, SECRET, TOKEN]);
    const given = fields();
    logger.warn(`retry 1 for ${KEY} after ${TOKEN}`, given);
    expect(lines).toEqual([
      {
        level: 'warn',
        message: 'retry 1 for [redacted] after [redacted]',
        fields: {
          attempt: 2,
          ok: false,
          path: '/api/orders',
          echoed: 'the exchange said: bad key [redacted]',
          nested: { deeper: [{ note: 'secret=[redacted];token=[redacted]' }, 7] },
          '[redacted]': 'a secret as an object key',
        },
      },
    ]);
    expect(given).toEqual(fields());
  });

  it('every level, with and without fields', () => {
    const lines: Line[] = [];
    const logger = createSafeLogger(messageFirst(lines), () => [SECRET]);
    logger.debug(`d ${SECRET}`);
    logger.info(`i ${SECRET}`, { s: SECRET });
    logger.error(`e ${SECRET}`);
    expect(lines).toEqual([
      { level: 'debug', message: 'd [redacted]', fields: undefined },
      { level: 'info', message: 'i [redacted]', fields: { s: '[redacted]' } },
      { level: 'error', message: 'e [redacted]', fields: undefined },
    ]);
  });

  it('a fields-first logger gets the same masking', () => {
    const lines: Line[] = [];
    const logger = createSafeLogger(pinoShaped(lines), () => [KEY, SECRET, TOKEN]);
    logger.info(`login as ${KEY}`, fields());
    expect(lines).toHaveLength(1);
    expect(lines[0]?.message).toBe('login as [redacted]');
    expect(lines[0]?.fields).toMatchObject({
      echoed: 'the exchange said: bad key [redacted]',
      nested: { deeper: [{ note: 'secret=[redacted];token=[redacted]' }, 7] },
    });
    expect(JSON.stringify(lines)).not.toMatch(/AKIA-|sk_live_|tok-/);
  });

  it('reads the secrets at each line: a token issued later is masked too', () => {
    const lines: Line[] = [];
    const secrets = [KEY];
    const logger = createSafeLogger(messageFirst(lines), () => secrets);
    logger.info(`before ${TOKEN}`);
    secrets.push(TOKEN);
    logger.info(`after ${TOKEN}`, { token: TOKEN });
    expect(lines.map((line) => line.message)).toEqual([`before ${TOKEN}`, 'after [redacted]']);
    expect(lines[1]?.fields).toEqual({ token: '[redacted]' });
  });

  it('with no logger, nothing is forwarded and nothing throws', () => {
    const logger = createSafeLogger(undefined, () => [KEY]);
    expect(logger.enabled).toBe(false);
    expect(() => logger.error(`x ${KEY}`, { k: KEY })).not.toThrow();
  });
});
