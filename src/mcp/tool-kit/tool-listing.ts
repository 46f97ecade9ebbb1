import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ProtocolError, ProtocolErrorCode } from '@modelcontextprotocol/server';
import type { McpServer, RegisteredTool, StandardSchemaWithJSON, Tool } from '@modelcontextprotocol/server';
import { jsonSchemaOf } from './json-schema-cache.ts';

/** Default tools/list page: big enough that a typical client sees every tool on the first page. */
export const DEFAULT_TOOLS_PAGE_SIZE = 100;

const EMPTY_OBJECT_SCHEMA: Tool['inputSchema'] = { type: 'object', properties: {} };
const cursorSchema = z.strictObject({ o: z.number().int().nonnegative(), f: z.string() });

interface Entry {
  name: string;
  tool: RegisteredTool;
  listed: boolean;
}

/**
 * The server's tools in registration order, and a paginated `tools/list`
 * (the SDK answers tools/list in one page). Hidden tools stay registered so a
 * call to one gets a clear refusal (TOOL_READ_ONLY, TOOL_UNAVAILABLE) rather
 * than "unknown tool".
 */
export class ToolListing {
  private readonly entries: Entry[] = [];
  private readonly pageSize: number;

  constructor(pageSize = DEFAULT_TOOLS_PAGE_SIZE) {
    if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`tools/list page size must be a positive integer, got ${pageSize}`);
    this.pageSize = pageSize;
  }

  add(name: string, tool: RegisteredTool, listed = true): RegisteredTool {
    this.entries.push({ name, tool, listed });
    return tool;
  }

  /** Replaces the SDK's tools/list handler with the paginated one. Call after registering every tool. */
  install(server: McpServer): void {
    if (this.entries.length === 0) return;
    server.server.setRequestHandler('tools/list', (request) => this.page(request.params?.cursor));
  }

  page(cursor: string | undefined): { tools: Tool[]; nextCursor?: string } {
    const visible = this.entries.filter((e) => e.listed && e.tool.enabled);
    const fingerprint = createHash('sha256').update(visible.map((e) => e.name).join('\n')).digest('base64url').slice(0, 12);
    const offset = cursor === undefined ? 0 : readCursor(cursor, fingerprint);
    const slice = visible.slice(offset, offset + this.pageSize);
    const next = offset + slice.length;
    return {
      tools: slice.map((e) => describe(e)),
      ...(next < visible.length ? { nextCursor: Buffer.from(JSON.stringify({ o: next, f: fingerprint })).toString('base64url') } : {}),
    };
  }
}

function readCursor(cursor: string, fingerprint: string): number {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch (error) {
    throw new ProtocolError(ProtocolErrorCode.InvalidParams, 'Invalid tools/list cursor: it does not decode; start again without a cursor.', { cause: String(error) });
  }
  const state = cursorSchema.safeParse(parsed);
  if (!state.success) throw new ProtocolError(ProtocolErrorCode.InvalidParams, 'Invalid tools/list cursor; start again without a cursor.');
  if (state.data.f !== fingerprint) {
    throw new ProtocolError(ProtocolErrorCode.InvalidParams, 'The tool list changed since this tools/list cursor was issued; start again without a cursor.');
  }
  return state.data.o;
}

function describe({ name, tool }: Entry): Tool {
  return {
    name,
    ...(tool.title === undefined ? {} : { title: tool.title }),
    ...(tool.description === undefined ? {} : { description: tool.description }),
    inputSchema: tool.inputSchema ? toolSchemaJson(tool.inputSchema, 'input') : EMPTY_OBJECT_SCHEMA,
    ...(tool.outputSchema ? { outputSchema: toolSchemaJson(tool.outputSchema, 'output') } : {}),
    ...(tool.annotations ? { annotations: tool.annotations } : {}),
    ...(tool.icons ? { icons: tool.icons } : {}),
    ...(tool.execution ? { execution: tool.execution } : {}),
    ...(tool._meta ? { _meta: tool._meta } : {}),
  };
}

function toolSchemaJson(schema: StandardSchemaWithJSON, io: 'input' | 'output'): Tool['inputSchema'] {
  const json = jsonSchemaOf(schema, io);
  return { ...json, type: 'object' };
}
