import type { HttpClient, HttpRequest, HttpResponse, Logger } from '../../src/adapter-kit/index.ts';
import { ConduitError } from '../../src/adapter-kit/index.ts';
import { authFailedError, authHint, type FailureContext } from './ssc-errors.ts';
import { sessionCookieFrom } from './ssc-cookies.ts';

export const LOGIN_PATH = '/sitecore/api/ssc/auth/login';

export interface SscCredentials {
  domain: string;
  username: string;
  password: string;
}

export interface SscSessionOptions {
  http: HttpClient;
  adapter: string;
  credentials: SscCredentials;
  logger: Logger;
  /** The adapter's lifetime signal: a shared login must not die with the one caller that started it. */
  signal?: AbortSignal;
}

/** A request as the adapter issues it: the session adds the cookie and handles 401/403. */
export type SscSessionRequest = Omit<HttpRequest, 'headers' | 'acceptStatus'> & {
  operation: string;
  acceptStatus?: number[];
};

export interface SscSession {
  /** Sends with the session cookie, logging in first if needed; on 401/403 logs in again once and retries once. */
  send(req: SscSessionRequest): Promise<HttpResponse>;
  /** How many logins this session performed (for tests and logs). */
  loginCount(): number;
}

const isAuthStatus = (status: number): boolean => status === 401 || status === 403;

/** One SSC login; resolves with the Cookie header to replay. The password goes only into the request body. */
export async function loginToSsc(options: SscSessionOptions): Promise<string> {
  const { http, adapter, credentials, logger } = options;
  const ctx: FailureContext = { adapter, operation: 'login', path: LOGIN_PATH };
  const res = await http.request({
    method: 'POST', path: LOGIN_PATH, operation: 'login',
    body: { domain: credentials.domain, username: credentials.username, password: credentials.password },
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    // Logging in changes nothing on the server, so a network error or 5xx may be retried.
    idempotent: true,
    acceptStatus: [400, 401, 403],
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (res.status !== 200 && res.status !== 204) throw authFailedError(ctx, 'login', res.status);
  const found = sessionCookieFrom(res.headers);
  if (!found) {
    throw new ConduitError('ADP_AUTH_FAILED', `Adapter "${adapter}": the Sitecore login (${LOGIN_PATH}) answered ${res.status} but set no .AspNet.Cookies or .ASPXAUTH cookie.`, {
      hint: `Conduit uses SSC cookie authentication; token authorization (Sitecore.Services.Token.Authorization.Enabled=true) is not supported. ${authHint(adapter)}`,
    });
  }
  logger.info({ operation: 'login', domain: credentials.domain, username: credentials.username }, 'logged in to the Sitecore Item Service');
  return found;
}

/**
 * Cookie session against the SSC Item Service. Logs in lazily on first use;
 * concurrent callers share one in-flight login; an expired session (401/403 on
 * a data request) triggers exactly one new login and one retry. The password
 * is only ever in the login body: never in errors, logs or details.
 */
export function createSscSession(options: SscSessionOptions): SscSession {
  const { http, adapter, logger } = options;
  let cookie: string | undefined;
  let inflight: Promise<string> | undefined;
  let logins = 0;

  function session(): Promise<string> {
    if (cookie !== undefined) return Promise.resolve(cookie);
    inflight ??= loginToSsc(options).then(
      (value) => { cookie = value; inflight = undefined; logins += 1; return value; },
      (error: unknown) => { inflight = undefined; throw error; },
    );
    return inflight;
  }

  async function attempt(req: SscSessionRequest): Promise<{ res: HttpResponse; used: string }> {
    const used = await session();
    const res = await http.request({
      ...req,
      headers: { Cookie: used, Accept: 'application/json' },
      acceptStatus: [401, 403, ...(req.acceptStatus ?? [])],
    });
    return { res, used };
  }

  return {
    async send(req) {
      const first = await attempt(req);
      if (!isAuthStatus(first.res.status)) return first.res;
      // Only the first caller to see the stale cookie drops it; the others join its new login.
      if (cookie === first.used) cookie = undefined;
      logger.info({ operation: req.operation, status: first.res.status }, 'Sitecore session rejected; logging in again');
      const second = await attempt(req);
      if (isAuthStatus(second.res.status)) {
        throw authFailedError({ adapter, operation: req.operation, path: req.path }, 'request', second.res.status);
      }
      return second.res;
    },
    loginCount: () => logins,
  };
}
