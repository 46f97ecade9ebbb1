import { createMcpHandler, isJsonContentType, isLegacyRequest, type McpRequestContext, type ServerNotifier } from '@modelcontextprotocol/server';
import { toNodeHandler, type NodeMcpRequestHandler } from '@modelcontextprotocol/node';
import { buildServer, type McpContext } from '../build-server.ts';
import { LegacySessions } from './legacy-sessions.ts';

export interface McpEndpoint {
  handle: NodeMcpRequestHandler;
  close(): Promise<void>;
}

/**
 * The /mcp endpoint. The SDK's classifier (`isLegacyRequest`) sends 2025-era
 * traffic (an initialize handshake, session requests) to the session-based
 * transport, and 2026-07-28 per-request traffic to the SDK's stateless
 * handler, which refuses anything legacy on its own leg. Both legs build
 * their servers from the same factory.
 */
export function createMcpEndpoint(ctx: McpContext, maxBodyBytes: number, onerror: (error: Error) => void): McpEndpoint {
  const notifier: { current?: ServerNotifier } = {};
  const modern = createMcpHandler(
    (request) => buildServer(ctx, { ...(notifier.current ? { notify: notifier.current } : {}), ...singleToolCall(request) }).server,
    { legacy: 'reject', maxRequestBodySize: maxBodyBytes, onerror },
  );
  notifier.current = modern.notify;
  const legacy = new LegacySessions({ factory: () => buildServer(ctx), maxBodyBytes, onerror });
  const route = async (request: Request): Promise<Response> => {
    if (request.method === 'POST' && !isJsonContentType(request.headers.get('content-type'))) {
      return Response.json({ jsonrpc: '2.0', error: { code: -32000, message: 'Unsupported Media Type: POST bodies must be application/json.' }, id: null }, { status: 415 });
    }
    // Fast path: a 2026-era request names its revision in a header and has no session, so it can skip
    // the SDK classifier, which clones and parses the body once more before the handler parses it again.
    if (isModernByHeaders(request)) return modern.fetch(request);
    return (await isLegacyRequest(request, undefined, { maxRequestBodySize: maxBodyBytes })) ? legacy.handle(request) : modern.fetch(request);
  };
  return {
    handle: toNodeHandler({ fetch: route }, { maxRequestBodySize: maxBodyBytes, onerror }),
    async close() {
      await Promise.allSettled([modern.close(), legacy.close()]);
    },
  };
}

/** Protocol revisions served statelessly (2026-07-28 and later share the per-request envelope). */
function isModernByHeaders(request: Request): boolean {
  if (request.method !== 'POST' || request.headers.has('mcp-session-id')) return false;
  const version = request.headers.get('mcp-protocol-version');
  return version !== null && /^\d{4}-\d{2}-\d{2}$/.test(version) && version >= '2026-07-28';
}

/** A stateless request that is a single tools/call names its tool in the Mcp-Name header. */
function singleToolCall(request: McpRequestContext): { onlyTool?: string } {
  const headers = request.requestInfo?.headers;
  if (request.era !== 'modern' || headers?.get('mcp-method') !== 'tools/call') return {};
  const name = headers.get('mcp-name');
  return name ? { onlyTool: name } : {};
}
