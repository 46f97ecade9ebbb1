// Real clients against a real Conduit server: the SDK v1 client (2025 era) and
// the SDK v2 client (2026-07-28) over stdio and Streamable HTTP, and the v1
// client over the legacy HTTP+SSE transport.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { z } from 'zod';
import { Client as ClientV1 } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport as StdioV1 } from '@modelcontextprotocol/sdk/client/stdio.js';
import { SSEClientTransport as SseV1 } from '@modelcontextprotocol/sdk/client/sse.js';
import { Client as ClientV2, StreamableHTTPClientTransport as HttpV2 } from '@modelcontextprotocol/client';
import { StdioClientTransport as StdioV2 } from '@modelcontextprotocol/client/stdio';
import { startHttpServer } from '../../src/mcp/index.ts';
import { createMemoryAdapter } from '../../src/mcp/test-support/memory-adapter.ts';
import { createTestApp } from '../../src/mcp/test-support/test-app.ts';
import { packageRoot } from '../../src/package-info.ts';
import { samplingSessionRoundTrip } from '../support/sampling-session.ts';

const STDIO_SERVER = join(packageRoot(), 'test/mcp/fixtures/stdio-server.ts');
const MODERN = { versionNegotiation: { mode: { pin: '2026-07-28' } } } as const;
const listShape = z.object({ adapter: z.literal('cms'), items: z.array(z.object({ id: z.string() }).loose()) }).loose();

interface AnyClient {
  listTools(): Promise<{ tools: Array<{ name: string }> }>;
  callTool(params: { name: string; arguments?: Record<string, unknown> }): Promise<unknown>;
}

/** Lists the tools and calls two of them; the same checks for every client and transport. */
async function exercise(client: AnyClient): Promise<void> {
  const names = (await client.listTools()).tools.map((t) => t.name);
  assert.ok(names.includes('content_list') && names.includes('health_check'), names.join(', '));
  const listed = z.object({ structuredContent: listShape }).loose().parse(await client.callTool({ name: 'content_list', arguments: { limit: 5 } }));
  assert.equal(listed.structuredContent.items.length, 5);
  const health = z.object({ structuredContent: z.object({ ok: z.literal(true) }).loose() }).loose().parse(await client.callTool({ name: 'health_check', arguments: {} }));
  assert.equal(health.structuredContent.ok, true);
}

async function httpServer() {
  const app = createTestApp({ adapters: { cms: createMemoryAdapter({ items: 25 }) } });
  return startHttpServer({ app, host: '127.0.0.1', port: 0, conformance: true });
}

void test('SDK v1 client (2025) over stdio', async () => {
  const client = new ClientV1({ name: 'v1', version: '1.0.0' });
  await client.connect(new StdioV1({ command: process.execPath, args: [STDIO_SERVER], stderr: 'inherit' }));
  await exercise(client);
  // The v1 client checks structuredContent against the output schema even on errors: the error shape must pass.
  const missing = z.object({ isError: z.literal(true), structuredContent: z.object({ error: z.object({ code: z.literal('ADP_NOT_FOUND') }).loose() }) }).loose()
    .parse(await client.callTool({ name: 'content_get', arguments: { id: 'nope' } }));
  assert.equal(missing.structuredContent.error.code, 'ADP_NOT_FOUND');
  await client.close();
});

void test('stdio: stdout carries only MCP messages, and the server exits when stdin closes', async (t) => {
  const child = spawn(process.execPath, [STDIO_SERVER], { stdio: ['pipe', 'pipe', 'inherit'] });
  // A failed assertion must not leave the server running (it would hold the test file open).
  t.after(() => { if (child.exitCode === null) child.kill('SIGKILL'); });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => { out += chunk.toString(); });
  const send = (message: object): void => { child.stdin.write(`${JSON.stringify(message)}\n`); };
  send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } });
  send({ jsonrpc: '2.0', method: 'notifications/initialized' });
  send({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'content_list', arguments: { limit: 2 } } });
  // Up to 20 s: on a loaded CI host the first call may wait for the adapter's first login.
  for (let i = 0; i < 400 && out.split('\n').filter(Boolean).length < 2; i++) await new Promise((r) => { setTimeout(r, 50); });
  const lines = out.split('\n').filter(Boolean);
  assert.equal(lines.length, 2);
  for (const line of lines) assert.equal(z.object({ jsonrpc: z.literal('2.0'), id: z.number() }).loose().parse(JSON.parse(line)).jsonrpc, '2.0');
  child.stdin.end();
  const exited = once(child, 'exit');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
  const [code] = await exited;
  clearTimeout(timer);
  assert.equal(code, 0, 'exited by itself when stdin closed');
});

void test('SDK v2 client (2026-07-28) over stdio', async () => {
  const client = new ClientV2({ name: 'v2', version: '1.0.0' }, MODERN);
  await client.connect(new StdioV2({ command: process.execPath, args: [STDIO_SERVER], stderr: 'inherit' }));
  assert.equal(client.getNegotiatedProtocolVersion(), '2026-07-28');
  await exercise(client);
  await client.close();
});

void test('SDK v1 client (2025) over Streamable HTTP, with a sampling round trip on its session', async () => {
  const server = await httpServer();
  await samplingSessionRoundTrip(`${server.url}/mcp`, exercise);
  await server.close();
});

void test('SDK v2 client (2026-07-28) over Streamable HTTP', async () => {
  const server = await httpServer();
  const client = new ClientV2({ name: 'v2', version: '1.0.0' }, MODERN);
  await client.connect(new HttpV2(new URL(`${server.url}/mcp`)));
  assert.equal(client.getNegotiatedProtocolVersion(), '2026-07-28');
  await exercise(client);
  await client.close();
  await server.close();
});

void test('SDK v1 client over the legacy HTTP+SSE transport', async () => {
  const server = await httpServer();
  const client = new ClientV1({ name: 'v1-sse', version: '1.0.0' });
  await client.connect(new SseV1(new URL(`${server.url}/sse`)));
  await exercise(client);
  await client.close();
  await server.close();
});
