import { z } from 'zod';
import type { Capability } from '../../adapter-kit/adapter-types.ts';
import type { App, CallContext } from '../../app-types.ts';
import type { Toolset } from '../../config/config-schema.ts';
import type { ResponseBudget } from './response-budget.ts';
import { toolErrorOutputSchema } from './tool-result.ts';
import { invalidArgs, type InputShape, type ToolInput } from './tool-input.ts';

export interface ToolAnnotationSet {
  readOnlyHint: boolean;
  destructiveHint: boolean;
  idempotentHint: boolean;
  openWorldHint: boolean;
}

/** What a handler is built from: the app's services and the per-server settings. */
export interface ToolDeps {
  app: App;
  budget: ResponseBudget;
}

/** The MCP request being answered (long-running tools such as xray_scan use it). */
export interface ToolRequest {
  /** Aborted when the client cancels the request (or the connection ends). */
  signal: AbortSignal;
  /** Sends notifications/progress; present only when the client sent a progress token. */
  progress?(update: { progress: number; total?: number; message?: string }): Promise<void>;
}

/** The one way a handler calls a service: as an incoming call with limits, correlation, metrics and logs. */
export interface ToolCall {
  /** The request behind this call; absent when a handler is called outside an MCP request. */
  readonly request?: ToolRequest;
  /**
   * Resolves the adapter the call targets (ADP_UNKNOWN / ADP_AMBIGUOUS when it
   * cannot) and runs `fn` inside `app.calls.run({ tool, adapter })`.
   */
  run<T>(adapter: string | undefined, fn: (adapter: string, ctx: CallContext) => Promise<T>): Promise<T>;
}

export type ToolHandler<Args, Out> = (args: Args, call: ToolCall) => Promise<Out>;

/** What a tool module declares; `defineTool` turns it into a ToolDefinition. */
export interface ToolSpec<Args, Out extends Record<string, unknown>> {
  name: string;
  title: string;
  description: string;
  toolset: Toolset;
  /** The adapter capability the tool needs; it is offered only when some configured adapter has it. */
  requires?: Capability;
  annotations: ToolAnnotationSet;
  input: ToolInput<Args>;
  /** The success shape of `structuredContent` (the SDK checks every result against it). */
  output: z.ZodType;
  /** Parse is done by the kit; the handler calls one service method and formats the result. */
  handler(deps: ToolDeps): ToolHandler<Args, Out>;
}

/**
 * A tool: a static definition (name, schemas, annotations, the toolset and
 * adapter capability it needs) plus a handler built from injected deps. The
 * server decides from the definition alone whether to show a tool, so
 * read-only mode, toolsets and capability checks need no handler code.
 */
export interface ToolDefinition {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly toolset: Toolset;
  readonly requires?: Capability;
  readonly annotations: ToolAnnotationSet;
  /** The input schema advertised for this configuration. */
  inputSchema(shape: InputShape): z.ZodType;
  /** The advertised output schema: the success shape, or `{ error }`. */
  readonly outputSchema: z.ZodType;
  /** Builds the executor: parse the raw arguments (TOOL_INVALID_ARGS), run the handler. */
  executor(deps: ToolDeps, shape: InputShape): (rawArgs: unknown, call: ToolCall) => Promise<Record<string, unknown>>;
}

/** Whether a tool changes content (hidden and refused in read-only mode). */
export function isWriteTool(tool: Pick<ToolDefinition, 'annotations'>): boolean {
  return !tool.annotations.readOnlyHint;
}

/** Builds a tool definition; call it at module level so every schema is built once. */
export function defineTool<Args, Out extends Record<string, unknown>>(spec: ToolSpec<Args, Out>): ToolDefinition {
  return {
    name: spec.name,
    title: spec.title,
    description: spec.description,
    toolset: spec.toolset,
    ...(spec.requires ? { requires: spec.requires } : {}),
    annotations: spec.annotations,
    inputSchema: (shape) => spec.input.pick(shape),
    outputSchema: z.union([spec.output, toolErrorOutputSchema]),
    executor(deps, shape) {
      const advertised = spec.input.pick(shape);
      const handler = spec.handler(deps);
      return async (rawArgs, call) => {
        // The advertised variant decides what is valid here; the loose one types the result.
        const checked = advertised.safeParse(rawArgs ?? {});
        if (!checked.success) throw invalidArgs(spec.name, checked.error);
        // With one adapter that has paths (the usual setup) the advertised variant is the loose one: parse once.
        if (advertised === spec.input.loose) return handler(checked.data as Args, call);
        const parsed = spec.input.loose.safeParse(checked.data);
        if (!parsed.success) throw invalidArgs(spec.name, parsed.error);
        return handler(parsed.data, call);
      };
    },
  };
}

export const READ_ONLY: ToolAnnotationSet = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true };
