import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { answerIsExact } from '../../src/core/answer-check.js';
import { caseInsensitiveObject } from '../../src/core/case-insensitive.js';
import { alphapointCatalog, bitexbitCatalog, bitexCatalog } from '../../src/index.js';
import { ANSWERS as ALPHAPOINT } from './alphapoint-examples/index.js';
import { RECORDED as BITEX } from './bitex-recorded.js';
import { answers1 } from './bitexbit-examples/answers-1.js';
import { answers2 } from './bitexbit-examples/answers-2.js';

// The pipeline keeps an answer as it is, without zod's copy, when `answerIsExact` vouches for it. zod is the
// judge here: whatever the check vouches for, zod must accept and parse to an equal value, for every documented
// answer of the three exchanges and for many damaged copies of each.

type Schema = z.ZodType;

interface Case {
  readonly name: string;
  readonly schema: Schema;
  readonly value: unknown;
}

function documented(): Case[] {
  const cases: Case[] = [];
  for (const [name, examples] of Object.entries(ALPHAPOINT)) {
    const schema = (alphapointCatalog as Record<string, { response?: Schema }>)[name]?.response;
    for (const { value } of examples ?? []) if (schema) cases.push({ name, schema, value });
  }
  for (const [name, answer] of Object.entries({ ...answers1, ...answers2 })) {
    const schema = (bitexbitCatalog as Record<string, { response?: Schema }>)[name]?.response;
    if (schema && answer) cases.push({ name, schema, value: answer.example });
  }
  for (const [name, text] of Object.entries(BITEX)) {
    const schema = (bitexCatalog as Record<string, { response?: Schema }>)[name]?.response;
    if (schema && text !== undefined) cases.push({ name, schema, value: JSON.parse(text) });
  }
  return cases;
}

/** A small seeded generator (mulberry32), so every run damages the answers the same way. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Node = Record<string, unknown> | unknown[];

/** Every object and array in `value`, itself included. */
function containers(value: unknown, found: Node[] = []): Node[] {
  if (value === null || typeof value !== 'object') return found;
  found.push(value as Node);
  for (const item of Object.values(value)) containers(item, found);
  return found;
}

const REPLACEMENTS: readonly unknown[] = [null, 'text', '12', 12, 1.5, -3, true, false, [], {}, 2 ** 53];

/** A copy of `value` with one thing changed at random: a field dropped, retyped, renamed or added. */
function damaged(value: unknown, next: () => number): unknown {
  const copy: unknown = structuredClone(value);
  const nodes = containers(copy);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T;
  if (nodes.length === 0) return pick(REPLACEMENTS);
  const node = pick(nodes);
  const keys = Object.keys(node);
  const key = keys.length > 0 ? pick(keys) : undefined;
  const record = node as Record<string, unknown>;
  switch (Math.floor(next() * 6)) {
    case 0:
      if (key !== undefined) {
        if (Array.isArray(node)) node.splice(Number(key), 1);
        else delete record[key];
      }
      break;
    case 1:
      if (key !== undefined) record[key] = pick(REPLACEMENTS);
      break;
    case 2:
      if (key !== undefined && !Array.isArray(node)) {
        const item = record[key];
        delete record[key];
        record[next() < 0.5 ? key.toLowerCase() : key.toUpperCase()] = item;
      }
      break;
    case 3:
      if (Array.isArray(node)) node.push(pick(REPLACEMENTS));
      else record.addedLater = pick(REPLACEMENTS);
      break;
    case 4:
      if (key !== undefined && typeof record[key] === 'number') record[key] = (record[key] as number) + 0.5;
      break;
    default:
      return JSON.parse(`{"__proto__": {"polluted": true}, "value": ${JSON.stringify(copy)}}`);
  }
  return copy;
}

/** What the check says, judged by zod: a vouched-for value must parse, to an equal value. */
function judge(schema: Schema, value: unknown): 'exact' | 'left to zod' {
  if (!answerIsExact(schema, value)) return 'left to zod';
  const parsed = schema.safeParse(value);
  expect(parsed.error?.issues ?? []).toEqual([]);
  expect(parsed.data).toStrictEqual(value);
  return 'exact';
}

describe('answerIsExact vouches only for what zod parses to an equal value', () => {
  const cases = documented();

  it('every documented answer of the three exchanges', () => {
    const verdicts = cases.map(({ schema, value }) => judge(schema, value));
    const exact = verdicts.filter((verdict) => verdict === 'exact').length;
    console.info(`documented answers: ${exact} of ${cases.length} kept as they are, the rest parsed by zod`);
    expect(cases.length).toBeGreaterThan(150);
    // The fast path must be the common one, or it buys nothing.
    expect(exact / cases.length).toBeGreaterThan(0.5);
  });

  it('40 damaged copies of each documented answer', () => {
    const next = random(20261201);
    let exact = 0;
    let total = 0;
    for (const { schema, value } of cases) {
      for (let i = 0; i < 40; i += 1) {
        total += 1;
        if (judge(schema, damaged(value, next)) === 'exact') exact += 1;
      }
    }
    console.info(`damaged answers: ${exact} of ${total} kept as they are, the rest parsed by zod`);
    expect(total).toBe(cases.length * 40);
    expect(exact).toBeGreaterThan(0);
  });
});

describe('answerIsExact on the parts zod would copy or change', () => {
  const position = caseInsensitiveObject({ OMSId: z.int(), Amount: z.number(), Note: z.string().optional() });

  it('a case-insensitive object: kept when spelled as documented, left to zod to rename otherwise', () => {
    expect(answerIsExact(position, { OMSId: 1, Amount: 0.5, Extra: 'kept' })).toBe(true);
    expect(answerIsExact(position, { omsId: 1, Amount: 0.5 })).toBe(false);
    expect(position.parse({ omsId: 1, Amount: 0.5 })).toEqual({ OMSId: 1, Amount: 0.5 });
    // Optional and spelled otherwise: the plain object would pass, but zod renames it.
    expect(answerIsExact(position, { OMSId: 1, Amount: 0.5, note: 'x' })).toBe(false);
  });

  it('numbers: z.int() refuses fractions and unsafe integers, z.number() takes both', () => {
    expect(answerIsExact(z.int(), 3)).toBe(true);
    expect(answerIsExact(z.int(), 3.5)).toBe(false);
    expect(answerIsExact(z.int(), 2 ** 53)).toBe(false);
    expect(answerIsExact(z.number(), JSON.parse('637431662755912377'))).toBe(true);
    expect(answerIsExact(z.number().positive(), 1)).toBe(false);
  });

  it('a union picks what zod picks: an option zod would rename is not passed over for a later one', () => {
    const union = z.union([caseInsensitiveObject({ Name: z.string().optional() }), z.looseObject({})]);
    expect(answerIsExact(union, { name: 'x' })).toBe(false);
    expect(union.parse({ name: 'x' })).toEqual({ Name: 'x' });
  });

  it('objects that zod copies differently: stripped fields, an own __proto__, a refinement, a transform', () => {
    expect(answerIsExact(z.object({ a: z.int() }), { a: 1 })).toBe(true);
    expect(answerIsExact(z.object({ a: z.int() }), { a: 1, b: 2 })).toBe(false);
    expect(answerIsExact(z.strictObject({ a: z.int() }), { a: 1, b: 2 })).toBe(false);
    expect(answerIsExact(z.looseObject({}), JSON.parse('{"__proto__": {"x": 1}}'))).toBe(false);
    expect(
      answerIsExact(
        z.looseObject({ a: z.int() }).refine(() => false),
        { a: 1 },
      ),
    ).toBe(false);
    expect(
      answerIsExact(
        z.string().transform((text) => text.length),
        'abc',
      ),
    ).toBe(false);
    expect(answerIsExact(z.looseObject({ a: z.int().default(1) }), {})).toBe(false);
  });

  it('fields named like properties of every object are read as own fields', () => {
    expect(answerIsExact(z.looseObject({ constructor: z.string().optional() }), {})).toBe(true);
    expect(answerIsExact(z.looseObject({ toString: z.int() }), {})).toBe(false);
    expect(answerIsExact(z.looseObject({ toString: z.int() }), { toString: 1 })).toBe(true);
  });

  it('tuples, records, literals and enums', () => {
    const pair = z.tuple([z.number(), z.string()], z.unknown());
    expect(answerIsExact(pair, [1, 'a', 'more'])).toBe(true);
    expect(answerIsExact(pair, [1])).toBe(false);
    expect(answerIsExact(z.tuple([z.number()]), [1, 2])).toBe(false);
    expect(answerIsExact(z.record(z.string(), z.number()), { a: 1 })).toBe(true);
    expect(answerIsExact(z.record(z.string(), z.number()), { a: '1' })).toBe(false);
    expect(answerIsExact(z.literal('buy'), 'buy')).toBe(true);
    expect(answerIsExact(z.enum(['buy', 'sell']), 'hold')).toBe(false);
  });
});
