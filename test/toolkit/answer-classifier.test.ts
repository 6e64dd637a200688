import { describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  answerClassifier,
  type ClassifyContext,
  ConfigurationError,
  ExchangeError,
  errorMessageOf,
  PermissionDeniedError,
  RateLimitError,
  type RawResponse,
  ResponseValidationError,
} from '../../src/index.js';
import { TestClock } from '../support/clock.js';

const NOW = 1_700_000_000_000;
const ctx: ClassifyContext = {
  provider: 'five',
  method: 'POST',
  path: '/v1/orders',
  required: 'trade',
  granted: ['read', 'trade'],
  redact: (text) => text.replaceAll('s3cret_value', '[redacted]'),
  clock: new TestClock({ start: NOW }),
};

const answer = (status: number, body?: unknown, headers: Record<string, string> = {}): RawResponse => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  text: body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body),
});

const errorOf = (classification: ReturnType<ReturnType<typeof answerClassifier>>) => {
  if (classification.kind !== 'error') throw new Error(`expected an error, got ${classification.kind}`);
  return classification.error;
};

describe('answerClassifier: the default reading by status', () => {
  const classify = answerClassifier();

  it('2xx: ok with the JSON, no data for an empty body, an HTML page is described, not passed on', () => {
    expect(classify(answer(200, { id: 7 }), ctx)).toEqual({ kind: 'ok', data: { id: 7 } });
    expect(classify(answer(204), ctx)).toEqual({ kind: 'ok', data: undefined });
    const html = errorOf(
      classify(answer(200, '<html>challenge</html>', { 'content-type': 'text/html' }), ctx),
    );
    expect(html).toBeInstanceOf(ResponseValidationError);
    expect(html.message).toMatch(/HTML page/);
  });

  it('401: AuthenticationError quoting the exchange, secrets masked', () => {
    const error = errorOf(classify(answer(401, { message: 'bad signature for s3cret_value' }), ctx));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, exchangeCode: 'bad signature for [redacted]' });
    expect(error.message).toBe(
      'five: the exchange refused the credentials for POST /v1/orders (401 "bad signature for [redacted]")',
    );
  });

  it('403: PermissionDeniedError from the exchange, with what was required and granted', () => {
    const error = errorOf(classify(answer(403, { error: 'forbidden' }), ctx));
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(error).toMatchObject({
      status: 403,
      source: 'exchange',
      required: 'trade',
      granted: ['read', 'trade'],
    });
  });

  it('429: RateLimitError with Retry-After in seconds or as a date', () => {
    const seconds = errorOf(classify(answer(429, {}, { 'retry-after': '2' }), ctx));
    expect(seconds).toBeInstanceOf(RateLimitError);
    expect((seconds as RateLimitError).retryAfterMs).toBe(2_000);
    const date = new Date(NOW + 5_000).toUTCString();
    const dated = errorOf(classify(answer(429, {}, { 'retry-after': date }), ctx));
    expect((dated as RateLimitError).retryAfterMs).toBe(5_000);
  });

  it('5xx: ExchangeError with the status (what the pipeline retries where safe), the body as details', () => {
    const error = errorOf(classify(answer(503, { message: 'maintenance', eta: 60 }), ctx));
    expect(error).toBeInstanceOf(ExchangeError);
    expect(error).toMatchObject({
      status: 503,
      exchangeCode: 'maintenance',
      details: { message: 'maintenance', eta: 60 },
    });
    expect(error.message).toBe('five: the exchange failed POST /v1/orders (503 "maintenance")');
  });

  it('other 4xx: an ExchangeError refusal; a body that is not JSON is described', () => {
    expect(errorOf(classify(answer(400, { errors: [{ detail: 'amount too small' }] }), ctx)).message).toBe(
      'five: the exchange refused POST /v1/orders (400 "amount too small")',
    );
    expect(errorOf(classify(answer(404, 'not here', { 'content-type': 'text/plain' }), ctx)).message).toMatch(
      /found nothing at POST \/v1\/orders \(404 with a non-JSON body/,
    );
    expect(errorOf(classify(answer(409, {}), ctx))).toBeInstanceOf(ExchangeError);
  });

  it('3xx: says where the redirect led, and that it is not followed', () => {
    const error = errorOf(classify(answer(302, undefined, { location: 'https://elsewhere.test/v1' }), ctx));
    expect(error).toBeInstanceOf(ExchangeError);
    expect(error.message).toMatch(
      /redirected POST \/v1\/orders \(302\) to "https:\/\/elsewhere.test\/v1"; redirects/,
    );
  });

  it('never says auth-expired on its own: only a documented refusal may resend', () => {
    for (const status of [400, 401, 403, 408, 419, 440, 498]) {
      expect(classify(answer(status, { message: 'token expired' }), ctx).kind).toBe('error');
    }
  });
});

describe('answerClassifier: what a provider adds', () => {
  it("advice is appended to the message of each kind; the exchange's message is found by `message`", () => {
    const classify = answerClassifier({
      message: (value) => (value as { msg?: string }).msg,
      advice: { authentication: 'check the key', permission: 'enable trading', rateLimit: '10 per second' },
    });
    expect(errorOf(classify(answer(401, { msg: 'no' }), ctx)).message).toMatch(
      /\(401 "no"\); check the key$/,
    );
    expect(errorOf(classify(answer(403, {}), ctx)).message).toMatch(/\(403\); enable trading$/);
    expect(errorOf(classify(answer(429, {}), ctx)).message).toMatch(/\(429\); 10 per second$/);
  });

  it('documented refusals are read first: a kind, or a classification of its own', () => {
    const classify = answerClassifier({
      refusals: ({ status, said }) => {
        if (status === 400 && said === 'timestamp expired') return 'auth-expired';
        if (status === 400 && said === 'too many orders') return 'rate-limit';
        if (status === 403) return 'exchange';
        if (status === 418) return { kind: 'ok', data: 'teapot' };
        return undefined;
      },
      details: () => 'kept out',
    });
    expect(classify(answer(400, { message: 'timestamp expired' }), ctx)).toEqual({ kind: 'auth-expired' });
    expect(errorOf(classify(answer(400, { message: 'too many orders' }), ctx))).toBeInstanceOf(
      RateLimitError,
    );
    const forbidden = errorOf(classify(answer(403, {}), ctx));
    expect(forbidden).toBeInstanceOf(ExchangeError);
    expect(forbidden).not.toBeInstanceOf(PermissionDeniedError);
    expect((forbidden as ExchangeError).details).toBe('kept out');
    expect(classify(answer(418, {}), ctx)).toEqual({ kind: 'ok', data: 'teapot' });
    // Anything else keeps the default reading.
    expect(errorOf(classify(answer(401, {}), ctx))).toBeInstanceOf(AuthenticationError);
  });

  it('the refusals hook sees the status, headers, body and the message', () => {
    const seen: unknown[] = [];
    const classify = answerClassifier({
      refusals: (refused) => {
        seen.push(refused);
        return undefined;
      },
    });
    classify(answer(400, { message: 'nope', code: 7 }, { 'x-code': '7' }), ctx);
    expect(seen).toEqual([
      {
        status: 400,
        headers: { 'content-type': 'application/json', 'x-code': '7' },
        value: { message: 'nope', code: 7 },
        said: 'nope',
        saying: ' "nope"',
        where: 'POST /v1/orders',
      },
    ]);
  });

  it('bad options are refused when it is made', () => {
    for (const [options, field] of [
      [{ message: 'msg' }, 'message'],
      [{ refusals: [400] }, 'refusals'],
      [{ advice: { auth: 'x' } }, 'advice'],
      [{ advice: 'be careful' }, 'advice'],
    ] as const) {
      let error: unknown;
      try {
        answerClassifier(options as never);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as ConfigurationError).field).toBe(field);
    }
  });
});

describe('errorMessageOf', () => {
  it('message, error or detail, else the first of errors', () => {
    expect(errorMessageOf({ message: 'a', error: 'b' })).toBe('a');
    expect(errorMessageOf({ message: '', error: 'b' })).toBe('b');
    expect(errorMessageOf({ Detail: 42 })).toBe('42');
    expect(errorMessageOf({ errors: ['first', 'second'] })).toBe('first');
    expect(errorMessageOf({ errors: [{ detail: 'deep' }] })).toBe('deep');
    expect(errorMessageOf([1])).toBeUndefined();
    expect(errorMessageOf(undefined)).toBeUndefined();
  });
});
