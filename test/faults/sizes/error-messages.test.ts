import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExchangeError } from '../../../src/index.js';
import { TestClock } from '../../support/clock.js';
import { clientFor, settings } from '../support/clients.js';
import { closeServers, json, startHttp } from '../support/servers.js';

afterAll(closeServers);

/** 5 MB of text an exchange might put in an error message: numbered 15-character tokens, so the printed part can be measured. */
const TOKENS = Math.ceil(5_000_000 / 15);
const hugeMessage = () =>
  Array.from({ length: TOKENS }, (_, i) => `err ${String(i).padStart(11, '0')}`).join('');

/** How many characters into the huge message `text` reaches (the end of the furthest token it shows). */
function reach(text: string): number {
  let furthest = -1;
  for (const match of text.matchAll(/err ([0-9]{11})/g)) furthest = Math.max(furthest, Number(match[1]));
  return (furthest + 1) * 15;
}

/** The two exchanges' error answers carrying the 5 MiB message, and a call each that gets one. */
async function refusals() {
  const said = hugeMessage();
  const bitexAnswer = JSON.stringify({ errors: [{ title: said }] });
  const bitexbitAnswer = JSON.stringify({ message: said });
  const server = await startHttp((arrival, res) => {
    if (arrival.path.startsWith('/api/v2/')) json(res, 400, bitexbitAnswer);
    else json(res, 422, bitexAnswer);
  });
  const options = () => settings({ clock: new TestClock() });
  const bitexClient = clientFor('bitex', server.origin, options()).client;
  const bitexbitCall = clientFor('bitexbit', server.origin, options()).call;
  const bid = { data: { type: 'bids', attributes: { orderbook_code: 'btc_usd', amount: 1, price: 1 } } };
  const caught = async (call: () => Promise<unknown>) =>
    call().then(
      () => undefined,
      (error: unknown) => error,
    );
  return [
    {
      name: 'bitex 422',
      answer: bitexAnswer,
      error: await caught(() => bitexClient.request({ method: 'POST', path: '/bids', body: bid })),
    },
    { name: 'bitexbit 400', answer: bitexbitAnswer, error: await caught(() => bitexbitCall()) },
  ];
}

describe('an exchange error message of 5 MB', () => {
  let results: Awaited<ReturnType<typeof refusals>>;
  beforeAll(async () => {
    results = await refusals();
  });

  it('2 of 2 give an ExchangeError whose message is at most 600 characters and whose responseBody is the whole answer', () => {
    expect(results.filter(({ error }) => !(error instanceof ExchangeError)).map(({ name }) => name)).toEqual(
      [],
    );
    const longMessages = results
      .map(({ name, error }) => ({ name, length: (error as ExchangeError).message.length }))
      .filter(({ length }) => length > 600);
    expect(longMessages).toEqual([]);
    // The message still quotes the start of what the exchange said.
    expect(results.every(({ error }) => (error as ExchangeError).message.includes('err 00000000000'))).toBe(
      true,
    );
    const incomplete = results.filter(
      ({ error, answer }) => (error as ExchangeError).responseBody !== answer,
    );
    expect(incomplete.map(({ name }) => name)).toEqual([]);
  });

  it('0 of 2 errors show responseBody to JSON.stringify, Object.keys or util.inspect (it is not enumerable)', () => {
    const shown = results.filter(({ error }) => {
      const stringified = JSON.parse(JSON.stringify(error)) as Record<string, unknown>;
      return (
        Object.hasOwn(stringified, 'responseBody') ||
        Object.keys(error as object).includes('responseBody') ||
        Object.prototype.propertyIsEnumerable.call(error, 'responseBody') ||
        inspect(error).includes('responseBody')
      );
    });
    expect(shown.map(({ name }) => name)).toEqual([]);
  });

  it('0 of 2 errors print more than the first 600 characters of the 5 MB message (JSON.stringify, util.inspect)', () => {
    const printed = results.map(({ name, error }) => ({
      name,
      json: reach(JSON.stringify(error)),
      inspect: reach(inspect(error, { depth: 10 })),
    }));
    const overQuoted = printed.filter((entry) => entry.json > 600 || entry.inspect > 600);
    expect(overQuoted).toEqual([]);
  });
});
