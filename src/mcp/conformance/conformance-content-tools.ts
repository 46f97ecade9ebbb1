import { z } from 'zod';
import { fromJsonSchema, type McpServer } from '@modelcontextprotocol/server';
import type { ToolListing } from '../tool-kit/tool-listing.ts';
import { JSON_SCHEMA_2020_12, TEST_AUDIO_WAV_BASE64, TEST_IMAGE_PNG_BASE64, sleep } from './conformance-fixtures.ts';

const noArgs = z.object({});
const jsonSchema2020 = fromJsonSchema(JSON_SCHEMA_2020_12);
// SEP-2243: `region` is mirrored in an Mcp-Param-Region header, which the SDK checks against the body.
const regionParam = { type: 'string', description: 'A region name', 'x-mcp-header': 'Region' } as const;
const customHeaders = fromJsonSchema({ type: 'object', properties: { region: regionParam, query: { type: 'string' } }, required: ['region'] });

/** The conformance suite's content-shape tools: text, image, audio, embedded resources, errors, logging, progress. */
export function registerConformanceContentTools(server: McpServer, listing: ToolListing): void {
  const text = (value: string) => ({ content: [{ type: 'text' as const, text: value }] });
  listing.add('test_simple_text', server.registerTool('test_simple_text', { description: 'Returns simple text content' },
    () => text('This is a simple text response for testing.')));
  listing.add('test_image_content', server.registerTool('test_image_content', { description: 'Returns image content' },
    () => ({ content: [{ type: 'image', data: TEST_IMAGE_PNG_BASE64, mimeType: 'image/png' }] })));
  listing.add('test_audio_content', server.registerTool('test_audio_content', { description: 'Returns audio content' },
    () => ({ content: [{ type: 'audio', data: TEST_AUDIO_WAV_BASE64, mimeType: 'audio/wav' }] })));
  listing.add('test_embedded_resource', server.registerTool('test_embedded_resource', { description: 'Returns an embedded resource' },
    () => ({ content: [{ type: 'resource', resource: { uri: 'test://embedded-resource', mimeType: 'text/plain', text: 'This is an embedded resource content.' } }] })));
  listing.add('test_multiple_content_types', server.registerTool('test_multiple_content_types', { description: 'Returns text, image and resource content' },
    () => ({
      content: [
        { type: 'text', text: 'Multiple content types test:' },
        { type: 'image', data: TEST_IMAGE_PNG_BASE64, mimeType: 'image/png' },
        { type: 'resource', resource: { uri: 'test://mixed-content-resource', mimeType: 'application/json', text: JSON.stringify({ test: 'data', value: 123 }) } },
      ],
    })));
  listing.add('test_error_handling', server.registerTool('test_error_handling', { description: 'Always fails' },
    () => ({ isError: true, content: [{ type: 'text', text: 'This tool intentionally returns an error for testing' }] })));
  listing.add('test_tool_with_logging', server.registerTool('test_tool_with_logging', { description: 'Sends three log messages while it runs', inputSchema: noArgs },
    async (_args, ctx) => {
      for (const [i, message] of ['Tool execution started', 'Tool processing data', 'Tool execution completed'].entries()) {
        if (i > 0) await sleep(50);
        await ctx.mcpReq.notify({ method: 'notifications/message', params: { level: 'info', data: message } });
      }
      return text('Tool with logging executed successfully');
    }));
  listing.add('test_tool_with_progress', server.registerTool('test_tool_with_progress', { description: 'Reports progress 0, 50, 100 of 100', inputSchema: noArgs },
    async (_args, ctx) => {
      const progressToken = ctx.mcpReq._meta?.progressToken;
      for (const progress of [0, 50, 100]) {
        if (progress > 0) await sleep(50);
        if (progressToken !== undefined) {
          await ctx.mcpReq.notify({ method: 'notifications/progress', params: { progressToken, progress, total: 100, message: `Completed step ${progress} of 100` } });
        }
      }
      return text(String(progressToken ?? 'no progress token'));
    }));
  listing.add('json_schema_2020_12_tool', server.registerTool('json_schema_2020_12_tool',
    { description: 'Tool with JSON Schema 2020-12 features', inputSchema: jsonSchema2020 },
    (args) => text(`JSON Schema 2020-12 tool called with: ${JSON.stringify(args)}`)));
  listing.add('test_custom_headers', server.registerTool('test_custom_headers',
    { description: 'Takes a region that clients also send as the Mcp-Param-Region header (SEP-2243)', inputSchema: customHeaders },
    (args) => text(`Custom headers tool called with: ${JSON.stringify(args)}`)));
}
