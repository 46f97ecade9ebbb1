import { z } from 'zod';
import { defineTool } from '../../tool-kit/define-tool.ts';
import { idString } from '../../tool-kit/tool-input.ts';

// The adapter is optional in every configuration: health_check checks all adapters by default.
const schema = z.strictObject({
  adapter: idString().optional().describe('Check only this adapter (all adapters when left out)'),
});
const input = { loose: schema, pick: () => schema };

const healthSchema = z.looseObject({
  ok: z.boolean(),
  status: z.string().describe('reachable | auth_failed | unreachable | degraded | load_failed'),
  latencyMs: z.number().optional(),
  version: z.string().optional(),
  message: z.string().optional(),
});

export const healthCheck = defineTool({
  name: 'health_check',
  title: 'Check CMS connections',
  description: 'Check that Conduit can reach and log in to each configured CMS: status, latency and product version per adapter. Also lists the adapter names tools accept.',
  toolset: 'ops',
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  input,
  output: z.object({ ok: z.boolean(), adapters: z.record(z.string(), healthSchema) }),
  handler: ({ app }) => (args) => app.calls.run({ tool: 'health_check', ...(args.adapter ? { adapter: args.adapter } : {}) }, async () => {
    const adapters = await app.content.health(args.adapter);
    return { ok: Object.values(adapters).every((h) => h.ok), adapters };
  }),
});
