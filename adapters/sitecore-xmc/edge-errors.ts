import { ConduitError, type ErrorCode } from '../../src/adapter-kit/index.ts';
import type { EdgeGraphqlError } from './edge-response-schemas.ts';

/**
 * Experience Edge (and the Authoring and Management API) report GraphQL
 * problems with HTTP 200 and `errors[]` (reference §2.5). These map them to coded errors with a hint that names the
 * config key to look at. Upstream messages are kept (they name fields and
 * arguments, never secrets) but cut short.
 */
const AUTH = /\bAUTH_|unauthori[sz]ed|not authenticated|forbidden|api ?key|access denied/i;
const SCHEMA = /Cannot query field|Unknown (argument|type|fragment)|Unknown directive|is not defined by type|Syntax Error|Variable "\$|Expected type|was not provided|must not have a selection|must have a selection/i;
const LIMIT = /should not be greater than|too complex|complexity|entities|depth/i;
const INPUT = /NotSupportedField|Invalid cursor|cursor/i;
const NOT_FOUND = /\bwas not found\b|\bdoes not exist\b|\bcould not find\b/i;
const INVALID_NAME = /not a valid (item )?name|invalid (item )?name/i;
const VALIDATION_CODES = new Set(['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_USER_INPUT', 'INVALID_OPERATION']);

function extensionCode(error: EdgeGraphqlError): string {
  const code = error.extensions?.['code'];
  return typeof code === 'string' ? code : '';
}

function short(text: string): string {
  return text.length > 300 ? `${text.slice(0, 297)}...` : text;
}

interface Classified { code: ErrorCode; hint: string }

/**
 * Which API answered: Experience Edge (the default) or the Authoring and
 * Management API, whose errors classify the same way but name other config
 * keys and may also say that an item was not found.
 */
export interface GraphqlApiLabels {
  apiName: string;
  authHint: string;
  schemaHint: string;
  /** Also map "was not found" / invalid item names (mutations on the authoring API). */
  writeErrors?: boolean;
}

function edgeLabels(adapterName: string, credentialKey: string): GraphqlApiLabels {
  return {
    apiName: 'Experience Edge',
    authHint: `Check adapters.${adapterName}.credentials.${credentialKey} and that the key is valid for this Edge environment.`,
    schemaHint: `Experience Edge rejected Conduit's query: the endpoint may serve a different schema. Check adapters.${adapterName}.url and adapters.${adapterName}.endpoint (/api/graphql/v1 for delivery, /sitecore/api/graph/edge for CM preview).`,
  };
}

function classify(error: EdgeGraphqlError, adapterName: string, labels: GraphqlApiLabels): Classified {
  const text = `${error.message} ${extensionCode(error)}`;
  if (AUTH.test(text)) return { code: 'ADP_AUTH_FAILED', hint: labels.authHint };
  if (labels.writeErrors && NOT_FOUND.test(error.message)) {
    return { code: 'ADP_NOT_FOUND', hint: 'Check the item, parent or template id or path; it may have been deleted, or the automation client may not be allowed to read it.' };
  }
  if (labels.writeErrors && INVALID_NAME.test(error.message)) {
    return { code: 'ADP_REQUEST_REJECTED', hint: 'Sitecore item names must not contain \\ / : ? " < > | [ ] and must be at most 100 characters.' };
  }
  if (LIMIT.test(error.message)) {
    return { code: 'ADP_REQUEST_REJECTED', hint: `The query exceeded an Experience Edge limit (at most 1000 items per page, one tree level per query). Lower adapters.${adapterName}.pageSize.` };
  }
  if (INPUT.test(error.message)) {
    return { code: 'ADP_REQUEST_REJECTED', hint: 'Check the search field names (custom fields must not start with _) and pass cursors back unchanged, or start again without one.' };
  }
  if (SCHEMA.test(error.message) || VALIDATION_CODES.has(extensionCode(error))) return { code: 'ADP_REQUEST_REJECTED', hint: labels.schemaHint };
  return { code: 'ADP_BAD_RESPONSE', hint: `${labels.apiName} failed to execute the request; retry later, and check the Sitecore status page if it persists.` };
}

/** One ConduitError for the errors of a response whose data is unusable. */
export function edgeErrorsToConduit(
  errors: readonly EdgeGraphqlError[],
  context: { adapterName: string; operation: string; credentialKey: string; labels?: GraphqlApiLabels },
): ConduitError {
  const labels = context.labels ?? edgeLabels(context.adapterName, context.credentialKey);
  const [first] = errors;
  if (!first) return new ConduitError('ADP_BAD_RESPONSE', `${labels.apiName} returned no data for ${context.operation} (adapter "${context.adapterName}").`);
  const { code, hint } = classify(first, context.adapterName, labels);
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  return new ConduitError(code, `${labels.apiName} answered ${context.operation} with a GraphQL error: ${short(first.message)}${more} (adapter "${context.adapterName}").`, {
    hint,
    details: { operation: context.operation, errors: errors.slice(0, 5).map((e) => ({ message: short(e.message), path: e.path })) },
  });
}

/** HTTP 401/403 from Edge: the key is missing, wrong or for another environment. */
export function edgeAuthError(status: number, context: { adapterName: string; operation: string; credentialKey: string; endpoint: string }): ConduitError {
  return new ConduitError('ADP_AUTH_FAILED', `Experience Edge refused ${context.operation} at ${context.endpoint} with HTTP ${status} (adapter "${context.adapterName}").`, {
    hint: `Check adapters.${context.adapterName}.credentials.${context.credentialKey}: an Edge delivery token for /api/graphql/v1, or the ID of an item under /sitecore/system/Settings/Services/API Keys for CM preview.`,
    details: { status, operation: context.operation },
  });
}
