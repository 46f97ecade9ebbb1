import { z } from 'zod';
import { acceptedContent, completable, inputRequired, type McpServer } from '@modelcontextprotocol/server';
import { TEST_IMAGE_PNG_BASE64 } from './conformance-fixtures.ts';

const withArgs = z.object({
  arg1: completable(z.string().describe('First test argument'), (value) => ['paris', 'park', 'party'].filter((v) => v.startsWith(value))),
  arg2: z.string().describe('Second test argument'),
});
const withResource = z.object({ resourceUri: z.string().describe('URI of the resource to embed') });

/** The suite's prompts, including one that needs input (SEP-2322). */
export function registerConformancePrompts(server: McpServer): void {
  server.registerPrompt('test_simple_prompt', { title: 'Simple prompt', description: 'A prompt without arguments' },
    () => ({ messages: [{ role: 'user', content: { type: 'text', text: 'This is a simple prompt for testing.' } }] }));
  server.registerPrompt('test_prompt_with_arguments', { title: 'Prompt with arguments', description: 'A prompt with two required arguments', argsSchema: withArgs },
    ({ arg1, arg2 }) => ({ messages: [{ role: 'user', content: { type: 'text', text: `Prompt with arguments: arg1='${arg1}', arg2='${arg2}'` } }] }));
  server.registerPrompt('test_prompt_with_embedded_resource', { title: 'Prompt with embedded resource', description: 'A prompt that embeds a resource', argsSchema: withResource },
    ({ resourceUri }) => ({
      messages: [
        { role: 'user', content: { type: 'resource', resource: { uri: resourceUri, mimeType: 'text/plain', text: 'Embedded resource content for testing.' } } },
        { role: 'user', content: { type: 'text', text: 'Please process the embedded resource above.' } },
      ],
    }));
  server.registerPrompt('test_prompt_with_image', { title: 'Prompt with image', description: 'A prompt with image content' },
    () => ({
      messages: [
        { role: 'user', content: { type: 'image', data: TEST_IMAGE_PNG_BASE64, mimeType: 'image/png' } },
        { role: 'user', content: { type: 'text', text: 'Please analyze the image above.' } },
      ],
    }));
  server.registerPrompt('test_input_required_result_prompt', { title: 'Prompt needing input', description: 'Asks for context before it can be built (SEP-2322)' },
    (ctx) => {
      const context = acceptedContent(ctx.mcpReq.inputResponses, 'user_context')?.['context'];
      if (typeof context !== 'string') {
        return inputRequired({ inputRequests: { user_context: inputRequired.elicit({
          message: 'What context should the prompt use?', requestedSchema: { type: 'object', properties: { context: { type: 'string' } }, required: ['context'] },
        }) } });
      }
      return { messages: [{ role: 'user', content: { type: 'text', text: `Use this context: ${context}` } }] };
    });
}
