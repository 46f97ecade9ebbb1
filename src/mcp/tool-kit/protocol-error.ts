import { ProtocolError, ProtocolErrorCode, ResourceNotFoundError } from '@modelcontextprotocol/server';
import { toSafeError } from '../../core/conduit-error.ts';

const CALLER_MISTAKES = new Set(['TOOL_INVALID_ARGS', 'TOOL_CURSOR_INVALID', 'ADP_UNKNOWN', 'ADP_AMBIGUOUS', 'ADP_CAPABILITY_MISSING']);

/**
 * The JSON-RPC error for a failed resource read or prompt (those have no
 * `isError` result). A missing item on a resource read is the SEP-2164
 * resource-not-found error carrying the URI; other failures keep Conduit's
 * code and hint in the message and in `data`, never a stack or a secret.
 */
export function protocolErrorFrom(error: unknown, uri?: string): ProtocolError {
  const safe = toSafeError(error);
  const message = `[${safe.code}] ${safe.message} Hint: ${safe.hint}`;
  if (uri !== undefined && safe.code === 'ADP_NOT_FOUND') return new ResourceNotFoundError(uri, message);
  const code = CALLER_MISTAKES.has(safe.code) ? ProtocolErrorCode.InvalidParams : ProtocolErrorCode.InternalError;
  return new ProtocolError(code, message, { code: safe.code, hint: safe.hint, retryable: safe.retryable });
}
