import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoopbackServer, startHttpServer } from '../../src/testing/http-server.js';
import { cli } from './run-cli.js';

// What an exchange writes may reach the terminal through the CLI: a Bitex 401 body, a Kiiex login's errormsg, a
// bitexbit message, the e-mail whoami prints. Escape and OSC sequences (a window title, a cleared screen, a
// hyperlink), single-byte CSI and bidirectional overrides must arrive as visible escapes, never as controls.

const HOSTILE = 'pwned\u001b]0;owned\u0007\u001b[2J\u009b31m\u202egnp.exe\u001b]8;;http://x.test\u001b\\';
/** Every control the hostile text carries: none of them may be printed as is. */
const CONTROLS = ['\u001b', '\u0007', '\u009b', '\u202e'];

let server: LoopbackServer;
let answer: { status: number; body: unknown } = { status: 200, body: {} };
beforeAll(async () => {
  server = await startHttpServer((request) => {
    if (request.path.endsWith('/AuthenticateUser')) {
      return { status: 200, body: { Authenticated: false, errormsg: HOSTILE } };
    }
    return answer;
  });
});
afterAll(() => server.close());

function expectNoControls(text: string): void {
  for (const control of CONTROLS) expect(text).not.toContain(control);
}

describe('the CLI never prints an exchange control sequence (4 paths)', () => {
  it('Bitex 401 body quoted in the error: escapes shown, exit 1', async () => {
    answer = { status: 401, body: { error: HOSTILE } };
    const { code, stderr } = await cli(['whoami', 'bitex', '--url', `${server.origin}/api`], {
      BITEX_API_KEY: 'terminalKey_0123456789',
    });
    expect(code).toBe(1);
    expectNoControls(stderr);
    expect(stderr).toContain('\\u001b');
  });

  it("Kiiex login's errormsg: escapes shown, exit 1", async () => {
    const { code, stderr } = await cli(['whoami', 'kiiex', '--url', `${server.origin}/ap`], {
      KIIEX_API_KEY: 'terminalKey_0123456789',
      KIIEX_API_SECRET: 'terminalSecret_0123456789',
      KIIEX_USER_ID: '7',
    });
    expect(code).toBe(1);
    expectNoControls(stderr);
  });

  it("bitexbit's message on a refusal: escapes shown, exit 1", async () => {
    answer = { status: 401, body: { message: HOSTILE } };
    const { code, stderr } = await cli(['whoami', 'bitexbit', '--url', server.origin], {
      BITEXBIT_ACCESS_KEY: 'terminalAccess_0123456789',
      BITEXBIT_PRIVATE_KEY: 'terminalPrivate_0123456789',
    });
    expect(code).toBe(1);
    expectNoControls(stderr);
  });

  it("whoami's success line and --json with a hostile e-mail: escapes shown, exit 0", async () => {
    // users/find as bitex-sdk-ruby recorded it (test/fixtures/wire/bitex), its e-mail made hostile.
    const attributes = {
      name: 'person@whitelabeler.com',
      email: HOSTILE,
      kyc_accepted: false,
      otp_enabled: false,
      do_not_email: false,
      trezor_login_enabled: false,
    };
    answer = { status: 200, body: { data: { id: '600', type: 'users', attributes } } };
    for (const flags of [[], ['--json']]) {
      const { code, stdout } = await cli(['whoami', 'bitex', '--url', `${server.origin}/api`, ...flags], {
        BITEX_API_KEY: 'terminalKey_0123456789',
      });
      expect(code).toBe(0);
      expectNoControls(stdout);
      expect(stdout).toContain('pwned');
    }
  });
});
