import type { z } from 'zod';
import { ConduitError, type HttpResponse, type Logger } from '../../src/adapter-kit/index.ts';
import { edgeErrorsToConduit, type GraphqlApiLabels } from './edge-errors.ts';
import { edgeEnvelopeSchema, type EdgeGraphqlError } from './edge-response-schemas.ts';

export interface GraphqlResult<T> {
  data: T;
  /** Errors reported next to usable (partial) data. */
  errors: EdgeGraphqlError[];
}

export interface EnvelopeContext {
  adapterName: string;
  operation: string;
  credentialKey: string;
  /** Absent: Experience Edge wording. */
  labels?: GraphqlApiLabels;
  /** The config keys to check when the body is not GraphQL at all. */
  endpointKeys: string;
  logger: Logger;
}

/** Root fields nulled because of an error: the caller's data is missing, not empty. */
function nulledRoots(data: Record<string, unknown>, errors: readonly EdgeGraphqlError[]): string[] {
  return errors
    .map((e) => e.path?.[0])
    .filter((root): root is string => typeof root === 'string' && data[root] === null);
}

/** The raw GraphQL-over-HTTP envelope of a 200 answer, or ADP_BAD_RESPONSE. */
export function readEnvelope(response: HttpResponse, context: EnvelopeContext): z.infer<typeof edgeEnvelopeSchema> {
  const envelope = edgeEnvelopeSchema.safeParse(response.json());
  if (envelope.success) return envelope.data;
  const api = context.labels?.apiName ?? 'Experience Edge';
  throw new ConduitError('ADP_BAD_RESPONSE', `${api} answered ${context.operation} with a body that is not a GraphQL response (adapter "${context.adapterName}").`, {
    hint: `Check that ${context.endpointKeys} point at the right GraphQL endpoint.`,
    cause: envelope.error,
  });
}

/**
 * `errors[]` on HTTP 200 become coded errors unless the data the caller needs
 * is still there, in which case they are logged and returned with it.
 */
export function decodeEnvelope<T>(envelope: z.infer<typeof edgeEnvelopeSchema>, schema: z.ZodType<T>, context: EnvelopeContext): GraphqlResult<T> {
  const errors = envelope.errors ?? [];
  const data = envelope.data;
  const api = context.labels?.apiName ?? 'Experience Edge';
  if (data === null || data === undefined || nulledRoots(data, errors).length > 0) throw edgeErrorsToConduit(errors, context);
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    if (errors.length > 0) throw edgeErrorsToConduit(errors, context);
    throw new ConduitError('ADP_BAD_RESPONSE', `${api} answered ${context.operation} with data of an unexpected shape (adapter "${context.adapterName}").`, {
      hint: `The ${api} schema may have changed; check the adapter README for the supported schema.`,
      details: { issues: parsed.error.issues.slice(0, 5).map((i) => ({ path: i.path.map(String).join('.'), message: i.message })) },
      cause: parsed.error,
    });
  }
  if (errors.length > 0) {
    context.logger.warn({ operation: context.operation, errors: errors.slice(0, 5).map((e) => ({ message: e.message, path: e.path })) }, `${api} returned partial data with errors`);
  }
  return { data: parsed.data, errors };
}
