import { z } from 'zod';
import { defineTool, READ_ONLY } from '../../tool-kit/define-tool.ts';
import { scanIdArg, scanViewSchema } from './xray-schemas.ts';

const schema = z.strictObject({ scanId: scanIdArg });

export const xrayStatus = defineTool({
  name: 'xray_status',
  title: 'X-Ray scan status',
  description: 'Status of an X-Ray scan: running/completed/failed/cancelled, phase, items, references, pages by state, and the warning or error. '
    + 'Read from the scan store, so it is right after a restart and for scans other Conduit processes crawl.',
  toolset: 'xray',
  annotations: { ...READ_ONLY, openWorldHint: false },
  input: { loose: schema, pick: () => schema },
  output: scanViewSchema,
  handler: ({ app }) => (args) => app.calls.run({ tool: 'xray_status' }, () => app.xray.get(args.scanId)),
});
