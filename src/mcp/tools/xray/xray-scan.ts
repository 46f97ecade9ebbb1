import { z } from 'zod';
import type { App } from '../../../app-types.ts';
import type { ScanView } from '../../../xray/scan-view.ts';
import type { ScanRun } from '../../../xray/scan-service.ts';
import { defineTool, type ToolRequest } from '../../tool-kit/define-tool.ts';
import { ARGUMENT_LIMITS, toolInput } from '../../tool-kit/tool-input.ts';
import { scanLanguagesSchema } from '../../../adapter-kit/index.ts';
import { progressMessage, scanViewSchema } from './xray-schemas.ts';

const input = toolInput({
  root: z.string().min(1).max(ARGUMENT_LIMITS.path).optional().describe('Scan below this path or item id (default: the adapter\'s root, e.g. /sitecore/content)'),
  maxItems: z.number().int().positive().optional().describe('Stop after about this many items; the scan is then marked truncated'),
  languages: scanLanguagesSchema.optional().describe('Language versions to audit: "all", or names such as ["en", "de-DE"] (default: the adapter\'s setting). '
    + 'Each language after the first costs one more request per page'),
  wait: z.boolean().optional().describe('Keep this call open until the scan ends (also the case when you send a progress token)'),
}, {});

export const xrayScan = defineTool({
  name: 'xray_scan',
  title: 'Start an X-Ray scan',
  description: 'Start an X-Ray audit scan of a CMS: Conduit crawls the content tree (read-only, within the adapter\'s rate limits) into its scan store. '
    + 'Returns the scanId at once and keeps crawling in the background; poll xray_status. With a progress token (or wait: true) the call stays open, '
    + 'sends progress notifications (the first names the scanId) and returns the final status; cancelling the call cancels the scan.',
  toolset: 'xray',
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  input,
  output: scanViewSchema.extend({ note: z.string().optional() }),
  handler: ({ app }) => (args, call) => call.run(args.adapter, async (adapter) => {
    const { scan, run } = await app.xray.start({
      adapter, ...(args.root ? { root: args.root } : {}), ...(args.maxItems ? { maxItems: args.maxItems } : {}), ...(args.languages ? { languages: args.languages } : {}),
    });
    const request = call.request;
    if (!request || (!request.progress && !args.wait)) {
      return { ...scan, note: 'The scan runs in the background: poll xray_status with this scanId (it survives restarts); xray_cancel stops it.' };
    }
    return followScan(app, scan, run, request);
  }),
});

/** Streams progress while the scan runs here; the client cancelling the call cancels the scan. */
async function followScan(app: App, scan: ScanView, run: ScanRun, request: ToolRequest): Promise<ScanView> {
  const notify = request.progress;
  let sending: Promise<void> = notify ? notify({ progress: 0, message: `scan ${scan.scanId} started (${scan.adapter})` }) : Promise.resolve();
  const unsubscribe = app.xray.subscribe(scan.scanId, (p) => {
    if (!notify) return;
    const total = p.etaSeconds === null ? undefined : Math.round(p.items + p.itemsPerSecond * p.etaSeconds);
    // Sent one after another, so the client sees them in order; a failed send (client gone) only ends the notifications.
    sending = sending.then(() => notify({ progress: p.items, ...(total !== undefined ? { total } : {}), message: progressMessage(p) }))
      .catch((error: unknown) => app.logger.debug({ err: error, scanId: scan.scanId }, 'progress notification not sent'));
  });
  const onCancel = (): void => {
    app.xray.cancel(scan.scanId).catch((error: unknown) => app.logger.warn({ err: error, scanId: scan.scanId }, 'cancelling a scan for a cancelled call failed'));
  };
  request.signal.addEventListener('abort', onCancel, { once: true });
  try {
    await run.done;
    await sending;
    return await app.xray.get(scan.scanId);
  } finally {
    unsubscribe();
    request.signal.removeEventListener('abort', onCancel);
  }
}
