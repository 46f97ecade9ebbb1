import { z } from 'zod';
import { defineTool, READ_ONLY } from '../../tool-kit/define-tool.ts';
import { ARGUMENT_LIMITS, toolInput } from '../../tool-kit/tool-input.ts';
import { budgetNote } from '../../tool-kit/response-budget.ts';
import { fitType } from '../../tool-kit/fit-type.ts';
import { contentTypeSchema, cutShape } from '../content-schemas.ts';

const input = toolInput({
  type: z.string().min(1).max(ARGUMENT_LIMITS.path).describe('Content type id, name or path (Sitecore: template id or path)'),
}, {});

export const schemaGet = defineTool({
  name: 'schema_get',
  title: 'Get a content type',
  description: 'Get one content type (Sitecore template) with its fields, field types, sections and base types — what content_create and content_update accept.',
  toolset: 'content',
  requires: 'read',
  annotations: READ_ONLY,
  input,
  output: z.object({ adapter: z.string(), type: contentTypeSchema, ...cutShape }),
  handler: ({ app, budget }) => (args, call) => call.run(args.adapter, async (adapter) => {
    const fitted = fitType(await app.content.getType(adapter, args.type), budget.chars - 600);
    if (fitted.truncatedFields.length === 0) return { adapter, type: fitted.value };
    return { adapter, type: fitted.value, truncated: true, note: budgetNote(budget, 'the field list was shortened.') };
  }),
});
