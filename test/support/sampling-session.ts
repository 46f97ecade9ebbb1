import assert from 'node:assert/strict';
import { z } from 'zod';
import { Client as ClientV1 } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport as HttpV1 } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { CreateMessageRequestSchema } from '@modelcontextprotocol/sdk/types.js';

const sampledShape = z.object({ content: z.array(z.object({ text: z.string() }).loose()) }).loose();

/**
 * A 2025-era client (SDK v1) on a Streamable HTTP session that answers sampling requests: runs `exercise`,
 * then a sampling round trip through the conformance tool `test_sampling` (the server's request travels on
 * the session's stream and its answer comes back as a POST), and ends the session.
 */
export async function samplingSessionRoundTrip(mcpUrl: string, exercise: (client: ClientV1) => Promise<void>): Promise<void> {
  const client = new ClientV1({ name: 'v1', version: '1.0.0' }, { capabilities: { sampling: {} } });
  client.setRequestHandler(CreateMessageRequestSchema, async () => ({
    role: 'assistant', model: 'test-model', content: { type: 'text', text: 'Paris' },
  }));
  const transport = new HttpV1(new URL(mcpUrl));
  await client.connect(transport);
  assert.ok(transport.sessionId, 'the 2025 client got a session');
  await exercise(client);
  const sampled = sampledShape.parse(await client.callTool({ name: 'test_sampling', arguments: { prompt: 'Capital of France?' } }));
  assert.equal(sampled.content[0]?.text, 'LLM response: Paris');
  await transport.terminateSession();
  await client.close();
}
