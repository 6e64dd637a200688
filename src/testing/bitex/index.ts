export { BITEX_MESSAGES } from './answers.js';
export type {
  BitexSandbox,
  BitexSandboxCredentials,
  BitexSandboxOptions,
  BitexSandboxStats,
  OtpCallback,
} from './sandbox.js';
export { startBitexSandbox } from './sandbox.js';
export type { KeyFlag } from './state.js';
export { ALL_KEY_FLAGS } from './state.js';
export type { BalanceView } from './wallets.js';
