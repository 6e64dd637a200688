/**
 * Faithful exchanges on loopback, for integration tests and the demo: `import { startSandbox } from
 * 'exchange-auth/testing'`.
 *
 * @packageDocumentation
 */
export {
  type AlphaPointCredentials,
  type AlphaPointSandbox,
  type AlphaPointSandboxOptions,
  type AnswerStyle as AlphaPointAnswerStyle,
  type SandboxOrder as AlphaPointOrder,
  startAlphaPointSandbox,
  type WithdrawTicket as AlphaPointWithdrawTicket,
} from './alphapoint/index.js';
export {
  type BalanceView,
  type BitexSandbox,
  type BitexSandboxCredentials,
  type BitexSandboxOptions,
  type BitexSandboxStats,
  type BitexWebhookSender,
  type KeyFlag,
  type OtpCallback,
  type SendWebhookOptions,
  startBitexSandbox,
  type WebhookDelivery,
} from './bitex/index.js';
export {
  type BitexbitSandbox,
  type BitexbitSandboxOptions,
  type SandboxAccess,
  type SandboxCredentials,
  type SandboxKeyOptions,
  startBitexbitSandbox,
  type Withdrawal as BitexbitWithdrawal,
} from './bitexbit/index.js';
export {
  type DropOptions,
  type FailOptions,
  type FaultControls,
  faultControlsOf,
  type HttpServerOptions,
  type LoopbackServer,
  type ReceivedRequest,
  type RequestHandler,
  type SandboxClock,
  type ServerAnswer,
  startHttpServer,
} from './http-server.js';
export { type Sandbox, type SandboxOptions, startSandbox } from './sandbox.js';
export type { SandboxStats } from './stats.js';
export { type TotpOptions, totp, totpSecretBase32, verifyTotp } from './totp.js';
