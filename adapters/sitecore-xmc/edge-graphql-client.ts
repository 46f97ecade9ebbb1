import type { z } from 'zod';
import type { HttpClient, Logger } from '../../src/adapter-kit/index.ts';
import { edgeAuthError } from './edge-errors.ts';
import { decodeEnvelope, readEnvelope, type GraphqlResult } from './graphql-envelope.ts';
import { edgeEndpoint, type XmcConfig } from './xmc-config.ts';

export type EdgeQueryResult<T> = GraphqlResult<T>;

export interface EdgeGraphqlClient {
  query<T>(operation: string, document: string, variables: Record<string, unknown>, schema: z.ZodType<T>, signal?: AbortSignal): Promise<EdgeQueryResult<T>>;
}

export interface EdgeGraphqlClientOptions {
  http: HttpClient;
  config: XmcConfig;
  adapterName: string;
  logger: Logger;
  /** Aborted when the adapter closes. */
  signal: AbortSignal;
}

/**
 * POSTs GraphQL to Edge through the adapter's resilient client. Reads are
 * idempotent, so the client may retry them. HTTP 401/403 become
 * ADP_AUTH_FAILED; `errors[]` on HTTP 200 become coded errors unless the data
 * the caller needs is still there, in which case they are logged and returned.
 */
export function createEdgeGraphqlClient(options: EdgeGraphqlClientOptions): EdgeGraphqlClient {
  const { http, config, adapterName, logger } = options;
  const endpoint = edgeEndpoint(config);
  const credentials = config.credentials;
  const credentialKey = 'apiKey' in credentials ? 'apiKey' : 'contextId';
  const headers: Record<string, string> = { Accept: 'application/json' };
  if ('apiKey' in credentials) headers['sc_apikey'] = credentials.apiKey;
  const query = 'contextId' in credentials ? { sitecoreContextId: credentials.contextId } : undefined;

  return {
    async query(operation, document, variables, schema, signal) {
      const response = await http.request({
        method: 'POST', path: endpoint, query, headers, body: { query: document, variables },
        idempotent: true, acceptStatus: [401, 403], operation,
        signal: signal ? AbortSignal.any([signal, options.signal]) : options.signal,
      });
      const context = { adapterName, operation, credentialKey, endpoint };
      if (response.status === 401 || response.status === 403) throw edgeAuthError(response.status, context);
      const envelopeContext = { ...context, endpointKeys: `adapters.${adapterName}.url and adapters.${adapterName}.endpoint`, logger };
      return decodeEnvelope(readEnvelope(response, envelopeContext), schema, envelopeContext);
    },
  };
}
