import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// docs/testing.md, "HTTP mocks (nock, MockAgent)": in plain Node ESM, with the library and nock imported statically
// side by side (the built package, by its name, as a user's test file would), nock answers the axios transport, the
// default undici transport does not go through Node's http at all, and undici's MockAgent answers it instead.
const run = promisify(execFile);
const esm = async (body: string) => {
  const { stdout } = await run(process.execPath, [
    '--input-type=module',
    '-e',
    `import nock from 'nock';
     import { MockAgent } from 'undici';
     import { bitex, createClient } from 'exchange-auth';
     const provider = bitex({ apiKey: 'k'.repeat(40), baseURL: 'https://bitex.invalid/api' });
     const ask = (client) => client.request({ method: 'GET', path: '/mocked', permission: 'read' })
       .then((answer) => ({ status: answer.status, data: answer.data }), (error) => ({ error: error.name }));
     ${body}`,
  ]);
  return JSON.parse(stdout) as Record<string, unknown>;
};

describe('HTTP mocks in plain Node ESM, static imports', () => {
  it("nock answers the axios transport (transport: 'axios'), and sees the credentials", async () => {
    const out = await esm(`
      // matchHeader: the interceptor answers only a request that carries the key.
      const scope = nock('https://bitex.invalid')
        .get('/api/mocked')
        .matchHeader('authorization', 'k'.repeat(40))
        .reply(200, { mocked: true });
      const client = createClient(provider, { transport: 'axios', retry: false });
      const answer = await ask(client);
      await client.close();
      console.log(JSON.stringify({ answer, nockUsed: scope.isDone() }));`);
    expect(out).toEqual({ answer: { status: 200, data: { mocked: true } }, nockUsed: true });
  });

  it('the default undici transport does not pass through nock: the interceptor is left unused', async () => {
    const out = await esm(`
      const scope = nock('https://bitex.invalid').get('/api/mocked').reply(200, { mocked: true });
      const client = createClient(provider, { retry: false, timeout: 5000 });
      const answer = await ask(client);
      await client.close();
      console.log(JSON.stringify({ answer, nockUsed: scope.isDone() }));`);
    expect(out).toEqual({ answer: { error: 'TransportError' }, nockUsed: false });
  });

  it("undici's MockAgent, given as the dispatcher, answers the default transport", async () => {
    const out = await esm(`
      const agent = new MockAgent();
      agent.disableNetConnect();
      agent.get('https://bitex.invalid').intercept({ path: '/api/mocked', method: 'GET' }).reply(200, { mocked: true });
      const client = createClient(provider, { dispatcher: agent, retry: false });
      const answer = await ask(client);
      await client.close();
      await agent.close();
      console.log(JSON.stringify({ answer }));`);
    expect(out).toEqual({ answer: { status: 200, data: { mocked: true } } });
  });
});
