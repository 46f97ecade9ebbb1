import type { McpServer } from '@modelcontextprotocol/server';
import type { ToolListing } from '../tool-kit/tool-listing.ts';
import { registerConformanceContentTools } from './conformance-content-tools.ts';
import { registerConformanceInteractionTools } from './conformance-interaction-tools.ts';
import { registerConformanceMrtrTools } from './conformance-mrtr-tools.ts';
import { registerConformancePrompts } from './conformance-prompts.ts';
import { registerConformanceResources } from './conformance-resources.ts';
import type { ConformanceState } from './conformance-state.ts';

/**
 * Everything the official MCP conformance suites expect a server to offer:
 * `test_*` tools, `test://` resources and `test_*` prompts. Served only under
 * `conduit serve --conformance`; never part of a normal server.
 */
export function registerConformance(server: McpServer, listing: ToolListing, state: ConformanceState): void {
  registerConformanceContentTools(server, listing);
  registerConformanceInteractionTools(server, listing);
  registerConformanceMrtrTools(server, listing, state);
  registerConformanceResources(server);
  registerConformancePrompts(server);
}
