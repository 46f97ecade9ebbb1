import { z } from 'zod';
import { defineTool, READ_ONLY } from '../../tool-kit/define-tool.ts';
import { scanViewSchema } from './xray-schemas.ts';
import { ARGUMENT_LIMITS, idString } from '../../tool-kit/tool-input.ts';

const schema = z.strictObject({
  status: z.enum(['pending', 'running', 'completed', 'failed', 'cancelled']).optional().describe('Only scans with this status'),
  adapter: idString().optional().describe('Only scans of this adapter'),
  limit: z.number().int().min(1).max(100).optional().describe('At most this many scans (default 20)'),
  cursor: z.string().min(1).max(ARGUMENT_LIMITS.cursor).optional().describe('nextCursor of a previous call'),
});

export const xrayList = defineTool({
  name: 'xray_list',
  title: 'List X-Ray scans',
  description: 'List X-Ray scans, newest first, with status and counts; filter by status or adapter. Page with nextCursor.',
  toolset: 'xray',
  annotations: { ...READ_ONLY, openWorldHint: false },
  input: { loose: schema, pick: () => schema },
  output: z.object({ scans: z.array(scanViewSchema), nextCursor: z.string().optional() }),
  handler: ({ app }) => (args) => app.calls.run({ tool: 'xray_list' }, async () => {
    const page = await app.xray.list({
      limit: args.limit ?? 20, ...(args.status ? { status: args.status } : {}), ...(args.adapter ? { adapter: args.adapter } : {}),
      ...(args.cursor ? { cursor: args.cursor } : {}),
    });
    return { scans: page.scans, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
  }),
});
