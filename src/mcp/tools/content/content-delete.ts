import { z } from 'zod';
import { defineTool } from '../../tool-kit/define-tool.ts';
import { itemRef, itemToolInput } from '../../tool-kit/tool-input.ts';

const input = itemToolInput({});

export const contentDelete = defineTool({
  name: 'content_delete',
  title: 'Delete a content item',
  description: 'Delete one content item (by id, or path where the CMS has paths). In tree-shaped CMSs such as Sitecore its descendants go with it.',
  toolset: 'content',
  requires: 'write',
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
  input,
  output: z.object({ adapter: z.string(), deleted: z.object({ id: z.string().optional(), path: z.string().optional() }) }),
  handler: ({ app }) => (args, call) => call.run(args.adapter, async (adapter) => {
    const ref = itemRef(args);
    await app.content.delete(adapter, ref);
    return { adapter, deleted: ref.id === undefined ? { path: ref.path } : { id: ref.id } };
  }),
});
