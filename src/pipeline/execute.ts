import type { ResolvedClientOptions } from '../client/options.js';
import type { ExchangeResponse, RequestOptions } from '../client/types.js';
import type { Catalog, EndpointDefinition } from '../core/catalog.js';
import { findEndpoint } from '../core/catalog.js';
import {
  AuthenticationError,
  ConfigurationError,
  ExchangeAuthError,
  PermissionDeniedError,
  RateLimitError,
  ResponseValidationError,
  TransportError,
} from '../core/errors.js';
import type { Logger } from '../core/log.js';
import { isPermitted, type Permission, type RequiredPermission } from '../core/permissions.js';
import type { Provider } from '../core/provider.js';
import { Redactor } from '../core/redact.js';
import type { AuthContext, AuthStrategy, PreparedRequest, RawResponse } from '../core/strategy.js';
import { scrubError } from '../toolkit/scrub.js';
import { prepareRequest, splitPath } from './prepare.js';
import type { RateLimiter } from './rate-limiter.js';
import { mayRetry, retryDelay, sleep } from './retry.js';
import { runInSequence } from './serial-queue.js';
import type { Transport } from './transport.js';

/** Everything one client's requests share. */
export interface PipelineContext {
  readonly provider: Provider<Permission, Catalog, object>;
  readonly strategy: AuthStrategy;
  readonly granted: ReadonlySet<Permission>;
  readonly transport: Transport;
  readonly limiter: RateLimiter | undefined;
  readonly options: ResolvedClientOptions;
  readonly log: Logger & { readonly enabled: boolean };
  /** The granted permissions as a list, made once. */
  readonly grantedList: readonly Permission[];
  readonly authContext: AuthContext;
}

/** A catalog entry a request was matched to. */
export interface EndpointMatch {
  readonly name: string;
  readonly endpoint: EndpointDefinition;
}

const SAFE_BY_METHOD = new Set(['GET', 'HEAD']);

function requiredPermission(
  ctx: PipelineContext,
  options: RequestOptions,
  match: EndpointMatch | undefined,
): RequiredPermission {
  const required = options.permission ?? match?.endpoint.permission;
  if (required === undefined) {
    throw new ConfigurationError(
      `${ctx.provider.name}: ${options.method} ${splitPath(ctx.provider.name, options.path).pathname} is not in the ` +
        `catalog; say what it needs with \`permission\` ('public', 'read', 'trade', 'withdraw' or 'manage-users')`,
      { provider: ctx.provider.name, field: 'permission' },
    );
  }
  return required;
}

function checkPermission(
  ctx: PipelineContext,
  required: RequiredPermission,
  match: EndpointMatch | undefined,
  options: RequestOptions,
): void {
  if (isPermitted(ctx.granted, required)) return;
  const what = match ? `'${match.name}'` : `${options.method} ${options.path.split('?')[0]}`;
  const granted = ctx.grantedList;
  throw new PermissionDeniedError(
    `${ctx.provider.name}: ${what} needs the '${required}' permission; this key is granted ${
      granted.length ? granted.map((p) => `'${p}'`).join(', ') : 'nothing'
    }. Nothing was sent.`,
    { provider: ctx.provider.name, required, granted, source: 'local' },
  );
}

/** Finds the catalog entry of a `client.request`, then runs it. */
export function executeRequest(ctx: PipelineContext, options: RequestOptions): Promise<ExchangeResponse> {
  return run(ctx, options, undefined);
}

/** Runs a named catalog call. */
export function executeCall(
  ctx: PipelineContext,
  options: RequestOptions,
  match: EndpointMatch,
): Promise<ExchangeResponse> {
  return run(ctx, options, match);
}

async function run(
  ctx: PipelineContext,
  options: RequestOptions,
  given: EndpointMatch | undefined,
): Promise<ExchangeResponse> {
  try {
    return await attemptAll(ctx, options, given);
  } catch (error) {
    if (error instanceof ExchangeAuthError) throw scrubError(error, ctx.strategy.secrets());
    throw error;
  }
}

async function attemptAll(
  ctx: PipelineContext,
  options: RequestOptions,
  given: EndpointMatch | undefined,
): Promise<ExchangeResponse> {
  const { provider, strategy, options: settings } = ctx;
  const match =
    given ??
    findEndpoint(provider.catalog, options.method, splitPath(provider.name, options.path).pathname) ??
    undefined;
  const permission = requiredPermission(ctx, options, match);
  checkPermission(ctx, permission, match, options);

  const base = prepareRequest({
    provider: provider.name,
    baseURL: provider.baseURL,
    method: options.method,
    path: options.path,
    query: options.query,
    body: options.body,
    permission,
    headers: options.headers
      ? Object.assign({}, provider.headers, options.headers)
      : (provider.headers ?? {}),
    contentType: provider.contentType ?? 'application/json',
  });
  const idempotent = options.idempotent ?? match?.endpoint.idempotent ?? SAFE_BY_METHOD.has(options.method);
  const timeout = options.timeout ?? settings.timeout;
  const started = Date.now();
  let retries = 0;
  let renewedSession = false;

  for (;;) {
    let sent: PreparedRequest | undefined;
    let raw: RawResponse;
    try {
      const attempt = async () => {
        await ctx.limiter?.acquire(options.signal);
        let request = provider.prepare
          ? await provider.prepare(base, {
              endpoint: match?.endpoint,
              endpointName: match?.name,
              otp: options.otp,
            })
          : base;
        if (permission !== 'public') request = await strategy.authorize(request, ctx.authContext);
        sent = request;
        if (ctx.log.enabled)
          ctx.log.debug(`${provider.name} ${request.method} ${request.path}`, { attempt: retries + 1 });
        return ctx.transport.send(request, { timeout, signal: options.signal });
      };
      raw = await (strategy.sequenceKey !== undefined && permission !== 'public'
        ? runInSequence(strategy.sequenceKey, attempt)
        : attempt());
    } catch (error) {
      if (!(error instanceof TransportError)) throw error;
      await backoffOrThrow(error, undefined);
      continue;
    }

    const classification = provider.classify(raw, {
      provider: provider.name,
      method: base.method,
      path: base.path,
      required: permission,
      granted: ctx.grantedList,
      redact: (text) => redact(ctx, text),
    });
    if (ctx.log.enabled) {
      ctx.log.debug(`${provider.name} ${base.method} ${base.path} answered ${raw.status}`, {
        outcome: classification.kind,
      });
    }

    if (classification.kind === 'ok') {
      return {
        status: raw.status,
        headers: raw.headers,
        data: validate(ctx, match, classification.data, raw.status),
      };
    }
    if (classification.kind === 'auth-expired') {
      if (!renewedSession && sent && (await strategy.expire?.(sent))) {
        renewedSession = true;
        ctx.log.info(`${provider.name}: credentials expired; authorising again and sending once more`);
        continue;
      }
      throw new AuthenticationError(
        `${provider.name}: the exchange refused the credentials${renewedSession ? ' again after renewing them (a fresh login, a resynchronised clock)' : ''}`,
        { provider: provider.name, status: raw.status },
      );
    }
    await backoffOrThrow(classification.error, raw.status);
  }

  async function backoffOrThrow(error: ExchangeAuthError, status: number | undefined): Promise<void> {
    if (retries >= settings.retry.retries || !mayRetry(error, idempotent) || options.signal?.aborted)
      throw error;
    const retryAfter = error instanceof RateLimitError ? error.retryAfterMs : undefined;
    const delay = retryDelay(settings.retry, retries + 1, retryAfter);
    if (delay === undefined || Date.now() - started + delay > settings.retry.maxElapsedMs) throw error;
    retries += 1;
    ctx.log.warn(
      `${provider.name} ${base.method} ${base.path} failed (${status ?? error.code}); retry ${retries}`,
      {
        delayMs: delay,
      },
    );
    await sleep(delay, options.signal).catch(() => {
      throw error;
    });
  }
}

function redact(ctx: PipelineContext, text: string): string {
  const redactor = new Redactor();
  for (const secret of ctx.strategy.secrets()) redactor.add(secret);
  return redactor.text(text);
}

function validate(
  ctx: PipelineContext,
  match: EndpointMatch | undefined,
  data: unknown,
  status: number,
): unknown {
  const schema = match?.endpoint.response;
  if (!schema) return data;
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  throw new ResponseValidationError(
    `${ctx.provider.name}: the answer to '${match.name}' does not match its schema (${issues.slice(0, 3).join('; ')})`,
    { provider: ctx.provider.name, status, issues },
  );
}
