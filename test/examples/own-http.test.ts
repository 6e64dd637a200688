import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../examples/own-http/fetch.js';
import { type Sandbox, startSandbox } from '../../src/testing/index.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

describe('the native fetch example', () => {
  it('places a signed order, reads balances, and makes three Kiiex requests on one login', async () => {
    const lines: string[] = [];
    await main(sandbox, (line) => lines.push(line));
    expect(lines).toContain('kiiex: 3 requests authorised with 1 login through fetch');
    expect(lines).toContain('kiiex: answered 200 positions, 200 positions, 200 positions');
    expect(lines.find((line) => line.startsWith('bitexbit: order answered'))).toMatch(
      /answered 200: \{"order":\{"id":\d+,.*"state":"submitted"/,
    );
    expect(sandbox.kiiex.stats().logins).toBe(1);
    expect(sandbox.bitexbit.executions('POST /api/v2/private/order/create')).toBe(1);
  });
});
