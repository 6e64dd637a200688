/**
 * Faithful exchanges on loopback, for integration tests and the demo: `import { startSandbox } from
 * 'exchange-auth/testing'`.
 *
 * @packageDocumentation
 */
export {
  type AlphaPointCredentials,
  type AlphaPointMarketScript,
  type AlphaPointSandbox,
  type AlphaPointSandboxOptions,
  type AnswerStyle as AlphaPointAnswerStyle,
  type MarketChange as AlphaPointMarketChange,
  type ReceivedFrame as AlphaPointFrame,
  type SandboxOrder as AlphaPointOrder,
  type SandboxPermission as AlphaPointPermission,
  startAlphaPointSandbox,
  type WithdrawTicket as AlphaPointWithdrawTicket,
} from './alphapoint/index.js';
export {
  type BalanceView,
  type BitexMarketScript,
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
  type BitexbitMarketScript,
  type BitexbitSandbox,
  type BitexbitSandboxOptions,
  type SandboxAccess,
  type SandboxCredentials,
  type SandboxKeyOptions,
  startBitexbitSandbox,
  type Withdrawal as BitexbitWithdrawal,
} from './bitexbit/index.js';
export type {
  Cassette,
  CassetteExchange,
  CassetteInteraction,
  CassetteRequest,
  CassetteResponse,
} from './cassette/format.js';
export {
  type CassettePlayer,
  type CassetteRefusal,
  startCassette,
} from './cassette/index.js';
export type { CassetteMiss } from './cassette/match.js';
export type { CassetteMode, CassetteOptions } from './cassette/options.js';
export type { RedactionOptions, RuleKind } from './cassette/redact.js';
export type { CassetteKey } from './cassette/signed.js';
export type { FaultAction, FaultAim, FaultKind, FaultSpec } from './faults/aim.js';
export type { InjectedFault } from './faults/plan.js';
export {
  type AnswerObserver,
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
export {
  type MatcherResult,
  type SandboxMatchers,
  sandboxMatchers,
  type WithOutcomes,
} from './matchers.js';
export type {
  LogEntry,
  LogFilter,
  OutcomeStats,
  RefusalReason,
  RequestOutcome,
} from './request-log.js';
export { type Sandbox, type SandboxOptions, startSandbox } from './sandbox.js';
export type { ScriptTiming } from './schedule.js';
export type { SandboxStats } from './stats.js';
export { type TotpOptions, totp, totpSecretBase32, verifyTotp } from './totp.js';
