// Bad tool arguments, end to end: every tool the real `conduit serve --http` lists (content, media, schema,
// ops and X-Ray, against the Sitecore XP simulator) is called with arguments built from its own input
// schema to be wrong: an unknown key, each argument with the wrong type, each argument null, each string
// argument 100,000 characters long. Each must be refused with TOOL_INVALID_ARGS naming the argument, in a
// short message (a runaway value is never echoed back). Then raw 2026-07-28 POSTs that no client library would
// send: a JSON-RPC error or a coded tool error, never a 5xx. Never INTERNAL or a stack trace; nothing written to
// the CMS or the scan store; and the server still answers afterwards.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ERROR_CODES } from '../../src/core/error-catalogue.ts';
import { startSimulatorAndServer, type SimulatorAndServer } from '../support/spawn-serve.ts';

interface JsonSchema { type?: string | string[]; properties?: Record<string, JsonSchema>; enum?: unknown[] }
interface BadCall { label: string; args: Record<string, unknown>; names: string }

const toolError = z.object({
  isError: z.literal(true),
  content: z.array(z.object({ type: z.literal('text'), text: z.string() }).loose()).min(1),
  structuredContent: z.object({ error: z.object({ code: z.string(), message: z.string(), hint: z.string(), retryable: z.boolean() }) }),
}).loose();
const WRITE_ROUTES = ['create', 'update', 'delete'];
const LONG = 'x'.repeat(100_000);

let fixture: SimulatorAndServer;
let client: Client;

before(async () => {
  fixture = await startSimulatorAndServer(300);
  client = new Client({ name: 'bad-arguments', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(`${fixture.http.url}/mcp`)));
});

after(async () => {
  await client.close();
  await fixture.stop();
});

/** A value of another JSON type than the schema allows. */
function wrongTypeFor(schema: JsonSchema): unknown {
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'string' || schema.enum !== undefined) return 12345;
  if (type === 'number' || type === 'integer') return 'many';
  if (type === 'boolean') return 'yes';
  if (type === 'array') return 'one';
  return ['an', 'array'];
}

function badCalls(schema: JsonSchema): BadCall[] {
  const calls: BadCall[] = [{ label: 'an unknown argument', args: { notAnArgument: true }, names: 'notAnArgument' }];
  for (const [name, prop] of Object.entries(schema.properties ?? {})) {
    calls.push({ label: `${name} of the wrong type`, args: { [name]: wrongTypeFor(prop) }, names: name });
    calls.push({ label: `${name} null`, args: { [name]: null }, names: name });
    if (prop.type === 'string' && prop.enum === undefined) calls.push({ label: `${name} 100,000 characters long`, args: { [name]: LONG }, names: name });
  }
  return calls;
}

/** What a caller may get back for bad input: a short, coded error from the catalogue, never INTERNAL, never a stack. */
function assertCodedError(result: unknown, where: string): { code: string; message: string } {
  const parsed = toolError.parse(result);
  const { code, message, hint } = parsed.structuredContent.error;
  assert.ok((ERROR_CODES as readonly string[]).includes(code), `${where}: ${code} is not in the error catalogue`);
  assert.notEqual(code, 'INTERNAL', `${where}: bad input reported as a bug: ${message}`);
  assert.ok(hint.length > 0, `${where}: no hint`);
  const text = parsed.content.map((c) => c.text).join('\n');
  assert.match(text, new RegExp(`^\\[${code}\\] `), `${where}: text does not start with [${code}]`);
  assert.doesNotMatch(text, /\n\s+at .+:\d+:\d+/, `${where}: a stack trace reached the caller`);
  assert.ok(text.length < 2_000, `${where}: a ${text.length}-character error`);
  return { code, message };
}

void test('every tool answers wrongly typed, null, unknown and oversized arguments with a coded error and writes nothing', async (t) => {
  const { tools } = await client.listTools();
  assert.ok(tools.length >= 15, `only ${tools.length} tools listed`);
  const scansBefore = await client.callTool({ name: 'xray_list', arguments: {} });
  const codes = new Map<string, number>();
  let calls = 0;
  for (const tool of tools) {
    for (const bad of badCalls(tool.inputSchema as JsonSchema)) {
      const where = `${tool.name} with ${bad.label}`;
      const { code, message } = assertCodedError(await client.callTool({ name: tool.name, arguments: bad.args }), where);
      calls += 1;
      assert.equal(code, 'TOOL_INVALID_ARGS', where);
      assert.ok(message.includes(bad.names), `${where}: the message does not name ${bad.names}: ${message}`);
      codes.set(code, (codes.get(code) ?? 0) + 1);
    }
  }
  t.diagnostic(`${calls} bad calls over ${tools.length} tools: ${[...codes].map(([c, n]) => `${c} ×${n}`).join(', ')}`);

  const writes = WRITE_ROUTES.map((route) => fixture.sim.stats().byRoute[route] ?? 0);
  assert.deepEqual(writes, [0, 0, 0], 'a bad call reached a CMS write');
  assert.deepEqual((await client.callTool({ name: 'xray_list', arguments: {} })).structuredContent, scansBefore.structuredContent, 'a bad call started a scan');
  const health = await client.callTool({ name: 'health_check', arguments: {} });
  assert.equal(health.isError, undefined);
  assert.equal(fixture.http.child.exitCode, null, 'the server process ended');
});

/** A 2026-07-28 tools/call as raw JSON-RPC, shaped the way no client library would shape it. */
async function rawCall(params: unknown): Promise<{ status: number; body: unknown }> {
  const name = typeof params === 'object' && params !== null && typeof Reflect.get(params, 'name') === 'string' ? String(Reflect.get(params, 'name')) : undefined;
  const meta = { 'io.modelcontextprotocol/protocolVersion': '2026-07-28', 'io.modelcontextprotocol/clientInfo': { name: 'raw', version: '1' }, 'io.modelcontextprotocol/clientCapabilities': {} };
  const withMeta = typeof params === 'object' && params !== null && !Array.isArray(params) ? { ...params, _meta: meta } : params;
  const response = await fetch(`${fixture.http.url}/mcp`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json', accept: 'application/json, text/event-stream', 'mcp-protocol-version': '2026-07-28',
      'mcp-method': 'tools/call', ...(name ? { 'mcp-name': name } : {}),
    },
    body: JSON.stringify({ jsonrpc: '2.0', id: 7, method: 'tools/call', params: withMeta }),
  });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text.startsWith('{') ? text : /^data: (.+)$/m.exec(text)?.[1] ?? 'null') };
}

void test('raw tools/call requests with malformed params get a JSON-RPC error or a coded tool error, never a 5xx', async (t) => {
  const deep: Record<string, unknown> = {};
  let cursor = deep;
  for (let i = 0; i < 2_000; i++) cursor = (cursor.next = {}) as Record<string, unknown>;
  const cases: Array<{ label: string; params: unknown }> = [
    { label: 'arguments as a string', params: { name: 'content_get', arguments: 'id=1' } },
    { label: 'arguments as an array', params: { name: 'content_list', arguments: [1, 2] } },
    { label: 'no tool name', params: { arguments: {} } },
    { label: 'a tool that does not exist', params: { name: 'content_explode', arguments: {} } },
    { label: 'params as an array', params: [1] },
    { label: 'arguments nested 2,000 deep', params: { name: 'content_search', arguments: { text: 'Home', deep } } },
    { label: 'a 900 KB search text', params: { name: 'content_search', arguments: { text: 'y'.repeat(900_000) } } },
  ];
  for (const c of cases) {
    const { status, body } = await rawCall(c.params);
    assert.ok(status < 500, `${c.label}: HTTP ${status}`);
    const rpc = z.object({ jsonrpc: z.literal('2.0'), error: z.object({ code: z.number(), message: z.string() }).optional(), result: z.unknown().optional() }).parse(body);
    if (rpc.error) {
      assert.doesNotMatch(rpc.error.message, /\n\s+at .+:\d+:\d+/, `${c.label}: a stack trace reached the caller`);
      t.diagnostic(`${c.label}: HTTP ${status}, JSON-RPC error ${rpc.error.code}`);
    } else {
      const result = z.object({ isError: z.boolean().optional() }).loose().parse(rpc.result);
      if (result.isError === true) t.diagnostic(`${c.label}: HTTP ${status}, ${assertCodedError(result, c.label).code}`);
      else t.diagnostic(`${c.label}: HTTP ${status}, a result`);
    }
  }
  const health = await fetch(`${fixture.http.url}/health`);
  assert.equal(health.status, 200);
  assert.equal(fixture.http.child.exitCode, null, 'the server process ended');
});

void test('resource URIs and prompt arguments that are malformed or oversized get a short invalid-params error', async () => {
  const rpcError = z.object({ code: z.number(), message: z.string() });
  const refused = async (label: string, call: () => Promise<unknown>): Promise<string> => {
    const error = rpcError.parse(await call().then(() => assert.fail(`${label}: accepted`), (e: unknown) => e));
    assert.equal(error.code, -32602, `${label}: ${error.message}`);
    assert.ok(error.message.length < 2_000, `${label}: a ${error.message.length}-character error`);
    assert.doesNotMatch(error.message, /\n\s+at .+:\d+:\d+/, `${label}: a stack trace reached the caller`);
    return error.message;
  };
  assert.match(await refused('a 100,000-character item id', () => client.readResource({ uri: `conduit://main/content/${LONG}` })), /\[TOOL_INVALID_ARGS\] The id .* at most 512/);
  assert.match(await refused('an id that is not percent-encoding', () => client.readResource({ uri: 'conduit://main/content/%ZZ' })), /\[TOOL_INVALID_ARGS\] .*percent-encoding/);
  assert.match(await refused('a 100,000-character type id', () => client.readResource({ uri: `conduit://main/types/${LONG}` })), /\[TOOL_INVALID_ARGS\]/);
  assert.match(await refused('a 5,000-character scan id', () => client.readResource({ uri: `conduit://xray/${'s'.repeat(5_000)}/report` })), /\[TOOL_INVALID_ARGS\]/);
  assert.match(await refused('an unknown adapter named at length', () => client.readResource({ uri: `conduit://${'a'.repeat(400)}/content/1` })), /\[ADP_UNKNOWN\] No adapter named "a{100}…" \(400 characters\)/);
  assert.match(await refused('a non-GUID id, 300 characters long', () => client.readResource({ uri: `conduit://main/content/${'q'.repeat(300)}` })), /\[TOOL_INVALID_ARGS\] "q{100}…" \(300 characters\) is not a Sitecore item id/);
  assert.match(await refused('a prompt with a 100,000-character id', () => client.getPrompt({ name: 'review_content_item', arguments: { id: LONG } })), /id/);
  assert.equal(fixture.http.child.exitCode, null, 'the server process ended');
});
