import type { z } from 'zod';
import { ConduitError, type HttpClient, type Logger } from '../../src/adapter-kit/index.ts';
import { edgeAuthError, edgeErrorsToConduit } from './edge-errors.ts';
import { edgeEnvelopeSchema, type EdgeGraphqlError } from './edge-response-schemas.ts';
import { edgeEndpoint, type XmcConfig } from './xmc-config.ts';

export interface EdgeQueryResult<T> {
  data: T;
  /** Errors Edge reported next to usable (partial) data. */
  errors: EdgeGraphqlError[];
}

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

/** Root fields Edge nulled because of an error: the caller's data is missing, not empty. */
function nulledRoots(data: Record<string, unknown>, errors: readonly EdgeGraphqlError[]): string[] {
  return errors
    .map((e) => e.path?.[0])
    .filter((root): root is string => typeof root === 'string' && data[root] === null);
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
      const envelope = edgeEnvelopeSchema.safeParse(response.json());
      if (!envelope.success) {
        throw new ConduitError('ADP_BAD_RESPONSE', `Experience Edge answered ${operation} with a body that is not a GraphQL response (adapter "${adapterName}").`, {
          hint: `Check that adapters.${adapterName}.url and adapters.${adapterName}.endpoint point at an Experience Edge GraphQL endpoint.`,
          cause: envelope.error,
        });
      }
      const errors = envelope.data.errors ?? [];
      const data = envelope.data.data;
      if (data === null || data === undefined || nulledRoots(data, errors).length > 0) {
        throw edgeErrorsToConduit(errors, context);
      }
      const parsed = schema.safeParse(data);
      if (!parsed.success) {
        if (errors.length > 0) throw edgeErrorsToConduit(errors, context);
        throw new ConduitError('ADP_BAD_RESPONSE', `Experience Edge answered ${operation} with data of an unexpected shape (adapter "${adapterName}").`, {
          hint: 'The Edge schema may have changed; check the adapter README for the supported schema.',
          details: { issues: parsed.error.issues.slice(0, 5).map((i) => ({ path: i.path.map(String).join('.'), message: i.message })) },
          cause: parsed.error,
        });
      }
      if (errors.length > 0) {
        logger.warn({ operation, errors: errors.slice(0, 5).map((e) => ({ message: e.message, path: e.path })) }, 'Experience Edge returned partial data with errors');
      }
      return { data: parsed.data, errors };
    },
  };
}
