// The public surface: what bot authors use, and the extension API provider authors build on. Nothing else.

export {
  type AuthorizedRequest,
  type AuthorizeInput,
  type Authorizer,
  type AuthorizerOptions,
  createAuthorizer,
} from './client/create-authorizer.js';
// Clients
export { createClient } from './client/create-client.js';
export type { ClientOptions, RetryOptions, TransportName } from './client/options.js';
export type {
  AuthorizerSend,
  FetchLikeResponse,
  OutgoingRequest,
  ReceivedAnswer,
} from './client/own-http.js';
export { parseAnswer } from './core/answer-check.js';
export { buildOnce } from './core/build-once.js';
export { caseInsensitiveObject } from './core/case-insensitive.js';
// The extension API: the contract between the pipeline, strategies and providers
export {
  type Catalog,
  catalogEntry,
  type DeclaredEndpoint,
  defineCatalog,
  type EndpointDefinition,
  type EndpointRequest,
  type EndpointSchemaName,
  type EndpointTypes,
  lazyCatalog,
  type PathParameterNames,
} from './core/catalog.js';
export type {
  AnswerDrift,
  CallArgs,
  CallableEndpoint,
  CallOptions,
  CallResponse,
  CheckedResponse,
  Client,
  DriftedResponse,
  EndpointBody,
  EndpointData,
  EndpointQuery,
  ExchangeResponse,
  PathParams,
  RequestOptions,
} from './core/client.js';
export { type Clock, systemClock } from './core/clock.js';
export { ClockOffset, type ClockOffsetReading, type ClockSample } from './core/clock-offset.js';
// Coordination between processes (a fleet): implemented by exchange-auth/redis
export type {
  Coordination,
  CoordinationBounds,
  SharedKeys,
  SharedNonces,
  SharedOrder,
  SharedRateLimit,
  SharedSession,
  SharedSessionOptions,
  SharedSessions,
} from './core/coordination.js';
export type { CredentialsReload, CredentialsSource } from './core/credentials-source.js';
export { buildFromEnv, type EnvVariable, type EnvVariables, readEnvOptions } from './core/env.js';
// Errors
export {
  AuthenticationError,
  ConfigurationError,
  type ErrorCode,
  ExchangeAuthError,
  type ExchangeAuthErrorFields,
  ExchangeError,
  IpRefusedError,
  PermissionDeniedError,
  RateLimitError,
  ResponseValidationError,
  TransportError,
  TwoFactorRequiredError,
} from './core/errors.js';
export {
  type AuthEvent,
  type ClientEvent,
  type ClientEventListener,
  type RequestEventFields,
  reportAuthEvent,
} from './core/events.js';
export { type FileNonceSource, fileNonceSource } from './core/file-nonces.js';
export { fingerprint } from './core/fingerprint.js';
export {
  type AddressVerdict,
  CLOCK_TOLERANCE_MS,
  type ClockFinding,
  type CredentialsVerdict,
  type InspectContext,
  type InspectProblem,
  type InspectReport,
  type NonceFinding,
  type PermissionComparison,
  type PermissionFindings,
  type ProviderInspection,
} from './core/inspect.js';
export { type FieldsFirstLogger, fieldsFirst, type Logger } from './core/log.js';
export { createNonceSource, type NonceSource } from './core/nonce.js';
export { type PathTemplate, pathTemplate } from './core/path-template.js';
// Permissions
export type { Allowed, Permission, RequiredPermission } from './core/permissions.js';
export type {
  Classification,
  ClassifyContext,
  ExtensionContext,
  PrepareContext,
  PreparedCall,
  Provider,
} from './core/provider.js';
export { QUOTE_LIMIT, quote } from './core/quote.js';
export { maskError, Redactor, redactorFor } from './core/redact.js';
export {
  buildRequest,
  type HttpMethod,
  type PreparedRequest,
  type QueryParams,
  type RawResponse,
  type RequestInput,
  withBody,
  withHeaders,
  withQuery,
} from './core/request.js';
export { Secret } from './core/secret.js';
export { createMemorySessionStore, type Session, type SessionStore } from './core/session.js';
export type {
  AuthContext,
  AuthStrategy,
  CredentialLifecycle,
  KeyIdentity,
  RequestOrdering,
  RequestSigner,
  SecretHolder,
} from './core/strategy.js';
export {
  baseUrlSchema,
  MAX_TIMER_MS,
  MIN_CREDENTIAL_LENGTH,
  millisecondsSchema,
  parseOptions,
} from './core/validate.js';
export {
  ALPHAPOINT_WIRE,
  BITEX_WIRE,
  BITEXBIT_WIRE,
  COMMON_WIRE,
  type CredentialKind,
  headerOf,
  type WireCredentials,
} from './core/wire-credentials.js';
// Providers
export {
  type AlphaPointCatalog,
  type AlphaPointEndpointTypes,
  type AlphaPointSchemaTypes,
  alphapointCatalog,
} from './providers/alphapoint/catalog.js';
export { ALPHAPOINT_ERROR_CODES } from './providers/alphapoint/classify.js';
export {
  type AlphaPointIdentity,
  type AlphaPointMethods,
  type AlphaPointOptions,
  type AlphaPointPermissions,
  alphapoint,
} from './providers/alphapoint/index.js';
export { KIIEX_ENVIRONMENTS, type KiiexOptions, kiiex } from './providers/alphapoint/kiiex.js';
export { KIIEX_ENV_VARIABLES, kiiexFromEnv } from './providers/alphapoint/kiiex-env.js';
export { NDAX_BASE_URL, NDAX_WEBSOCKET_URL, type NdaxOptions, ndax } from './providers/alphapoint/ndax.js';
export type { AlphaPointKeyPermission, TwoFactorSource } from './providers/alphapoint/options.js';
export { alphapointSignature } from './providers/alphapoint/signature.js';
export type {
  AlphaPointEvent,
  AlphaPointEventTypes,
  AlphaPointOtherEventName,
  EventDrift,
} from './providers/alphapoint/websocket/events.js';
export type { AlphaPointSocketOptions } from './providers/alphapoint/websocket/options.js';
export type {
  AlphaPointSocket,
  SocketCallOptions,
  SocketIdentity,
  SocketReply,
  SocketStats,
} from './providers/alphapoint/websocket/socket.js';
export type { SocketStatus } from './providers/alphapoint/websocket/status.js';
export type {
  AlphaPointSubscriptions,
  SubscriptionName,
} from './providers/alphapoint/websocket/subscriptions.js';
export {
  type BitexCatalog,
  type BitexEndpointTypes,
  type BitexSchemaTypes,
  bitexCatalog,
} from './providers/bitex/catalog.js';
export { BITEX_ENV_VARIABLES, bitexFromEnv } from './providers/bitex/env.js';
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
export {
  BITEX_WEBHOOK_HEADER,
  type BitexWebhookEvent,
  type BitexWebhookHandlerOptions,
  bitexWebhookHandler,
  bitexWebhookVerifier,
  type WebhookKeys,
} from './providers/bitex/webhooks.js';
export {
  type BitexbitCatalog,
  type BitexbitEndpointTypes,
  type BitexbitSchemaTypes,
  bitexbitCatalog,
} from './providers/bitexbit/catalog.js';
export { BITEXBIT_ENV_VARIABLES, bitexbitFromEnv } from './providers/bitexbit/env.js';
export { type BitexbitOptions, type BitexbitPermissions, bitexbit } from './providers/bitexbit/index.js';
export {
  BITEXBIT_ENVIRONMENTS,
  type BitexbitAccess,
  type BitexbitEnvironment,
} from './providers/bitexbit/options.js';
// WebSocket plumbing for providers with a gateway (the AlphaPoint provider builds on it)
export { type ReconnectPolicy, reconnectDelay } from './socket/backoff.js';
export { type Deadline, Deadlines } from './socket/deadlines.js';
export { EventBuffer } from './socket/event-buffer.js';
export { type OpenOptions, openSockets, openTextSocket, type TextSocket } from './socket/text-socket.js';
export {
  type HmacHeaderNames,
  type HmacHeaderSignatureOptions,
  hmacHeaderSignature,
  type SignedParts,
} from './strategies/hmac-header-signature.js';
export {
  type DeadlineSchemeHeaders,
  type DeadlineSchemeOptions,
  type KeyPairSignatureOptions,
  keyPairSignature,
  type NonceSchemeHeaders,
} from './strategies/key-pair-signature.js';
export {
  type SessionTokenOptions,
  type SessionTokenStrategy,
  sessionToken,
} from './strategies/session-token.js';
export { type StaticHeaderKeyOptions, staticHeaderKey } from './strategies/static-header-key.js';
// The provider toolkit: reading answers the way the built-in providers do
export {
  type AnswerClassifierOptions,
  answerClassifier,
  errorMessageOf,
  type RefusalKind,
  type RefusedAnswer,
} from './toolkit/answer-classifier.js';
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
export {
  inspectProbe,
  type ProbeOutcome,
  refusedInspection,
} from './toolkit/inspect-verdict.js';
export { checkOneTimeCode } from './toolkit/one-time-code.js';
export { decodeBase32, totpCodeOf } from './toolkit/totp-code.js';
