import { z } from 'zod';
import { defineTool, READ_ONLY } from '../../tool-kit/define-tool.ts';
import { ARGUMENT_LIMITS, idString, itemRef, pathArg, toolInput } from '../../tool-kit/tool-input.ts';
import { fitFieldsRecord, pagedListing } from '../../tool-kit/paged-listing.ts';
import { contentItemSchema, cursorArg, fieldsArg, limitArg, listOutput, localeArg } from '../content-schemas.ts';

const input = toolInput({
  text: z.string().min(1).max(ARGUMENT_LIMITS.searchText).optional().describe('Full-text search terms'),
  type: idString().optional().describe('Only items of this content type (id or name)'),
  underId: idString().optional().describe('Only items below this item'),
  fields: fieldsArg,
  locale: localeArg,
  limit: limitArg,
  cursor: cursorArg,
}, {
  underPath: pathArg.describe('Only items below this path (adapters with paths only)'),
});

export const contentSearch = defineTool({
  name: 'content_search',
  title: 'Search content',
  description: 'Search content items by text, content type and location, one page at a time. '
    + 'Totals reported by some CMSs include items the account cannot read.',
  toolset: 'content',
  requires: 'search',
  annotations: READ_ONLY,
  input,
  output: listOutput(contentItemSchema),
  handler: ({ app, budget }) => (args, call) => call.run(args.adapter, (adapter) => {
    const under = args.underId === undefined && args.underPath === undefined ? undefined : itemRef({ id: args.underId, path: args.underPath }, 'search root');
    const query = { ...(args.text ? { text: args.text } : {}), ...(args.type ? { type: args.type } : {}), ...(under ? { under } : {}) };
    const read = { ...(args.fields ? { fields: args.fields } : {}), ...(args.locale ? { locale: args.locale } : {}) };
    return pagedListing(
      { tool: 'content_search', adapter, cursor: args.cursor, query: { ...query, locale: args.locale } }, budget,
      (cursor) => app.content.search(adapter, { ...query, ...read, ...(cursor ? { cursor } : {}), ...(args.limit ? { limit: args.limit } : {}) }),
      fitFieldsRecord,
    );
  }),
});
