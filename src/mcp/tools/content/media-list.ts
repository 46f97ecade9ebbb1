import { defineTool, READ_ONLY } from '../../tool-kit/define-tool.ts';
import { idString, itemRef, pathArg, toolInput } from '../../tool-kit/tool-input.ts';
import { fitFieldsRecord, pagedListing } from '../../tool-kit/paged-listing.ts';
import { cursorArg, limitArg, listOutput, mediaItemSchema } from '../content-schemas.ts';

const input = toolInput({
  folderId: idString().optional().describe('List this media folder (the media library root when left out)'),
  limit: limitArg,
  cursor: cursorArg,
}, {
  folderPath: pathArg.describe('List the media folder at this path (adapters with paths only)'),
});

export const mediaList = defineTool({
  name: 'media_list',
  title: 'List media',
  description: 'List media items (images, documents) in a media folder, one page at a time, with URL, MIME type, size and alt text.',
  toolset: 'content',
  requires: 'media',
  annotations: READ_ONLY,
  input,
  output: listOutput(mediaItemSchema),
  handler: ({ app, budget }) => (args, call) => call.run(args.adapter, (adapter) => {
    const parent = args.folderId === undefined && args.folderPath === undefined ? undefined : itemRef({ id: args.folderId, path: args.folderPath }, 'media folder');
    return pagedListing(
      { tool: 'media_list', adapter, cursor: args.cursor, query: { parent } }, budget,
      (cursor) => app.content.listMedia(adapter, { ...(parent ? { parent } : {}), ...(cursor ? { cursor } : {}), ...(args.limit ? { limit: args.limit } : {}) }),
      fitFieldsRecord,
    );
  }),
});
