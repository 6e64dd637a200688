export type {
  BitexMarketScript,
  BitexSandbox,
  BitexSandboxCredentials,
  BitexSandboxOptions,
  BitexSandboxStats,
  OtpCallback,
} from './sandbox.js';
export { startBitexSandbox } from './sandbox.js';
export type { KeyFlag } from './state.js';
export type { BalanceView } from './wallets.js';
export type { BitexWebhookSender, SendWebhookOptions, WebhookDelivery } from './webhooks.js';
