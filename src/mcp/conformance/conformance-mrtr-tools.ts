import { z } from 'zod';
import { acceptedContent, inputRequired, inputResponse } from '@modelcontextprotocol/server';
import type { CallToolResult, InputRequest, InputRequiredResult, McpServer, ServerContext } from '@modelcontextprotocol/server';
import type { ToolListing } from '../tool-kit/tool-listing.ts';
import type { ConformanceState } from './conformance-state.ts';

const noArgs = z.object({});
const text = (value: string): CallToolResult => ({ content: [{ type: 'text', text: value }] });
type Result = CallToolResult | InputRequiredResult;

const askName = (message: string): InputRequest => inputRequired.elicit({
  message, requestedSchema: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
});
const askConfirm = (): InputRequest => inputRequired.elicit({
  message: 'Please confirm', requestedSchema: { type: 'object', properties: { ok: { type: 'boolean' } }, required: ['ok'] },
});
const ask = (message: string, maxTokens: number): InputRequest => inputRequired.createMessage({
  messages: [{ role: 'user', content: { type: 'text', text: message } }], maxTokens,
});

/** The 2026-07-28 multi-round-trip (input_required) tools of the suite (SEP-2322, SEP-2575). */
export function registerConformanceMrtrTools(server: McpServer, listing: ToolListing, state: ConformanceState): void {
  const tool = (name: string, description: string, handler: (ctx: ServerContext) => Result | Promise<Result>): void => {
    listing.add(name, server.registerTool(name, { description, inputSchema: noArgs }, (_args, ctx) => handler(ctx)));
  };
  tool('test_input_required_result_elicitation', 'Asks for a name, then greets', (ctx) => {
    const name = acceptedContent(ctx.mcpReq.inputResponses, 'user_name')?.['name'];
    return typeof name === 'string' ? text(`Hello, ${name}!`) : inputRequired({ inputRequests: { user_name: askName('What is your name?') } });
  });
  tool('test_input_required_result_sampling', 'Asks the client LLM a question', (ctx) => {
    const answer = inputResponse(ctx.mcpReq.inputResponses, 'capital_question');
    if (answer.kind !== 'sampling') return inputRequired({ inputRequests: { capital_question: ask('What is the capital of France?', 100) } });
    const content = answer.result.content;
    return text(`The model answered: ${!Array.isArray(content) && content.type === 'text' ? content.text : JSON.stringify(content)}`);
  });
  tool('test_input_required_result_list_roots', 'Asks for the client roots', (ctx) => {
    const roots = inputResponse(ctx.mcpReq.inputResponses, 'client_roots');
    if (roots.kind !== 'roots') return inputRequired({ inputRequests: { client_roots: inputRequired.listRoots() } });
    return text(`Client roots: ${roots.roots.map((r) => r.uri).join(', ')}`);
  });
  tool('test_input_required_result_request_state', 'Round-trips integrity-protected requestState', (ctx) => confirmWithState(ctx, state, 'request_state'));
  tool('test_input_required_result_tampered_state', 'Rejects a tampered requestState', (ctx) => confirmWithState(ctx, state, 'tampered_state'));
  tool('test_input_required_result_multiple_inputs', 'Asks for elicitation, sampling and roots at once', async (ctx) => {
    const responses = ctx.mcpReq.inputResponses;
    const keys = ['user_name', 'greeting', 'client_roots'];
    const verified = ctx.mcpReq.requestState<{ flow: string }>();
    if (verified?.flow === 'multiple_inputs' && keys.every((k) => inputResponse(responses, k).kind !== 'missing')) return text('All inputs received');
    return inputRequired({
      inputRequests: { user_name: askName('What is your name?'), greeting: ask('Generate a greeting', 50), client_roots: inputRequired.listRoots() },
      requestState: await state.codec.mint({ flow: 'multiple_inputs', round: 1 }),
    });
  });
  tool('test_input_required_result_multi_round', 'Asks two questions in two rounds', (ctx) => multiRound(ctx, state));
  tool('test_input_required_result_capabilities', 'Asks only for inputs the client declared it can give', (ctx) => {
    const declared = declaredCapabilities(ctx);
    if (inputResponse(ctx.mcpReq.inputResponses, 'answer').kind !== 'missing') return text('Input received');
    const request = declared.sampling ? ask('Say hello', 20) : declared.elicitation ? askName('What is your name?') : undefined;
    return request ? inputRequired({ inputRequests: { answer: request } }) : text('The client declared no input capability');
  });
  tool('test_missing_capability', 'Needs sampling; rejected (-32021) when the client did not declare it', (ctx) => {
    if (inputResponse(ctx.mcpReq.inputResponses, 'completion').kind === 'sampling') return text('Sampling received');
    return inputRequired({ inputRequests: { completion: ask('Say hello', 20) } });
  });
  tool('test_streaming_elicitation', 'Answers with an input_required result, never an independent request', (ctx) => {
    const name = acceptedContent(ctx.mcpReq.inputResponses, 'user_name')?.['name'];
    return typeof name === 'string' ? text(`Hello, ${name}!`) : inputRequired({ inputRequests: { user_name: askName('What is your name?') } });
  });
  tool('test_logging_tool', 'Logs through the request; the SDK drops it unless the request set a log level', async (ctx) => {
    await ctx.mcpReq.log('info', 'test_logging_tool ran');
    return text('Logged');
  });
  tool('test_trigger_tool_change', 'Publishes a tools list-changed event', () => {
    state.listChanged('tools');
    return text('Tool list change published');
  });
  tool('test_trigger_prompt_change', 'Publishes a prompts list-changed event', () => {
    state.listChanged('prompts');
    return text('Prompt list change published');
  });
}

const envelopeSchema = z.looseObject({
  'io.modelcontextprotocol/clientCapabilities': z.looseObject({ sampling: z.unknown().optional(), elicitation: z.unknown().optional() }).optional(),
});

/** The client capabilities a 2026-07-28 request declares in its `_meta` envelope (external data: parsed). */
function declaredCapabilities(ctx: ServerContext): { sampling?: unknown; elicitation?: unknown } {
  const parsed = envelopeSchema.safeParse(ctx.mcpReq.envelope ?? {});
  return (parsed.success ? parsed.data['io.modelcontextprotocol/clientCapabilities'] : undefined) ?? {};
}

async function confirmWithState(ctx: ServerContext, state: ConformanceState, flow: string): Promise<Result> {
  const verified = ctx.mcpReq.requestState<{ flow: string }>();
  const confirm = acceptedContent(ctx.mcpReq.inputResponses, 'confirm');
  if (verified?.flow === flow && confirm !== undefined) return text(`state-ok: confirmed=${JSON.stringify(confirm['ok'])}`);
  return inputRequired({ inputRequests: { confirm: askConfirm() }, requestState: await state.codec.mint({ flow, round: 1 }) });
}

async function multiRound(ctx: ServerContext, state: ConformanceState): Promise<Result> {
  const verified = ctx.mcpReq.requestState<{ flow: string; round: number; name?: string }>();
  const responses = ctx.mcpReq.inputResponses;
  const name = acceptedContent(responses, 'step1')?.['name'];
  if (verified?.flow === 'multi_round' && verified.round === 1 && typeof name === 'string') {
    return inputRequired({
      inputRequests: { step2: inputRequired.elicit({ message: 'Step 2: What is your favorite color?', requestedSchema: { type: 'object', properties: { color: { type: 'string' } }, required: ['color'] } }) },
      requestState: await state.codec.mint({ flow: 'multi_round', round: 2, name }),
    });
  }
  const color = acceptedContent(responses, 'step2')?.['color'];
  if (verified?.flow === 'multi_round' && verified.round === 2 && typeof color === 'string') return text(`Done: ${verified.name ?? '?'} likes ${color}`);
  return inputRequired({ inputRequests: { step1: askName('Step 1: What is your name?') }, requestState: await state.codec.mint({ flow: 'multi_round', round: 1 }) });
}
