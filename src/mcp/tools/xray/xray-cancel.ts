import { z } from 'zod';
import { defineTool } from '../../tool-kit/define-tool.ts';
import { scanIdArg, scanViewSchema } from './xray-schemas.ts';

const schema = z.strictObject({ scanId: scanIdArg });

export const xrayCancel = defineTool({
  name: 'xray_cancel',
  title: 'Cancel an X-Ray scan',
  description: 'Cancel a running X-Ray scan: every Conduit process crawling it stops within about a second; the pages crawled so far are kept. '
    + 'Touches only Conduit\'s scan store, never the CMS. Cancelling a cancelled scan is a no-op; a finished scan cannot be cancelled (XRAY_SCAN_FINISHED).',
  toolset: 'xray',
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  input: { loose: schema, pick: () => schema },
  output: scanViewSchema,
  handler: ({ app }) => (args) => app.calls.run({ tool: 'xray_cancel' }, () => app.xray.cancel(args.scanId)),
});
