import { describe, expect, it } from 'vitest';
import { bitexCatalog } from '../../src/index.js';
import { type Name, RECORDED } from './bitex-recorded.js';

/** The same answer with a member and an attribute Bitex might add later. */
function withAddedFields(answer: unknown): unknown {
  const copy = structuredClone(answer) as { data: unknown; meta?: unknown };
  const first = (Array.isArray(copy.data) ? copy.data[0] : copy.data) as Record<string, unknown> | undefined;
  if (first) {
    first.added_later = { kind: 'resource member' };
    if (first.attributes) (first.attributes as Record<string, unknown>).added_later = 'attribute';
  }
  copy.meta = { added_later: true };
  return copy;
}

const parse = (name: Name, answer: unknown) => bitexCatalog[name].response.safeParse(answer);
const issuesOf = (result: ReturnType<typeof parse>) =>
  result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);

describe('Bitex answer schemas against the answers recorded by bitex-sdk-ruby', () => {
  it('cover every endpoint but the two no recording shows (users.updateMe, orders.cancelAll)', () => {
    const missing = Object.keys(bitexCatalog).filter((name) => !(name in RECORDED));
    expect(missing).toEqual(['users.updateMe', 'orders.cancelAll']);
  });

  for (const [name, text] of Object.entries(RECORDED) as [Name, string | undefined][]) {
    const answer: unknown = text === undefined ? undefined : JSON.parse(text);

    it(`${name} accepts its recorded answer`, () => {
      expect(issuesOf(parse(name, answer))).toEqual([]);
    });

    if (answer !== undefined) {
      it(`${name} accepts it with fields Bitex adds later, and passes them through`, () => {
        const result = parse(name, withAddedFields(answer));
        expect(issuesOf(result)).toEqual([]);
        expect(result.data).toMatchObject({ meta: { added_later: true } });
      });
    }
  }

  it('refuses an answer whose documented field has another type (a decimal sent as a string)', () => {
    const bid = JSON.parse(RECORDED['bids.create'] ?? '{}');
    bid.data.attributes.amount = '3.0';
    expect(issuesOf(parse('bids.create', bid))).toEqual([
      'data.attributes.amount: Invalid input: expected number, received string',
    ]);
  });

  it('refuses a 204 answer that has a body, and a body answer that is empty', () => {
    expect(parse('bids.cancel', {}).success).toBe(false);
    expect(parse('bids.create', undefined).success).toBe(false);
  });
});
