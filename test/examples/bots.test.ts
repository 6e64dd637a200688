import { describe, expect, it } from 'vitest';
import { main as bitexBot } from '../../examples/bots/bitex-bot.js';
import { main as bitexbitBot } from '../../examples/bots/bitexbit-bot.js';
import { main as kiiexBot } from '../../examples/bots/kiiex-bot.js';
import { main as kiiexWebSocketBot } from '../../examples/bots/kiiex-websocket-bot.js';

// Each example bot runs end to end against the embedded sandbox (no credentials in the environment).
describe('example trading bots', () => {
  it('the Bitex bot quotes and cancels a bid', async () => {
    const lines = await bitexBot({});
    expect(lines.at(-1)).toMatch(/^bid \d+ cancelled$/);
  });

  it('the bitexbit bot places, lists and cancels an order', async () => {
    const lines = await bitexbitBot({});
    expect(lines).toContain('1 open orders');
    expect(lines.at(-1)).toMatch(/^order \S+ cancelled$/);
  });

  it('the Kiiex bot logs in, places and cancels an order, and logs out', async () => {
    const lines = await kiiexBot({});
    expect(lines[0]).toMatch(/^logged in: account \d+$/);
    expect(lines.at(-1)).toMatch(/^order \d+ cancelled$/);
  });

  it('the Kiiex WebSocket bot logs in once, reads its order event, and cancels the order', async () => {
    const lines = await kiiexWebSocketBot({});
    expect(lines).toContain('status: authenticated');
    expect(lines.some((line) => /^event: order \d+ /.test(line))).toBe(true);
    expect(lines.at(-1)).toMatch(/^order \d+ cancelled$/);
  });
});
