import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { sendJson } from '../server/responses.ts';
import type { SimRequest } from '../server/sim-route.ts';

/** The automation client the simulator accepts when `authoringClient` is not set. */
export const DEFAULT_AUTHORING_CLIENT = { clientId: 'conduit-simulator-client', clientSecret: 'conduit-simulator-secret' } as const;
/** The audience Sitecore documents for the Authoring and Management API and the Deploy API. */
export const AUTHORING_AUDIENCE = 'https://api.sitecorecloud.io';
/** The real token endpoint is https://auth.sitecorecloud.io/oauth/token; the simulator serves the same path. */
export const TOKEN_PATH = '/oauth/token';

export interface TokenIssuer {
  /** The client id a live token was issued to, or undefined for a missing, unknown or expired token. */
  clientOf(token: string | undefined): string | undefined;
  handle(req: SimRequest, res: ServerResponse): Promise<void>;
}

export interface TokenIssuerOptions {
  client: { clientId: string; clientSecret: string };
  ttlSeconds: number;
  now(): number;
}

/** Form-encoded (what Sitecore's curl example sends) or JSON (which Auth0-style servers also take). */
async function readParams(req: SimRequest): Promise<Record<string, string> | null> {
  const text = await req.body();
  const type = String(req.headers['content-type'] ?? '').toLowerCase();
  if (type.startsWith('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(text));
  if (type.startsWith('application/json')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed !== 'object' || parsed === null) return null;
      return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'));
    } catch (error) {
      if (error instanceof SyntaxError) return null;
      throw error;
    }
  }
  return null;
}

/**
 * OAuth 2.0 client-credentials grant (RFC 6749 §4.4) as Sitecore documents it
 * for auth.sitecorecloud.io: grant_type, client_id, client_secret, audience →
 * { access_token, token_type: "Bearer", expires_in }. Error bodies follow
 * RFC 6749 §5.2 in the form Auth0 sends them (401 access_denied/Unauthorized
 * for a bad client); that auth.sitecorecloud.io answers exactly so is NOT verified.
 */
export function createTokenIssuer(options: TokenIssuerOptions): TokenIssuer {
  const tokens = new Map<string, { clientId: string; expiresAt: number }>();
  return {
    clientOf(token) {
      if (token === undefined) return undefined;
      const entry = tokens.get(token);
      if (!entry) return undefined;
      if (options.now() >= entry.expiresAt) {
        tokens.delete(token);
        return undefined;
      }
      return entry.clientId;
    },
    async handle(req, res) {
      const params = await readParams(req);
      if (params === null) return sendJson(res, 400, { error: 'invalid_request', error_description: 'The request body must be application/x-www-form-urlencoded.' });
      if (params['grant_type'] !== 'client_credentials') {
        return sendJson(res, 403, { error: 'unauthorized_client', error_description: `Grant type '${params['grant_type'] ?? ''}' not allowed for the client.` });
      }
      if (params['client_id'] !== options.client.clientId || params['client_secret'] !== options.client.clientSecret) {
        return sendJson(res, 401, { error: 'access_denied', error_description: 'Unauthorized' });
      }
      if (params['audience'] !== AUTHORING_AUDIENCE) {
        return sendJson(res, 403, { error: 'access_denied', error_description: `Service not found: ${params['audience'] ?? ''}` });
      }
      const token = randomBytes(32).toString('base64url');
      tokens.set(token, { clientId: options.client.clientId, expiresAt: options.now() + options.ttlSeconds * 1000 });
      sendJson(res, 200, { access_token: token, scope: 'xmcloud.cm:admin', expires_in: options.ttlSeconds, token_type: 'Bearer' }, { 'Cache-Control': 'no-store' });
    },
  };
}
