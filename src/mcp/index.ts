// The MCP layer's public surface: what the CLI and the docs generator need. Nothing else is exported.
export { buildServer, type BuiltServer, type McpContext } from './build-server.ts';
export { startHttpServer, type HttpServerHandle, type HttpServerOptions } from './transports/http-server.ts';
export type { StatefulTraffic } from './transports/session-proxy.ts';
export { serveStdioForApp, type StdioHandle, type StdioOptions } from './transports/stdio-server.ts';
export { TOOLS } from './tools/index.ts';
export type { ToolDefinition } from './tool-kit/define-tool.ts';
