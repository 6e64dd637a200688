export { createClient } from './client.js';
export type {
  CallArgs,
  CallableEndpoint,
  CallOptions,
  Client,
  EndpointData,
  ExchangeResponse,
  QueryParams,
  RequestOptions,
} from './client-types.js';
export {
  AuthenticationError,
  ConfigurationError,
  type ErrorCode,
  ExchangeAuthError,
  type ExchangeAuthErrorFields,
  ExchangeError,
  PermissionDeniedError,
  RateLimitError,
  ResponseValidationError,
  TransportError,
  TwoFactorRequiredError,
} from './errors.js';
export type { Logger } from './log.js';
export type { ClientOptions, RetryOptions } from './options.js';
export { PERMISSIONS, type Permission, type RequiredPermission } from './permissions.js';
export type { BitexCatalog } from './providers/bitex/catalog.js';
export { bitexCatalog } from './providers/bitex/catalog.js';
export {
  type BitexMasterMethods,
  type BitexMasterOptions,
  type BitexOptions,
  bitex,
} from './providers/bitex/index.js';
export type { BitexEnvironment, BitexKeyPermission, OtpSource } from './providers/bitex/options.js';
export { Secret } from './secret.js';
