import type { z } from 'zod';
import { ConduitError, type HttpClient, type HttpResponse, type Logger } from '../../src/adapter-kit/index.ts';
import type { GraphqlApiLabels } from './edge-errors.ts';
import { decodeEnvelope, readEnvelope, type EnvelopeContext, type GraphqlResult } from './graphql-envelope.ts';
import { authFailedHint, type AuthoringTokens } from './authoring-token.ts';

export interface AuthoringGraphqlClient {
  /** A read: may be retried by the resilient client. */
  query<T>(operation: string, document: string, variables: Record<string, unknown>, schema: z.ZodType<T>): Promise<GraphqlResult<T>>;
  /** A mutation: never retried automatically (not idempotent), except once after the API refused the token. */
  mutate<T>(operation: string, document: string, variables: Record<string, unknown>, schema: z.ZodType<T>): Promise<GraphqlResult<T>>;
}

export interface AuthoringGraphqlOptions {
  /** A client bound to the authoring endpoint's origin. */
  http: HttpClient;
  /** Absolute URL of /sitecore/api/authoring/graphql/v1. */
  endpoint: string;
  tokens: AuthoringTokens;
  adapterName: string;
  logger: Logger;
  signal: AbortSignal;
}

/** HotChocolate's code for an anonymous caller; the API sends it with HTTP 200 (reference §2.5). */
const NOT_AUTHENTICATED = 'AUTH_NOT_AUTHENTICATED';

function authoringLabels(adapterName: string): GraphqlApiLabels {
  return {
    apiName: 'The Authoring and Management API',
    authHint: authFailedHint(adapterName),
    schemaHint: `The Authoring and Management API rejected Conduit's request: check adapters.${adapterName}.authoring.endpoint (/sitecore/api/authoring/graphql/v1 on the CM host).`,
    writeErrors: true,
  };
}

function refusedToken(response: HttpResponse, envelope: ReturnType<typeof readEnvelope> | undefined): boolean {
  if (response.status === 401) return true;
  return (envelope?.errors ?? []).some((e) => e.extensions?.['code'] === NOT_AUTHENTICATED);
}

/**
 * POSTs GraphQL to the Authoring and Management API with `Authorization:
 * Bearer <token>`. When the API refuses the token (HTTP 401, or HTTP 200 with
 * AUTH_NOT_AUTHENTICATED) the token is dropped and the request sent once more
 * with a fresh one: safe for a mutation too, as an unauthenticated request ran nothing.
 */
export function createAuthoringGraphqlClient(options: AuthoringGraphqlOptions): AuthoringGraphqlClient {
  const { http, endpoint, tokens, adapterName, logger } = options;

  async function send<T>(operation: string, document: string, variables: Record<string, unknown>, schema: z.ZodType<T>, idempotent: boolean): Promise<GraphqlResult<T>> {
    const context: EnvelopeContext = {
      adapterName, operation, credentialKey: 'authoring', labels: authoringLabels(adapterName),
      endpointKeys: `adapters.${adapterName}.authoring.endpoint`, logger,
    };
    for (let attempt = 1; ; attempt++) {
      const token = await tokens.get(options.signal);
      const response = await http.request({
        method: 'POST', path: endpoint, body: { query: document, variables }, idempotent, operation, acceptStatus: [401, 403],
        headers: { Accept: 'application/json', Authorization: `Bearer ${token}` }, signal: options.signal,
      });
      const envelope = response.status < 300 ? readEnvelope(response, context) : undefined;
      if (refusedToken(response, envelope)) {
        tokens.invalidate(token);
        if (attempt === 1) {
          logger.info({ operation }, 'the Authoring API refused the token; fetching a new one and retrying once');
          continue;
        }
        throw new ConduitError('ADP_AUTH_FAILED', `The Authoring and Management API did not accept a fresh token for ${operation} (adapter "${adapterName}").`, {
          hint: `${authFailedHint(adapterName)} The token's audience must be https://api.sitecorecloud.io and the client must belong to this environment.`,
          details: { operation, status: response.status },
        });
      }
      if (response.status === 403 || !envelope) {
        throw new ConduitError('ADP_AUTH_FAILED', `The Authoring and Management API refused ${operation} with HTTP ${response.status} (adapter "${adapterName}").`, {
          hint: `${authFailedHint(adapterName)} The automation client needs write access to the content it changes.`,
          details: { operation, status: response.status },
        });
      }
      return decodeEnvelope(envelope, schema, context);
    }
  }

  return {
    query: (operation, document, variables, schema) => send(operation, document, variables, schema, true),
    mutate: (operation, document, variables, schema) => send(operation, document, variables, schema, false),
  };
}
