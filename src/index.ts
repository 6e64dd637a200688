// The extension API: what a provider author needs, and what the built-in providers are written with.

export { createClient } from './client/create-client.js';
export type { ClientOptions, RetryOptions } from './client/options.js';
export type {
  CallArgs,
  CallableEndpoint,
  CallOptions,
  Client,
  EndpointData,
  ExchangeResponse,
  PathParams,
  QueryParams,
  RequestOptions,
} from './client/types.js';
export {
  type Catalog,
  defineCatalog,
  type EndpointDefinition,
  type PathParameterNames,
} from './core/catalog.js';
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
} from './core/errors.js';
export { fingerprint } from './core/fingerprint.js';
export type { Logger } from './core/log.js';
export {
  createNonceSource,
  type NonceSource,
  type NonceSourceOptions,
  processNonceSource,
} from './core/nonce.js';
export { type Allowed, PERMISSIONS, type Permission, type RequiredPermission } from './core/permissions.js';
export type {
  Classification,
  ClassifyContext,
  ExtensionContext,
  PrepareContext,
  Provider,
} from './core/provider.js';
export { Redactor } from './core/redact.js';
export { Secret } from './core/secret.js';
export { createMemorySessionStore, type Session, type SessionStore } from './core/session.js';
export type { AuthContext, AuthStrategy, HttpMethod, PreparedRequest, RawResponse } from './core/strategy.js';
export { hasUnsafeCharacters, parseOptions } from './core/validate.js';
export { withHeaders } from './pipeline/prepare.js';
export { type AlphaPointCatalog, alphapointCatalog } from './providers/alphapoint/catalog.js';
export { ALPHAPOINT_ERROR_CODES } from './providers/alphapoint/classify.js';
export {
  type AlphaPointIdentity,
  type AlphaPointMethods,
  type AlphaPointOptions,
  type AlphaPointPermissions,
  alphapoint,
} from './providers/alphapoint/index.js';
export { KIIEX_ENVIRONMENTS, type KiiexOptions, kiiex } from './providers/alphapoint/kiiex.js';
export { NDAX_BASE_URL, type NdaxOptions, ndax } from './providers/alphapoint/ndax.js';
export type { AlphaPointKeyPermission, TwoFactorSource } from './providers/alphapoint/options.js';
export { alphapointSignature } from './providers/alphapoint/signature.js';
export type { BitexCatalog } from './providers/bitex/catalog.js';
export { bitexCatalog } from './providers/bitex/catalog.js';
export {
  type BitexMasterMethods,
  type BitexMasterOptions,
  type BitexOptions,
  bitex,
} from './providers/bitex/index.js';
export {
  BITEX_ENVIRONMENTS,
  type BitexEnvironment,
  type BitexKeyPermission,
  type OtpSource,
} from './providers/bitex/options.js';
export type { BitexbitCatalog } from './providers/bitexbit/catalog.js';
export { bitexbitCatalog } from './providers/bitexbit/catalog.js';
export {
  type BitexbitOptions,
  type BitexbitPermissions,
  bitexbit,
  type Lacks as BitexbitAccessLacks,
} from './providers/bitexbit/index.js';
export {
  BITEXBIT_ENVIRONMENTS,
  type BitexbitAccess,
  type BitexbitEnvironment,
} from './providers/bitexbit/options.js';
export {
  type DeadlineSchemeHeaders,
  type DeadlineSchemeOptions,
  type KeyPairSignatureOptions,
  keyPairHmac,
  keyPairSignature,
  type NonceSchemeHeaders,
} from './strategies/key-pair-signature.js';
export {
  type SessionTokenOptions,
  type SessionTokenStrategy,
  sessionToken,
} from './strategies/session-token.js';
export { type StaticHeaderKeyOptions, staticHeaderKey } from './strategies/static-header-key.js';
export {
  classifySuccess,
  describeBody,
  field,
  type JsonBody,
  type Refusal,
  readJson,
  readRefusal,
  retryAfterMs,
} from './toolkit/answers.js';
export { scrubError } from './toolkit/scrub.js';
