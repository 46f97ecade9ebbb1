import { z } from 'zod';
import { Client } from '@modelcontextprotocol/client';
import { InMemoryTransport } from '@modelcontextprotocol/server';
import type { CallToolResult } from '@modelcontextprotocol/server';
import { buildServer, type McpContext } from '../build-server.ts';

export interface Connected {
  client: Client;
  /** Calls a tool and returns its result (tool errors come back as isError results). */
  call(name: string, args?: Record<string, unknown>): Promise<CallToolResult>;
  close(): Promise<void>;
}

/** A real SDK v2 client connected to a real Conduit server instance over the SDK's in-memory transport. */
export async function connectInMemory(ctx: McpContext): Promise<Connected> {
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const built = buildServer(ctx);
  await built.server.connect(serverSide);
  const client = new Client({ name: 'conduit-test', version: '1.0.0' });
  await client.connect(clientSide);
  return {
    client,
    call: (name, args = {}) => client.callTool({ name, arguments: args }),
    async close() {
      await client.close();
      await built.cleanup();
    },
  };
}

/** Runs `body` with a client connected to a fresh app's server; closes both afterwards. */
export async function withConnectedApp(makeApp: () => Promise<McpContext['app']>, body: (conn: Connected) => Promise<void>): Promise<void> {
  const app = await makeApp();
  const conn = await connectInMemory({ app });
  try {
    await body(conn);
  } finally {
    await conn.close();
    await app.close();
  }
}

/** The structured content of a result, as a plain record (fails the test when absent). */
export function structured(result: CallToolResult): Record<string, unknown> {
  const parsed = z.record(z.string(), z.unknown()).safeParse(result.structuredContent);
  if (!parsed.success) throw new Error(`no structuredContent in ${JSON.stringify(result)}`);
  return parsed.data;
}

export function textOf(result: CallToolResult): string {
  return result.content.map((c) => (c.type === 'text' ? c.text : '')).join('');
}
