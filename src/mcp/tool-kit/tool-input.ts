import { z } from 'zod';
import { ConduitError } from '../../core/conduit-error.ts';
import type { ItemRef } from '../../core/content-model.ts';

/**
 * Tool input schemas come in variants chosen per server from the
 * configuration: `adapter` is required when several adapters are configured,
 * and `path` is offered only when some adapter has paths. Every variant is
 * built once, when the tool module loads, never per request.
 */
export interface InputShape {
  /** Several adapters are configured, so the caller must name one. */
  adapterRequired: boolean;
  /** Some configured adapter addresses items by path. */
  paths: boolean;
}

export interface ToolInput<Args> {
  /** The schema the handler's arguments are typed by: every variant's arguments parse with it. */
  loose: z.ZodType<Args>;
  /** The schema advertised (and enforced) for this configuration. */
  pick(shape: InputShape): z.ZodType;
}

/**
 * The longest value each kind of argument accepts. Generous for every CMS we serve (Sitecore item paths run to
 * a few hundred characters, ids to 38), and small enough that a runaway value is refused here with
 * TOOL_INVALID_ARGS, and is never sent in a CMS URL, stored with a scan or echoed in an error message.
 * Field values (content_create, content_update) have no limit of their own: the request body limit bounds them.
 */
export const ARGUMENT_LIMITS = { id: 512, path: 2_048, searchText: 1_000, cursor: 8_192, fieldNames: 500 } as const;

/** An id or a name: an item, type, adapter, scan, category or field. */
export const idString = (): z.ZodString => z.string().min(1).max(ARGUMENT_LIMITS.id);
/** An item path. */
export const pathString = (): z.ZodString => z.string().regex(/^\//, 'must start with /').max(ARGUMENT_LIMITS.path);

const adapterOptional = idString().optional()
  .describe('Adapter name (a key under `adapters:` in the Conduit config). May be left out when only one adapter is configured.');
const adapterRequired = idString()
  .describe('Adapter name (a key under `adapters:` in the Conduit config); health_check lists them.');
const idArg = idString().optional()
  .describe('Item id (Sitecore: a GUID such as {110D559F-DEA5-42EA-9C1C-8A5DF7E70EF9}). Give id or path.');
export const pathArg = pathString().optional()
  .describe('Item path, e.g. /sitecore/content/Home (only for adapters whose items have paths). Give id or path.');

/**
 * Input of a tool that does not name an item. `pathShape` holds its
 * path-valued arguments (often none), offered only when some adapter has paths.
 */
export function toolInput<S extends z.ZodRawShape, P extends z.ZodRawShape>(shape: S, pathShape: P) {
  return inputVariants(shape, pathShape, {});
}

/** Input of a tool that names one item by `id` or, where the CMS has paths, by `path`. */
export function itemToolInput<S extends z.ZodRawShape>(shape: S) {
  return inputVariants({ id: idArg }, { path: pathArg }, shape);
}

/** The four variants, arguments listed as `adapter`, `head`, the path-valued ones, then `tail`. */
function inputVariants<H extends z.ZodRawShape, P extends z.ZodRawShape, T extends z.ZodRawShape>(head: H, pathShape: P, tail: T) {
  const optionalWithPaths = z.strictObject({ adapter: adapterOptional, ...head, ...pathShape, ...tail });
  const requiredWithPaths = z.strictObject({ adapter: adapterRequired, ...head, ...pathShape, ...tail });
  const optionalIdsOnly = z.strictObject({ adapter: adapterOptional, ...head, ...tail });
  const requiredIdsOnly = z.strictObject({ adapter: adapterRequired, ...head, ...tail });
  const input: ToolInput<z.output<typeof optionalWithPaths>> = {
    loose: optionalWithPaths,
    pick(s) {
      if (s.paths) return s.adapterRequired ? requiredWithPaths : optionalWithPaths;
      return s.adapterRequired ? requiredIdsOnly : optionalIdsOnly;
    },
  };
  return input;
}

/** The item a call names: exactly one of `id` and `path`. */
export function itemRef(args: { id?: string | undefined; path?: string | undefined }, label = 'item'): ItemRef {
  if (args.id !== undefined && args.path !== undefined) {
    throw new ConduitError('TOOL_INVALID_ARGS', `Give either id or path for the ${label}, not both.`, { hint: 'Pass only `id`, or only `path`.' });
  }
  if (args.id !== undefined) return { id: args.id };
  if (args.path !== undefined) return { path: args.path };
  throw new ConduitError('TOOL_INVALID_ARGS', `Name the ${label} with id or path.`, { hint: 'Pass `id` (or `path` where the CMS has paths); content_list shows both.' });
}

/** Turns a zod failure into TOOL_INVALID_ARGS naming every offending argument. */
export function invalidArgs(tool: string, error: z.ZodError): ConduitError {
  const issues = error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(arguments)'}: ${issue.message}`);
  return new ConduitError('TOOL_INVALID_ARGS', `Invalid arguments for ${tool}: ${issues.join('; ')}.`, {
    details: { issues: error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })) },
  });
}
