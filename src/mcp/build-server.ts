import { McpServer, type ServerNotifier } from '@modelcontextprotocol/server';
import type { App } from '../app-types.ts';
import { conformanceCodec, type ConformanceState } from './conformance/conformance-state.ts';
import { registerConformance } from './conformance/register-conformance.ts';
import { registerPrompts } from './prompts/index.ts';
import { registerContentResources } from './resources/content-resources.ts';
import { registerXrayResources } from './tools/xray/xray-resources.ts';
import { TOOLS } from './tools/index.ts';
import { registerTools, toolAvailability } from './tool-kit/register-tools.ts';
import { responseBudget } from './tool-kit/response-budget.ts';
import { ToolListing } from './tool-kit/tool-listing.ts';

/** What every server instance is built from. */
export interface McpContext {
  app: App;
  /** Also serve the conformance suite's test_* fixtures (`conduit serve --conformance`). Never on by default. */
  conformance?: boolean;
  /** tools/list page size (default 100). */
  toolsPageSize?: number;
}

/** Per-instance extras a transport supplies. */
export interface BuildOptions {
  /** Publishes list-changed events to open 2026-07-28 subscriptions (the HTTP handler's notifier). */
  notify?: ServerNotifier;
  /**
   * A 2026-07-28 request that is one tools/call of this tool (its Mcp-Method and Mcp-Name headers):
   * the instance serves only that request, so it registers only that tool — the per-request
   * build is the largest cost of a stateless call.
   */
  onlyTool?: string;
}

export interface BuiltServer {
  server: McpServer;
  /** Releases what this instance holds; idempotent, and also run when the instance closes. */
  cleanup(): Promise<void>;
}

const INSTRUCTIONS = 'Conduit connects to enterprise CMSs (Sitecore first). Start with health_check to see the configured adapters. '
  + 'Read with content_list, content_get and content_search (results are paged: pass nextCursor back as cursor), '
  + 'inspect content types with schema_list and schema_get, and change content with content_create, content_update and content_delete '
  + 'when they are offered. Errors start with a [CODE] and carry a hint.';

/**
 * The one server factory for every era and transport. It builds a fresh
 * McpServer per session (stdio, 2025 HTTP sessions, legacy SSE) or per
 * request (2026-07-28 HTTP), never shared between clients. It is cheap: all
 * schemas are built once at module level, so an instance costs only the
 * registrations.
 */
export function buildServer(ctx: McpContext, options: BuildOptions = {}): BuiltServer {
  const { app } = ctx;
  const conformance = ctx.conformance === true ? conformanceState(options) : undefined;
  const server = new McpServer({ name: 'conduit', title: 'Conduit', version: app.version }, {
    capabilities: { logging: {} },
    instructions: INSTRUCTIONS,
    ...(conformance ? { requestState: { verify: (state: string, reqCtx) => conformance.codec.verify(state, reqCtx) } } : {}),
  });
  const budget = responseBudget(app.config.mcp.responseBudgetTokens);
  const listing = new ToolListing(ctx.toolsPageSize);
  const available = toolAvailability(TOOLS, app);
  const single = options.onlyTool === undefined || conformance ? undefined : available.filter((a) => a.tool.name === options.onlyTool);
  registerTools(server, single ?? available, { app, budget }, listing);
  if (!single) {
    registerContentResources(server, app, budget);
    registerXrayResources(server, app, budget);
    registerPrompts(server, app, budget);
  }
  if (conformance) registerConformance(server, listing, conformance);
  listing.install(server);
  let closed = false;
  const cleanup = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await server.close();
  };
  return { server, cleanup };
}

function conformanceState(options: BuildOptions): ConformanceState {
  return {
    codec: conformanceCodec(),
    listChanged(kind) {
      if (kind === 'tools') options.notify?.toolsChanged();
      else options.notify?.promptsChanged();
    },
  };
}
