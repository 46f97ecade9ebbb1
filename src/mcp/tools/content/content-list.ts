import { defineTool, READ_ONLY } from '../../tool-kit/define-tool.ts';
import { idString, itemRef, pathArg, toolInput } from '../../tool-kit/tool-input.ts';
import { fitFieldsRecord, pagedListing } from '../../tool-kit/paged-listing.ts';
import { contentItemSchema, cursorArg, fieldsArg, limitArg, listOutput, localeArg } from '../content-schemas.ts';

const input = toolInput({
  parentId: idString().optional().describe('List the children of this item (the adapter root when neither parentId nor parentPath is given)'),
  fields: fieldsArg,
  locale: localeArg,
  limit: limitArg,
  cursor: cursorArg,
}, {
  parentPath: pathArg.describe('List the children of the item at this path (adapters with paths only)'),
});

export const contentList = defineTool({
  name: 'content_list',
  title: 'List content items',
  description: 'List the children of a content item (or of the content root), one page at a time. '
    + 'Returns id, name, path, type and field values; use `fields` to keep results small and `nextCursor` for the next page.',
  toolset: 'content',
  requires: 'read',
  annotations: READ_ONLY,
  input,
  output: listOutput(contentItemSchema),
  handler: ({ app, budget }) => (args, call) => call.run(args.adapter, (adapter) => {
    const parent = args.parentId === undefined && args.parentPath === undefined
      ? undefined
      : itemRef({ id: args.parentId, path: args.parentPath }, 'parent');
    const read = { ...(args.fields ? { fields: args.fields } : {}), ...(args.locale ? { locale: args.locale } : {}) };
    return pagedListing(
      { tool: 'content_list', adapter, cursor: args.cursor, query: { parent, locale: args.locale } }, budget,
      (cursor) => app.content.list(adapter, { ...read, ...(parent ? { parent } : {}), ...(cursor ? { cursor } : {}), ...(args.limit ? { limit: args.limit } : {}) }),
      fitFieldsRecord,
    );
  }),
});
