import { afterEach, beforeEach } from 'vitest';
import {
  type AlphaPointSandbox,
  type BitexbitSandbox,
  startAlphaPointSandbox,
  startBitexbitSandbox,
} from '../../src/testing/index.js';

/** The sandboxes a fleet test counts at: fresh for each test, closed after it. */
export interface FleetSandboxes {
  readonly bitexbit: BitexbitSandbox;
  readonly alphapoint: AlphaPointSandbox;
}

/** A bitexbit and an AlphaPoint sandbox started before each test of the file and closed after it. */
export function useSandboxes(): FleetSandboxes {
  let bitexbit: BitexbitSandbox | undefined;
  let alphapoint: AlphaPointSandbox | undefined;
  beforeEach(async () => {
    bitexbit = await startBitexbitSandbox();
    alphapoint = await startAlphaPointSandbox();
  });
  afterEach(async () => {
    await bitexbit?.close();
    await alphapoint?.close();
  });
  const started = <T>(sandbox: T | undefined): T => {
    if (!sandbox) throw new Error('the sandboxes start before each test');
    return sandbox;
  };
  return {
    get bitexbit() {
      return started(bitexbit);
    },
    get alphapoint() {
      return started(alphapoint);
    },
  };
}
