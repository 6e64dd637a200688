import { afterEach, describe, expect, it } from 'vitest';
import {
  bitex,
  type ClientEvent,
  ConfigurationError,
  createClient,
  kiiex,
  type Logger,
} from '../../src/index.js';
import { type AlphaPointSandbox, startAlphaPointSandbox } from '../../src/testing/index.js';
import { TestClock } from '../support/clock.js';

// A client given a credentials source: the AlphaPoint sandbox says whose key signed each call (GetUserInfo answers
// the session's user) and counts logins and logouts itself; the client's clock is the test's.
const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  // Clients first (a client logs out), then the sandboxes.
  for (const item of open.splice(0).reverse()) await item.close();
});

type Credentials = AlphaPointSandbox['credentials']['trader'];

async function setup(options: { refreshEveryMs?: number; loadTimeoutMs?: number } = {}) {
  const sandbox = await startAlphaPointSandbox();
  open.push(sandbox);
  const clock = new TestClock();
  const events: ClientEvent[] = [];
  const lines: string[] = [];
  const record = (message: string, fields?: object) => {
    lines.push(`${message} ${JSON.stringify(fields ?? {})}`);
  };
  const logger: Logger = { debug: record, info: record, warn: record, error: record };
  const first = sandbox.credentials.trader;
  // What the secrets manager holds now: the test changes it, or makes it fail or hang.
  let current: Credentials | (() => Promise<Credentials>) = first;
  const provider = (credentials: Credentials) => kiiex({ ...credentials, baseURL: sandbox.baseURL });
  const client = createClient(provider(first), {
    clock,
    logger,
    rateLimit: false,
    onEvent: (event) => {
      events.push(event);
    },
    credentials: {
      load: async () => provider(typeof current === 'function' ? await current() : current),
      ...options,
    },
  });
  open.push(client);
  const { OMSId } = sandbox.accountIds(first.apiKey);
  const whoAnswers = async () =>
    String(
      (await client.request<{ UserId: number }>({ method: 'POST', path: '/GetUserInfo', body: { OMSId } }))
        .data.UserId,
    );
  const set = (next: typeof current) => {
    current = next;
  };
  return { sandbox, clock, events, lines, client, first, whoAnswers, set };
}

const next = (events: ClientEvent[], type: ClientEvent['type']) =>
  new Promise<ClientEvent>((resolve) => {
    const seen = events.length;
    const look = () => {
      const found = events.slice(seen).find((event) => event.type === type);
      if (found) resolve(found);
      else setImmediate(look);
    };
    look();
  });

describe('credentials: { load }', () => {
  it('the same key from the source changes nothing; a new one is rotated to, the old session logged out once', async () => {
    const { sandbox, client, first, whoAnswers, set } = await setup();
    expect(await whoAnswers()).toBe(first.userId);
    expect(await client.reloadCredentials()).toBe('unchanged');
    expect(sandbox.stats()).toMatchObject({ logins: 1, logouts: 0 });

    const second = sandbox.addAccount({});
    set(second);
    const during = whoAnswers();
    expect(await client.reloadCredentials()).toBe('rotated');
    expect(await during).toBe(first.userId);
    expect(await whoAnswers()).toBe(second.userId);
    expect(sandbox.stats()).toMatchObject({ logins: 2, logouts: 1 });
    expect(await client.reloadCredentials()).toBe('unchanged');
    expect(sandbox.stats()).toMatchObject({ logins: 2, logouts: 1 });
  });

  it('refreshEveryMs: the source is read on the client clock, and a new key taken without a call', async () => {
    const { sandbox, clock, events, first, whoAnswers, set } = await setup({ refreshEveryMs: 60_000 });
    expect(await whoAnswers()).toBe(first.userId);
    const second = sandbox.addAccount({});
    set(second);
    await clock.advance(59_999);
    expect(await whoAnswers()).toBe(first.userId);
    const rotated = next(events, 'credentials-rotated');
    await clock.advance(1);
    await rotated;
    expect(await whoAnswers()).toBe(second.userId);
    expect(sandbox.stats()).toMatchObject({ logins: 2, logouts: 1 });
  });

  it('a failing source is reported without its message, and requests go on with the current key', async () => {
    const { sandbox, events, lines, client, first, whoAnswers, set } = await setup();
    expect(await whoAnswers()).toBe(first.userId);
    const leaked = 'sk-live-THE-NEW-SECRET-0123456789';
    set(async () => {
      throw new Error(`vault said no for ${leaked}`);
    });
    await expect(client.reloadCredentials()).rejects.toThrow('vault said no');
    expect(events.find((event) => event.type === 'credentials-failed')).toEqual({
      type: 'credentials-failed',
      provider: 'kiiex',
      reason: 'load-failed',
      errorCode: undefined,
    });
    expect(lines.some((line) => line.includes('keeps its current key'))).toBe(true);
    expect(lines.join('\n')).not.toContain(leaked);
    expect(JSON.stringify(events)).not.toContain(leaked);
    expect(await whoAnswers()).toBe(first.userId);
    expect(sandbox.stats()).toMatchObject({ logins: 1, logouts: 0 });
  });

  it('a source that never answers is given up after loadTimeoutMs; requests meanwhile use the current key', async () => {
    const { sandbox, clock, events, client, first, whoAnswers, set } = await setup({ loadTimeoutMs: 5_000 });
    set(() => new Promise<Credentials>(() => undefined));
    const reload = client.reloadCredentials();
    const outcome = reload.then(
      () => undefined,
      (error: unknown) => error,
    );
    // A second read joins the one under way rather than piling up.
    const joined = client.reloadCredentials().catch(() => undefined);
    expect(await whoAnswers()).toBe(first.userId);
    await clock.advance(5_000);
    const error = await outcome;
    await joined;
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error).toMatchObject({ field: 'credentials.load' });
    expect(events.filter((event) => event.type === 'credentials-failed')).toEqual([
      { type: 'credentials-failed', provider: 'kiiex', reason: 'load-timeout', errorCode: undefined },
    ]);
    expect(await whoAnswers()).toBe(first.userId);
    expect(sandbox.stats()).toMatchObject({ logins: 1, logouts: 0 });
  });

  it('a key rotate refuses (another exchange, another access type) is reported and the client keeps its key', async () => {
    const { sandbox, events, client, first, whoAnswers } = await setup();
    const elsewhere = createClient(kiiex({ ...first, baseURL: sandbox.baseURL }), {
      credentials: { load: () => kiiex({ ...sandbox.addAccount({}), baseURL: 'http://127.0.0.1:1' }) },
    });
    open.push(elsewhere);
    await expect(elsewhere.reloadCredentials()).rejects.toMatchObject({ field: 'baseURL' });
    const other = createClient(kiiex({ ...first, baseURL: sandbox.baseURL }), {
      credentials: { load: () => ({ ...kiiex({ ...first, baseURL: sandbox.baseURL }), name: 'ndax' }) },
    });
    open.push(other);
    await expect(other.reloadCredentials()).rejects.toMatchObject({ field: 'provider' });
    const viewer = createClient(kiiex({ ...first, baseURL: sandbox.baseURL, permissions: [] }), {
      credentials: { load: () => kiiex({ ...sandbox.addAccount({}), baseURL: sandbox.baseURL }) },
    });
    open.push(viewer);
    await expect(viewer.reloadCredentials()).rejects.toMatchObject({ field: 'permissions' });
    expect(await whoAnswers()).toBe(first.userId);
    expect(await client.reloadCredentials()).toBe('unchanged');
    expect(events.some((event) => event.type === 'credentials-failed')).toBe(false);
  });

  it('checks the option, naming the field; a client without a source refuses reloadCredentials', async () => {
    const provider = kiiex({
      apiKey: 'an-api-key-0123',
      apiSecret: 'an-api-secret-0123456789',
      userId: '1',
      environment: 'production',
    });
    expect(() => createClient(provider, { credentials: { load: 1 } as never })).toThrow(
      expect.objectContaining({ field: 'credentials.load' }),
    );
    expect(() =>
      createClient(provider, { credentials: { load: () => provider, refreshEveryMs: 5 } }),
    ).toThrow(expect.objectContaining({ field: 'credentials.refreshEveryMs' }));
    expect(() =>
      createClient(provider, { credentials: { load: () => provider, refreshEvery: 5 } as never }),
    ).toThrow(expect.objectContaining({ field: 'credentials.refreshEvery' }));
    await expect(createClient(provider).reloadCredentials()).rejects.toMatchObject({ field: 'credentials' });
    // A client derived from one with a source (a Bitex master acting for a user) reloads through its parent.
    const master = bitex({ apiKey: 'a-master-key-0123456789', role: 'master', environment: 'sandbox' });
    const parent = createClient(master, { credentials: { load: () => master } });
    await expect(parent.onBehalfOf(7).reloadCredentials()).rejects.toThrow(/derived from/);
    expect(await parent.reloadCredentials()).toBe('unchanged');
    await parent.close();
  });
});
