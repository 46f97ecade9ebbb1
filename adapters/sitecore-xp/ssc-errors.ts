import { ConduitError } from '../../src/adapter-kit/index.ts';
import { sscErrorBodySchema } from './ssc-schemas.ts';

/** What a failed call was doing, for messages that name the adapter, the operation and the URL path. */
export interface FailureContext {
  adapter: string;
  operation: string;
  /** The URL path (no query string, so no secrets and no noise). */
  path: string;
  /** The item id or path the caller asked about, when there is one. */
  target?: string;
}

/** The env var `conduit config generate` suggests for the password (it reads no environment itself). */
export function passwordEnvVar(adapter: string): string {
  return `${adapter.replace(/[^a-z0-9]/gi, '_').toUpperCase()}_PASSWORD`;
}

export function authHint(adapter: string): string {
  return `Check adapters.${adapter}.credentials.domain, .username and .password (the password normally comes from `
    + `\${${passwordEnvVar(adapter)}} in the environment). On the Sitecore side, Sitecore.Services.SecurityPolicy must `
    + 'allow remote calls (ServicesOnPolicy; the default ServicesLocalOnlyPolicy answers 403 to remote callers, '
    + 'ServicesOffPolicy to everyone), and login only answers over HTTPS unless Sitecore.Services.AllowToLoginWithHttp=true.';
}

/**
 * The readable part of an SSC error body: the Web API `Message` /
 * `ExceptionMessage`, or the start of a plain-text/HTML page. Cut short so a
 * stack trace or a whole page never ends up in a message.
 */
export function sscErrorMessage(bodyText: string): string | undefined {
  const text = bodyText.trim();
  if (text === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    // Not JSON is expected (Sitecore's 404 is plain text, IIS errors are HTML): read it as text below.
    if (!(error instanceof SyntaxError)) throw error;
  }
  const body = sscErrorBodySchema.safeParse(parsed);
  const fromJson = body.success ? body.data.ExceptionMessage ?? body.data.Message : undefined;
  const plain = fromJson ?? text.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, ' ').replace(/<[^>]+>/g, ' ');
  const squeezed = plain.replace(/\s+/g, ' ').trim();
  if (squeezed === '') return undefined;
  return squeezed.length > 200 ? `${squeezed.slice(0, 197)}...` : squeezed;
}

export function authFailedError(ctx: FailureContext, phase: 'login' | 'request', status: number): ConduitError {
  const message = phase === 'login'
    ? `Adapter "${ctx.adapter}": Sitecore refused the login (HTTP ${status} from ${ctx.path}).`
    : `Adapter "${ctx.adapter}": Sitecore refused ${ctx.operation} ${ctx.path} with HTTP ${status} even after logging in again.`;
  return new ConduitError('ADP_AUTH_FAILED', message, { hint: authHint(ctx.adapter), details: { status, path: ctx.path } });
}

export function notFoundError(ctx: FailureContext): ConduitError {
  return new ConduitError('ADP_NOT_FOUND',
    `Adapter "${ctx.adapter}": Sitecore has no item ${ctx.target ? `"${ctx.target}"` : `at ${ctx.path}`} (or the account cannot read it).`,
    { hint: 'Check the id or path; SSC also answers 404 for items the account may not read, so check its read rights too.', details: { path: ctx.path } });
}

export function badResponseError(ctx: FailureContext, detail: string, cause?: unknown): ConduitError {
  return new ConduitError('ADP_BAD_RESPONSE',
    `Adapter "${ctx.adapter}": unexpected response to ${ctx.operation} ${ctx.path}: ${detail}`,
    { cause, details: { path: ctx.path } });
}

/**
 * A non-2xx SSC answer as its coded error. 401/403 → ADP_AUTH_FAILED, 404 →
 * ADP_NOT_FOUND, 429 → ADP_RATE_LIMITED, 5xx → ADP_UNAVAILABLE (SSC answers 500
 * for a bad template or parent on create), other 4xx → ADP_REQUEST_REJECTED,
 * anything else → ADP_BAD_RESPONSE. A failure is never "no result".
 */
export function sscFailure(status: number, bodyText: string, ctx: FailureContext): ConduitError {
  const said = sscErrorMessage(bodyText);
  const suffix = said ? ` Sitecore said: ${said}` : '';
  const details = { status, path: ctx.path };
  if (status === 401 || status === 403) return authFailedError(ctx, 'request', status);
  if (status === 404) return notFoundError(ctx);
  if (status === 429) {
    return new ConduitError('ADP_RATE_LIMITED', `Adapter "${ctx.adapter}": Sitecore rate-limited ${ctx.operation} ${ctx.path}.`, { details });
  }
  if (status >= 500 && status <= 599) {
    const writeHint = ctx.operation.startsWith('create')
      ? 'SSC answers 500 when the template or the parent of a new item does not exist: check both; otherwise check the CM logs.'
      : undefined;
    return new ConduitError('ADP_UNAVAILABLE', `Adapter "${ctx.adapter}": Sitecore failed ${ctx.operation} ${ctx.path} with HTTP ${status}.${suffix}`,
      { details, ...(writeHint ? { hint: writeHint, retryable: false } : {}) });
  }
  if (status >= 400 && status <= 499) {
    return new ConduitError('ADP_REQUEST_REJECTED', `Adapter "${ctx.adapter}": Sitecore rejected ${ctx.operation} ${ctx.path} with HTTP ${status}.${suffix}`, { details });
  }
  return badResponseError(ctx, `HTTP ${status}`);
}
