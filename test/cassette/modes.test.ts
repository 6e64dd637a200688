import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bitexbit, createClient } from '../../src/index.js';
import { startBitexbitSandbox, startCassette, startHttpServer } from '../../src/testing/index.js';
import { TestClock } from '../support/clock.js';
import { cassetteFolder, leakedInto } from './support.js';

/** A bitexbit sandbox and a key, closed when the test ends; `reads` balance reads through `baseURL`. */
async function bench() {
  const clock = new TestClock();
  const sandbox = await startBitexbitSandbox({ clock });
  const key = sandbox.credentials.read;
  const reads = async (baseURL: string, count: number, query: Record<string, string> = {}) => {
    const client = createClient(bitexbit({ ...key, baseURL }), { clock, retry: false });
    try {
      for (let i = 0; i < count; i += 1) await client.call('orders.list', { query });
    } finally {
      await client.close();
    }
  };
  return { sandbox, key, reads, folder: await cassetteFolder() };
}

const entries = async (path: string) =>
  JSON.parse(await readFile(path, 'utf8')).interactions.length as number;

describe('cassette modes', () => {
  it("'once' records when the file is missing, then replays only, reaching the exchange no more", async () => {
    const { sandbox, key, reads, folder } = await bench();
    const path = join(folder, 'once.json');
    const options = { path, exchange: 'bitexbit', upstream: sandbox.baseURL, keys: [key] } as const;
    const first = await startCassette(options);
    await reads(first.baseURL, 2);
    await first.close();
    expect(await entries(path)).toBe(2);
    const second = await startCassette(options);
    expect(second.recording).toBe(false);
    await reads(second.baseURL, 2);
    await second.close();
    expect(sandbox.log).toHaveLength(2);
    expect(second.played()).toBe(2);
    await sandbox.close();
  });

  it("'new_episodes' replays what it holds and records the rest; 'all' records everything again", async () => {
    const { sandbox, key, reads, folder } = await bench();
    const path = join(folder, 'episodes.json');
    const base = { path, exchange: 'bitexbit', upstream: sandbox.baseURL, keys: [key] } as const;
    const first = await startCassette({ ...base, mode: 'all' });
    await reads(first.baseURL, 1);
    await first.close();
    const more = await startCassette({ ...base, mode: 'new_episodes' });
    await reads(more.baseURL, 1);
    await reads(more.baseURL, 1, { symbol: 'BTC_USD' });
    await more.close();
    expect([more.played(), more.recorded(), await entries(path), sandbox.log.length]).toEqual([1, 1, 2, 2]);
    const again = await startCassette({ ...base, mode: 'all' });
    await reads(again.baseURL, 1);
    await again.close();
    expect([again.played(), await entries(path), sandbox.log.length]).toEqual([0, 1, 3]);
    await sandbox.close();
  });

  it("'none' refuses to start without a cassette, and a recorder without an upstream", async () => {
    const folder = await cassetteFolder();
    const path = join(folder, 'absent.json');
    await expect(startCassette({ path, exchange: 'bitex', mode: 'none' })).rejects.toThrow(/does not exist/);
    await expect(startCassette({ path, exchange: 'bitex' })).rejects.toThrow(/"upstream" is needed/);
    await expect(startCassette({ path, exchange: 'kraken' as 'bitex' })).rejects.toThrow(/exchange/);
  });

  it('writes readable, versioned JSON with sorted keys, the same bytes for the same traffic', async () => {
    const { sandbox, key, reads, folder } = await bench();
    const path = join(folder, 'stable.json');
    const recorder = await startCassette({
      path,
      exchange: 'bitexbit',
      upstream: sandbox.baseURL,
      keys: [key],
    });
    await reads(recorder.baseURL, 1);
    await recorder.close();
    const text = await readFile(path, 'utf8');
    const parsed = JSON.parse(text);
    expect(parsed.version).toBe(1);
    expect(Object.keys(parsed)).toEqual(['basePath', 'exchange', 'interactions', 'version']);
    expect(text).toBe(`${JSON.stringify(parsed, null, 2)}\n`);
    expect(parsed.interactions[0].request.headers['x-signature']).toBe('<<signature>>');
    await sandbox.close();
  });

  it('replaces cookies, and the headers, fields and values a test adds, in requests and answers', async () => {
    const folder = await cassetteFolder();
    const upstream = await startHttpServer(() => ({
      status: 200,
      headers: { 'Set-Cookie': '_bitex_la_session=c00k1e-session-value; path=/', 'X-Trace': 'trace-123456' },
      body: { account: 'ACCT-98765', token: 'issued-api-key-0123456789', note: 'for ACCT-98765' },
    }));
    const path = join(folder, 'added.json');
    const recorder = await startCassette({
      path,
      exchange: 'bitex',
      upstream: `${upstream.origin}/api`,
      redact: { headers: ['X-Trace'], fields: ['account'], values: ['wallet-label-secret'] },
    });
    await fetch(`${recorder.baseURL}/thing?label=wallet-label-secret`, {
      headers: {
        Cookie: '_bitex_la_session=c00k1e-session-value',
        Authorization: 'request-key-abcdef; user=602',
      },
    });
    await recorder.close();
    await upstream.close();
    const forms = [
      'c00k1e-session-value',
      'trace-123456',
      'ACCT-98765',
      'issued-api-key-0123456789',
      'request-key-abcdef',
      'wallet-label-secret',
    ];
    expect(await leakedInto(folder, forms)).toEqual([]);
    const [interaction] = JSON.parse(await readFile(path, 'utf8')).interactions;
    expect(interaction.request.headers.authorization).toBe('<<api-key>>; user=602');
    expect(interaction.response.body).toEqual({
      account: '<<custom>>',
      note: 'for <<custom>>',
      token: '<<api-key>>',
    });
  });
});
