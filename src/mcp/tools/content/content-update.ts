import { z } from 'zod';
import { defineTool } from '../../tool-kit/define-tool.ts';
import { itemRef, itemToolInput } from '../../tool-kit/tool-input.ts';
import { fitRecord } from '../../tool-kit/response-budget.ts';
import { contentItemSchema, cutShape, localeArg } from '../content-schemas.ts';

const input = itemToolInput({
  fields: z.record(z.string(), z.string()).refine((f) => Object.keys(f).length > 0, 'give at least one field')
    .describe('New field values by field name; fields not named keep their values'),
  locale: localeArg,
  version: z.number().int().positive().optional().describe('Version to update (the latest when left out)'),
});

export const contentUpdate = defineTool({
  name: 'content_update',
  title: 'Update a content item',
  description: 'Set field values of one content item (by id, or path where the CMS has paths). Fields not named keep their values. Returns the updated item.',
  toolset: 'content',
  requires: 'write',
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true },
  input,
  output: z.object({ adapter: z.string(), item: contentItemSchema, ...cutShape }),
  handler: ({ app, budget }) => (args, call) => call.run(args.adapter, async (adapter) => {
    const item = await app.content.update(adapter, {
      ref: itemRef(args), fields: args.fields, ...(args.locale ? { locale: args.locale } : {}), ...(args.version ? { version: args.version } : {}),
    });
    const fitted = fitRecord(item, budget.chars - 600);
    return { adapter, item: fitted.value, ...(fitted.truncatedFields.length > 0 ? { truncated: true, truncatedFields: fitted.truncatedFields } : {}) };
  }),
});
