import type { McpServer, ServerContext } from '@modelcontextprotocol/server';
import type { Capability } from '../../adapter-kit/adapter-types.ts';
import type { App } from '../../app-types.ts';
import { ConduitError, isConduitError } from '../../core/conduit-error.ts';
import { isWriteTool, type ToolCall, type ToolDefinition, type ToolDeps, type ToolRequest } from './define-tool.ts';
import { advertiseOnly, jsonSchemaOf } from './json-schema-cache.ts';
import type { InputShape } from './tool-input.ts';
import type { ToolListing } from './tool-listing.ts';
import { errorResult, okResult } from './tool-result.ts';

export interface ToolAvailability {
  tool: ToolDefinition;
  /** Why the tool is hidden and refused; undefined when it is offered. */
  refusal?: ConduitError;
}

/**
 * Decides which tools this configuration offers. A hidden tool is still
 * answered, with the reason: TOOL_READ_ONLY for writes in read-only mode,
 * TOOL_UNAVAILABLE for a disabled toolset, an excluded tool, or a capability
 * no configured adapter has. An adapter that failed to load still counts as
 * able to read, so its read tools show and report ADP_LOAD_FAILED.
 */
export function toolAvailability(tools: readonly ToolDefinition[], app: App): ToolAvailability[] {
  const { readOnly, toolsets, excludeTools } = app.config.mcp;
  const adapters = app.content.adapters();
  const has = (cap: Capability): boolean => adapters.some((a) => a.capabilities.includes(cap) || (!a.loaded && cap === 'read'));
  return tools.map((tool) => {
    if (!toolsets.includes(tool.toolset)) return { tool, refusal: unavailable(tool, `the "${tool.toolset}" toolset is not enabled (mcp.toolsets)`) };
    if (excludeTools.includes(tool.name)) return { tool, refusal: unavailable(tool, 'it is listed in mcp.excludeTools') };
    if (tool.requires && !has(tool.requires)) return { tool, refusal: unavailable(tool, `no configured adapter supports "${tool.requires}"`) };
    if (readOnly && isWriteTool(tool)) {
      return { tool, refusal: new ConduitError('TOOL_READ_ONLY', `${tool.name} changes content and Conduit runs in read-only mode.`) };
    }
    return { tool };
  });
}

function unavailable(tool: ToolDefinition, why: string): ConduitError {
  return new ConduitError('TOOL_UNAVAILABLE', `${tool.name} is not available: ${why}.`);
}

/** The input-schema variant this configuration needs (see InputShape). */
export function inputShapeFor(app: App): InputShape {
  const adapters = app.content.adapters();
  return { adapterRequired: adapters.length > 1, paths: adapters.some((a) => a.hasPaths) };
}

/** Registers Conduit's tools on one server instance; handlers are built from `deps` here, per instance. */
export function registerTools(server: McpServer, available: readonly ToolAvailability[], deps: ToolDeps, listing: ToolListing): void {
  const shape = inputShapeFor(deps.app);
  for (const { tool, refusal } of available) {
    const execute = tool.executor(deps, shape);
    const call = toolCall(deps.app, tool.name);
    const registered = server.registerTool(tool.name, {
      title: tool.title,
      description: tool.description,
      inputSchema: advertiseOnly(tool.inputSchema(shape)),
      outputSchema: tool.outputSchema,
      annotations: { title: tool.title, ...tool.annotations },
    }, async (args: unknown, ctx: ServerContext) => {
      if (refusal) return errorResult(refusal);
      try {
        return okResult(await execute(args, { ...call, request: toolRequest(ctx) }));
      } catch (error) {
        // Errors from inside app.calls.run arrive as ConduitErrors, already logged; anything else is a bug here.
        if (!isConduitError(error)) deps.app.logger.error({ err: error, tool: tool.name }, 'tool failed outside its call');
        return errorResult(error);
      }
    });
    // The SDK converts the output schema to JSON Schema on the first tools/call of each server
    // instance; servers are per request, so hand it the process-wide conversion instead.
    if (tool.outputSchema) registered.outputSchemaJson = jsonSchemaOf(tool.outputSchema, 'output');
    listing.add(tool.name, registered, refusal === undefined);
  }
}

/** The MCP request a handler answers: its cancellation signal, and progress notifications when the client sent a progress token. */
function toolRequest(ctx: ServerContext): ToolRequest {
  const token = ctx.mcpReq._meta?.progressToken;
  if (token === undefined) return { signal: ctx.mcpReq.signal };
  return {
    signal: ctx.mcpReq.signal,
    progress: (update) => ctx.mcpReq.notify({ method: 'notifications/progress', params: { progressToken: token, ...update } }),
  };
}

function toolCall(app: App, tool: string): ToolCall {
  return {
    run(adapter, fn) {
      const only = app.content.adapters();
      const limitKey = adapter ?? (only.length === 1 ? only[0]?.name : undefined);
      return app.calls.run({ tool, ...(limitKey === undefined ? {} : { adapter: limitKey }) }, (ctx) => fn(app.content.resolveAdapter(adapter), ctx));
    },
  };
}
