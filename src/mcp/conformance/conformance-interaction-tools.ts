import { z } from 'zod';
import type { McpServer, ServerContext } from '@modelcontextprotocol/server';
import type { ToolListing } from '../tool-kit/tool-listing.ts';
import { SEP1034_SCHEMA, SEP1330_SCHEMA, sleep } from './conformance-fixtures.ts';

const text = (value: string) => ({ content: [{ type: 'text' as const, text: value }] });
const failure = (what: string, error: unknown) => text(`${what} not supported or failed: ${error instanceof Error ? error.message : String(error)}`);

/**
 * The 2025-era server-to-client round trips the suite drives: sampling,
 * elicitation (with SEP-1034 defaults and SEP-1330 enums) and the SEP-1699
 * stream close. They need a sessionful connection (stdio, or the 2025
 * Streamable HTTP session transport).
 */
export function registerConformanceInteractionTools(server: McpServer, listing: ToolListing): void {
  listing.add('test_sampling', server.registerTool('test_sampling', {
    description: 'Asks the client to sample an LLM completion',
    inputSchema: z.object({ prompt: z.string().describe('The prompt to send to the LLM') }),
  }, async ({ prompt }, ctx) => {
    try {
      const result = await ctx.mcpReq.send({
        method: 'sampling/createMessage',
        params: { messages: [{ role: 'user', content: { type: 'text', text: prompt } }], maxTokens: 100 },
      });
      const reply = !Array.isArray(result.content) && result.content.type === 'text' ? result.content.text : 'No text response';
      return text(`LLM response: ${reply}`);
    } catch (error) {
      return failure('Sampling', error);
    }
  }));
  listing.add('test_elicitation', server.registerTool('test_elicitation', {
    description: 'Asks the client for user input',
    inputSchema: z.object({ message: z.string().describe('The message to show the user') }),
  }, ({ message }, ctx) => elicit(ctx, 'User response', {
    message,
    requestedSchema: { type: 'object', properties: { response: { type: 'string', description: "User's response" } }, required: ['response'] },
  })));
  listing.add('test_elicitation_sep1034_defaults', server.registerTool('test_elicitation_sep1034_defaults', {
    description: 'Elicitation with default values for every primitive type (SEP-1034)', inputSchema: z.object({}),
  }, (_args, ctx) => elicit(ctx, 'Elicitation completed', { message: 'Please review and update the form fields with defaults', requestedSchema: SEP1034_SCHEMA })));
  listing.add('test_elicitation_sep1330_enums', server.registerTool('test_elicitation_sep1330_enums', {
    description: 'Elicitation with every enum schema variant (SEP-1330)', inputSchema: z.object({}),
  }, (_args, ctx) => elicit(ctx, 'Elicitation completed', { message: 'Please select options from the enum fields', requestedSchema: SEP1330_SCHEMA })));
  listing.add('test_reconnection', server.registerTool('test_reconnection', {
    description: 'Closes its SSE stream mid-call; the result arrives after the client reconnects (SEP-1699)', inputSchema: z.object({}),
  }, async (_args, ctx) => {
    ctx.http?.closeSSE?.();
    await sleep(100);
    return text('Reconnection test completed successfully. If you received this, the client properly reconnected after stream closure.');
  }));
}

async function elicit(ctx: ServerContext, label: string, params: Record<string, unknown>) {
  try {
    const result = await ctx.mcpReq.send({ method: 'elicitation/create', params });
    return text(`${label}: action=${result.action}, content=${JSON.stringify(result.content ?? {})}`);
  } catch (error) {
    return failure('Elicitation', error);
  }
}
