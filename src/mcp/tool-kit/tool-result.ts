import { z } from 'zod';
import type { CallToolResult } from '@modelcontextprotocol/server';
import { toSafeError } from '../../core/conduit-error.ts';

/**
 * The `error` object of a failed tool call. Every tool's output schema admits
 * `{ error }` next to its success shape, because MCP clients (the v1 SDK
 * among them) validate `structuredContent` against the output schema even
 * when `isError` is set.
 */
export const toolErrorSchema = z.object({
  code: z.string().describe('Stable error code, e.g. ADP_NOT_FOUND (see TROUBLESHOOTING.md)'),
  message: z.string(),
  hint: z.string().describe('What to do about it'),
  retryable: z.boolean(),
  retryAfterSeconds: z.number().optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});

export const toolErrorOutputSchema = z.object({ error: toolErrorSchema });

export type ToolError = z.infer<typeof toolErrorSchema>;

/** A successful result: the structured value, and the same value as JSON text for clients that read only text. */
export function okResult(structured: Record<string, unknown>): CallToolResult {
  return { content: [{ type: 'text', text: JSON.stringify(structured) }], structuredContent: structured };
}

/**
 * A failed result: `[CODE] message` and a hint the agent can act on. Anything
 * that is not a ConduitError becomes INTERNAL with no stack and no message of
 * its own (it may carry a secret or a raw upstream body).
 */
export function errorResult(error: unknown): CallToolResult {
  const safe = toSafeError(error).toJSON();
  const structured: ToolError = {
    code: safe.code, message: safe.message, hint: safe.hint, retryable: safe.retryable,
    ...(safe.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: safe.retryAfterSeconds }),
    ...(safe.details === undefined ? {} : { details: safe.details }),
  };
  const retry = safe.retryAfterSeconds === undefined ? '' : ` (retry after ${safe.retryAfterSeconds}s)`;
  return {
    isError: true,
    content: [{ type: 'text', text: `[${safe.code}] ${safe.message}${retry}\nHint: ${safe.hint}` }],
    structuredContent: { error: structured },
  };
}
