// The benchmark's baseline: a plain SDK v2 server built per request, answering a trivial tool over
// Streamable HTTP (2026-07-28, stateless). Its schema is built once at module level, as the SDK docs advise,
// so the baseline is the SDK's own best case rather than a strawman.
// With the argument `ceiling`: no MCP at all, node:http reading the body, parsing it and answering a canned
// tools/call result. Nothing that speaks MCP over node:http on this machine can be faster.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { z } from 'zod';
import { McpServer, createMcpHandler } from '@modelcontextprotocol/server';
import { toNodeHandler } from '@modelcontextprotocol/node';

const pingInput = z.object({ text: z.string().optional() });
const pingOutput = z.object({ echo: z.string() });

const handler = createMcpHandler(() => {
  const server = new McpServer({ name: 'baseline', version: '1.0.0' });
  server.registerTool('ping', { description: 'Echo', inputSchema: pingInput, outputSchema: pingOutput }, async (args) => {
    const echo = args.text ?? 'pong';
    return { content: [{ type: 'text', text: echo }], structuredContent: { echo } };
  });
  return server;
}, { legacy: 'reject' });

function ceiling(req: IncomingMessage, res: ServerResponse): void {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const id: unknown = Reflect.get(JSON.parse(Buffer.concat(chunks).toString()) as object, 'id');
    const body = JSON.stringify({ jsonrpc: '2.0', id, result: { content: [{ type: 'text', text: 'hi' }], structuredContent: { echo: 'hi' } } });
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
  });
}

const node = toNodeHandler(handler);
const http = createServer(process.argv[2] === 'ceiling' ? ceiling : (req, res) => { void node(req, res); });
http.listen(0, '127.0.0.1', () => {
  const address = http.address();
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` })}\n`);
});
process.on('SIGTERM', () => { http.closeAllConnections(); http.close(); process.exit(0); });
