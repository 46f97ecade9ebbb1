import { defineTool, READ_ONLY } from '../../tool-kit/define-tool.ts';
import { toolInput } from '../../tool-kit/tool-input.ts';
import { pagedListing } from '../../tool-kit/paged-listing.ts';
import { fitType } from '../../tool-kit/fit-type.ts';
import { contentTypeSchema, cursorArg, limitArg, listOutput } from '../content-schemas.ts';

const input = toolInput({ limit: limitArg, cursor: cursorArg }, {});

export const schemaList = defineTool({
  name: 'schema_list',
  title: 'List content types',
  description: 'List the content types (Sitecore templates) of an adapter with their fields, one page at a time.',
  toolset: 'content',
  requires: 'read',
  annotations: READ_ONLY,
  input,
  output: listOutput(contentTypeSchema),
  handler: ({ app, budget }) => (args, call) => call.run(args.adapter, (adapter) => pagedListing(
    { tool: 'schema_list', adapter, cursor: args.cursor, query: {} }, budget,
    (cursor) => app.content.listTypes(adapter, { ...(cursor ? { cursor } : {}), ...(args.limit ? { limit: args.limit } : {}) }),
    fitType,
  )),
});
