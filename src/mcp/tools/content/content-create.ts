import { z } from 'zod';
import { defineTool } from '../../tool-kit/define-tool.ts';
import { ARGUMENT_LIMITS, idString, itemRef, pathArg, toolInput } from '../../tool-kit/tool-input.ts';
import { fitRecord } from '../../tool-kit/response-budget.ts';
import { contentItemSchema, cutShape, localeArg } from '../content-schemas.ts';

const input = toolInput({
  parentId: idString().optional().describe('Create the item below this item (give parentId or parentPath)'),
  name: idString().describe('Item name (Sitecore: letters, digits, spaces, - and _)'),
  type: z.string().min(1).max(ARGUMENT_LIMITS.path).describe('Content type (template) id or path; schema_list shows them'),
  fields: z.record(z.string(), z.string()).default({}).describe('Field values by field name'),
  locale: localeArg,
}, {
  parentPath: pathArg.describe('Create the item below the item at this path (adapters with paths only)'),
});

export const contentCreate = defineTool({
  name: 'content_create',
  title: 'Create a content item',
  description: 'Create a content item of a given type below a parent, with initial field values. Returns the created item.',
  toolset: 'content',
  requires: 'write',
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  input,
  output: z.object({ adapter: z.string(), item: contentItemSchema, ...cutShape }),
  handler: ({ app, budget }) => (args, call) => call.run(args.adapter, async (adapter) => {
    const parent = itemRef({ id: args.parentId, path: args.parentPath }, 'parent');
    const item = await app.content.create(adapter, {
      parent, name: args.name, type: args.type, fields: args.fields, ...(args.locale ? { locale: args.locale } : {}),
    });
    const fitted = fitRecord(item, budget.chars - 600);
    return { adapter, item: fitted.value, ...(fitted.truncatedFields.length > 0 ? { truncated: true, truncatedFields: fitted.truncatedFields } : {}) };
  }),
});
