import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// `npm test` builds first (pretest); these run the built package by its name, as a user's code would.
const node = (args: string[]) =>
  execFileSync(process.execPath, args, { encoding: 'utf8', cwd: process.cwd() });

describe('the built package', () => {
  it('was built', () => {
    expect(existsSync('dist/index.js') && existsSync('dist/index.cjs')).toBe(true);
  });

  it('works with import', () => {
    const out = node([
      '--input-type=module',
      '-e',
      `import { createClient, bitex, bitexbit, ExchangeAuthError, ConfigurationError } from 'exchange-auth';
       import { startBitexSandbox } from 'exchange-auth/testing';
       const sandbox = await startBitexSandbox();
       const client = createClient(bitex({ ...sandbox.credentials.user, baseURL: sandbox.baseURL }));
       const me = await client.call('users.me');
       let refused = false;
       try { bitex({ apiKey: '', environment: 'sandbox' }); } catch (e) { refused = e instanceof ConfigurationError && e instanceof ExchangeAuthError; }
       await sandbox.close();
       console.log(JSON.stringify({ id: me.data.data.id, refused, bitexbit: typeof bitexbit }));`,
    ]);
    expect(JSON.parse(out)).toEqual({ id: '700', refused: true, bitexbit: 'function' });
  });

  it('works with require', () => {
    const out = node([
      '-e',
      `const { createClient, bitex, ConfigurationError } = require('exchange-auth');
       const { startBitexSandbox } = require('exchange-auth/testing');
       startBitexSandbox().then(async (sandbox) => {
         const client = createClient(bitex({ ...sandbox.credentials.user, baseURL: sandbox.baseURL }));
         const me = await client.call('users.me');
         let refused = false;
         try { bitex({ apiKey: 'a b', environment: 'sandbox' }); } catch (e) { refused = e instanceof ConfigurationError; }
         await sandbox.close();
         console.log(JSON.stringify({ id: me.data.data.id, refused }));
       });`,
    ]);
    expect(JSON.parse(out)).toEqual({ id: '700', refused: true });
  });

  it('names its error classes in stacks and inspection as users write them, in both builds', () => {
    const print = `const e = new TransportError('t', { provider: 'p', outcome: 'unknown' });
       const c = new ConfigurationError('c', { provider: 'p', field: 'f' });
       console.log(JSON.stringify([e.constructor.name, c.constructor.name, inspect(e).split('\\n')[0]]));`;
    const esm = node([
      '--input-type=module',
      '-e',
      `import { inspect } from 'node:util'; import { TransportError, ConfigurationError } from 'exchange-auth'; ${print}`,
    ]);
    const cjs = node([
      '-e',
      `const { inspect } = require('node:util'); const { TransportError, ConfigurationError } = require('exchange-auth'); ${print}`,
    ]);
    for (const out of [esm, cjs]) {
      expect(JSON.parse(out)).toEqual(['TransportError', 'ConfigurationError', 'TransportError: t']);
    }
  });

  it("sends on undici in both builds, and leaves Node's own fetch its own dispatcher", () => {
    // Loading undici's index would install an undici 7 agent as the process's global dispatcher, which Node's
    // own fetch (its bundled undici) then sends through; the transport loads undici's agent alone.
    const run = `const sandbox = await startBitexSandbox();
       const client = createClient(bitex({ ...sandbox.credentials.user, baseURL: sandbox.baseURL }));
       const me = await client.call('users.me');
       const agent = sandbox.log.at(-1).headers['user-agent'];
       const global = globalThis[Symbol.for('undici.globalDispatcher.1')];
       await sandbox.close();
       console.log(JSON.stringify({ id: me.data.data.id, agent, global: global === undefined ? 'none' : 'set' }));`;
    const esm = node([
      '--input-type=module',
      '-e',
      `import { createClient, bitex } from 'exchange-auth'; import { startBitexSandbox } from 'exchange-auth/testing';
       ${run}`,
    ]);
    const cjs = node([
      '-e',
      `const { createClient, bitex } = require('exchange-auth'); const { startBitexSandbox } = require('exchange-auth/testing');
       (async () => { ${run} })();`,
    ]);
    for (const out of [esm, cjs]) {
      expect(JSON.parse(out)).toEqual({ id: '700', agent: 'exchange-auth', global: 'none' });
    }
  });
});
