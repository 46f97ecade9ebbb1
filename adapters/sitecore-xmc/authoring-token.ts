import { z } from 'zod';
import { ConduitError, type Clock, type HttpClient, type Logger } from '../../src/adapter-kit/index.ts';
import type { XmcConfig } from './xmc-config.ts';

type AuthoringConfig = NonNullable<XmcConfig['authoring']>;

/** Bearer tokens for the Authoring and Management API, fetched with the client-credentials grant and cached. */
export interface AuthoringTokens {
  get(signal?: AbortSignal): Promise<string>;
  /** Drops `token` when it is still the cached one (the API refused it), so the next get() fetches anew. */
  invalidate(token: string): void;
}

export interface AuthoringTokenOptions {
  /** A client bound to the token URL's origin. */
  http: HttpClient;
  authoring: AuthoringConfig;
  adapterName: string;
  clock: Clock;
  logger: Logger;
  signal: AbortSignal;
}

const tokenSchema = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.number().positive().optional(),
});
const oauthErrorSchema = z.looseObject({ error: z.string().optional(), error_description: z.string().optional() });

/** Sitecore: "JWTs typically expire in 24 hours"; without expires_in assume a short life rather than forever. */
const FALLBACK_LIFETIME_S = 300;
/** Refresh this long before expiry (at most a tenth of the lifetime), so a request never races the expiry. */
const MAX_REFRESH_MARGIN_MS = 60_000;

interface Cached { token: string; refreshAt: number }

export function authFailedHint(adapterName: string): string {
  return `Check adapters.${adapterName}.authoring.clientId and adapters.${adapterName}.authoring.clientSecret (an XM Cloud Deploy automation client of this environment), `
    + `and adapters.${adapterName}.authoring.audience / tokenUrl. See the sitecore-xmc README.`;
}

/**
 * The OAuth 2.0 client-credentials grant against auth.sitecorecloud.io (form
 * POST of grant_type, client_id, client_secret, audience). The request is safe
 * to retry, so the resilient client may. Neither the secret nor the token ever
 * reaches a log line or an error: errors carry only the OAuth `error` code.
 */
export function createAuthoringTokens(options: AuthoringTokenOptions): AuthoringTokens {
  const { http, authoring, adapterName, clock, logger } = options;
  let cached: Cached | undefined;
  let pending: Promise<Cached> | undefined;

  async function fetchToken(signal: AbortSignal | undefined): Promise<Cached> {
    const body = new URLSearchParams({
      grant_type: 'client_credentials', client_id: authoring.clientId, client_secret: authoring.clientSecret, audience: authoring.audience,
    });
    const response = await http.request({
      method: 'POST', path: authoring.tokenUrl, body, idempotent: true, operation: 'authoringToken', acceptStatus: [400, 401, 403],
      headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
      signal: signal ? AbortSignal.any([signal, options.signal]) : options.signal,
    });
    if (response.status !== 200) {
      const parsed = oauthErrorSchema.safeParse(safeJson(response.text));
      const oauthError = parsed.success ? parsed.data.error : undefined;
      throw new ConduitError('ADP_AUTH_FAILED', `The OAuth token endpoint refused the authoring client of adapter "${adapterName}" (HTTP ${response.status}${oauthError ? `, ${oauthError.slice(0, 60)}` : ''}).`, {
        hint: authFailedHint(adapterName), details: { status: response.status, ...(oauthError ? { oauthError: oauthError.slice(0, 60) } : {}) },
      });
    }
    const parsed = tokenSchema.safeParse(safeJson(response.text));
    if (!parsed.success) {
      throw new ConduitError('ADP_BAD_RESPONSE', `The OAuth token endpoint answered adapter "${adapterName}" without an access_token.`, {
        hint: `Check adapters.${adapterName}.authoring.tokenUrl (Sitecore's is https://auth.sitecorecloud.io/oauth/token).`,
      });
    }
    const lifetimeMs = (parsed.data.expires_in ?? FALLBACK_LIFETIME_S) * 1000;
    const margin = Math.min(MAX_REFRESH_MARGIN_MS, lifetimeMs / 10);
    logger.info({ operation: 'authoringToken', expiresInSeconds: lifetimeMs / 1000 }, 'obtained an Authoring API token');
    return { token: parsed.data.access_token, refreshAt: clock.now() + lifetimeMs - margin };
  }

  return {
    async get(signal) {
      if (cached && clock.now() < cached.refreshAt) return cached.token;
      // One token request at a time, however many writes wait for it.
      pending ??= fetchToken(signal).finally(() => { pending = undefined; });
      cached = await pending;
      return cached.token;
    },
    invalidate(token) {
      if (cached?.token === token) cached = undefined;
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}
