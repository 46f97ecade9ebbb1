import { z } from 'zod';
import { defineTool, READ_ONLY } from '../../tool-kit/define-tool.ts';
import { itemRef, itemToolInput } from '../../tool-kit/tool-input.ts';
import { budgetNote, fitRecord } from '../../tool-kit/response-budget.ts';
import { contentItemSchema, cutShape, fieldsArg, localeArg } from '../content-schemas.ts';

const input = itemToolInput({
  fields: fieldsArg,
  locale: localeArg,
  version: z.number().int().positive().optional().describe('A specific version (the latest when left out)'),
  includeSystemFields: z.boolean().optional().describe('Also return system fields (Sitecore `__` fields)'),
});

export const contentGet = defineTool({
  name: 'content_get',
  title: 'Get a content item',
  description: 'Get one content item by id (or path, where the CMS has paths) with its field values, type, and references. '
    + 'Use `fields` to fetch only some fields of a large item.',
  toolset: 'content',
  requires: 'read',
  annotations: READ_ONLY,
  input,
  output: z.object({ adapter: z.string(), item: contentItemSchema, ...cutShape }),
  handler: ({ app, budget }) => (args, call) => call.run(args.adapter, async (adapter) => {
    const item = await app.content.get(adapter, itemRef(args), {
      ...(args.fields ? { fields: args.fields } : {}), ...(args.locale ? { locale: args.locale } : {}),
      ...(args.version ? { version: args.version } : {}), ...(args.includeSystemFields ? { includeSystemFields: true } : {}),
    });
    const fitted = fitRecord(item, budget.chars - 600);
    if (fitted.truncatedFields.length === 0) return { adapter, item };
    return {
      adapter, item: fitted.value, truncated: true, truncatedFields: fitted.truncatedFields,
      note: budgetNote(budget, `shortened ${fitted.truncatedFields.join(', ')}. Ask for those fields alone with \`fields\` to read more of each.`),
    };
  }),
});
