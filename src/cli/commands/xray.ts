import type { Command } from 'commander';
import { ConduitError } from '../../core/conduit-error.ts';
import { parseLanguagesFlag } from '../../adapter-kit/scan-scope.ts';
import type { ScanStatus } from '../../store/scan-store-types.ts';
import { registerXrayAnalysis } from './xray-analysis.ts';
import { formatScanRow } from './xray-output.ts';
import { crawlWithProgress, openCliApp, OUTAGE_FLAG, printScan, writeLine, type XrayCliFlags } from './xray-run.ts';

interface ScanFlags extends XrayCliFlags { adapter: string; root?: string; maxItems?: string; wait?: boolean; leaseSeconds?: string; languages?: string }
interface ListFlags extends XrayCliFlags { status?: string; adapter?: string; limit: string; cursor?: string }

const STATUSES: readonly ScanStatus[] = ['pending', 'running', 'completed', 'failed', 'cancelled'];

export function registerXray(program: Command): void {
  const xray = program.command('xray').description('X-Ray audit scans: crawl a CMS into the scan store, follow progress, resume, cancel');
  const common = (c: Command): Command => c.option('-c, --config <file>', 'configuration file (default $CONDUIT_CONFIG or ./conduit.yaml)').option('--json', 'JSON output (one object per line)');

  common(xray.command('scan')
    .description('Start a scan. With --wait, crawl it here with live progress until it ends; without, queue it for `xray resume`, serve or a worker')
    .requiredOption('--adapter <name>', 'the configured adapter (CMS instance) to scan')
    .option('--root <path>', 'scan below this path or id (default: the adapter\'s root)')
    .option('--max-items <n>', 'stop after about this many items (the scan is marked truncated)')
    .option('--languages <list>', 'language versions to audit: all, or names such as en,de-DE (default: the adapter\'s xrayLanguages or language)')
    .option('--wait', 'crawl in this process and wait for the scan to end')
    .option('--lease-seconds <s>', 'lease per page for this scan\'s workers (default 30)')
    .option(...OUTAGE_FLAG))
    .action(async (flags: ScanFlags) => { process.exitCode = await scan(flags); });

  common(xray.command('status <scanId>').description('Show a scan: status, counts, warning or error'))
    .action(async (scanId: string, flags: XrayCliFlags) => { process.exitCode = await withApp(flags, async (app) => { printScan(await app.xray.get(scanId), flags.json === true); return 0; }); });

  common(xray.command('list').description('List scans, newest first')
    .option('--status <status>', `only scans with this status (${STATUSES.join(', ')})`)
    .option('--adapter <name>', 'only scans of this adapter')
    .option('--limit <n>', 'at most this many', '20')
    .option('--cursor <cursor>', 'the next page of a previous listing'))
    .action(async (flags: ListFlags) => { process.exitCode = await list(flags); });

  common(xray.command('cancel <scanId>').description('Cancel a scan; processes crawling it stop within a second'))
    .action(async (scanId: string, flags: XrayCliFlags) => { process.exitCode = await withApp(flags, async (app) => { printScan(await app.xray.cancel(scanId), flags.json === true); return 0; }); });

  common(xray.command('resume [scanId]').description('Crawl a scan here until it ends (all resumable scans when no id is given)').option(...OUTAGE_FLAG))
    .action(async (scanId: string | undefined, flags: XrayCliFlags) => { process.exitCode = await resume(scanId, flags); });
  // report, compare, trends, accept, unaccept (src/cli/commands/xray-analysis.ts).
  registerXrayAnalysis(xray);
}

async function withApp(flags: XrayCliFlags, fn: (app: Awaited<ReturnType<typeof openCliApp>>) => Promise<number>): Promise<number> {
  const app = await openCliApp(flags);
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}

function positiveInt(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) {
    throw new ConduitError('CFG_INVALID_VALUE', `${flag} "${value}" is not a positive number.`, { hint: `Pass a number, e.g. ${flag} 10000.` });
  }
  return parsed;
}

function languagesFlag(value: string | undefined): ReturnType<typeof parseLanguagesFlag> {
  if (value === undefined) return undefined;
  const parsed = parseLanguagesFlag(value);
  if (!parsed) {
    throw new ConduitError('CFG_INVALID_VALUE', `--languages "${value}" is not "all" or a comma-separated list of language names.`, { hint: 'Pass, e.g., --languages all or --languages en,de-DE.' });
  }
  return parsed;
}

async function scan(flags: ScanFlags): Promise<number> {
  const maxItems = positiveInt(flags.maxItems, '--max-items');
  const leaseSeconds = positiveInt(flags.leaseSeconds, '--lease-seconds');
  const languages = languagesFlag(flags.languages);
  const input = {
    adapter: flags.adapter, ...(flags.root ? { root: flags.root } : {}), ...(maxItems ? { maxItems: Math.floor(maxItems) } : {}),
    ...(leaseSeconds ? { leaseMs: Math.round(leaseSeconds * 1000) } : {}), ...(languages ? { languages } : {}),
  };
  const json = flags.json === true;
  const app = await openCliApp(flags, process.stdout.isTTY && !json ? 250 : 1000);
  try {
    if (!flags.wait) {
      printScan(await app.xray.create(input), json);
      return 0;
    }
    const started = await app.xray.start(input);
    if (json) writeLine(JSON.stringify({ type: 'started', ...started.scan }));
    return await crawlWithProgress(app, [started.run], json);
  } finally {
    await app.close();
  }
}

async function list(flags: ListFlags): Promise<number> {
  const status = flags.status;
  if (status !== undefined && !STATUSES.some((s) => s === status)) {
    throw new ConduitError('CFG_INVALID_VALUE', `--status "${status}" is not a scan status.`, { hint: `Use one of: ${STATUSES.join(', ')}.` });
  }
  return withApp(flags, async (app) => {
    const page = await app.xray.list({
      limit: Math.floor(positiveInt(flags.limit, '--limit') ?? 20),
      ...(status ? { status: STATUSES.find((s) => s === status) ?? 'running' } : {}),
      ...(flags.adapter ? { adapter: flags.adapter } : {}), ...(flags.cursor ? { cursor: flags.cursor } : {}),
    });
    if (flags.json) {
      writeLine(JSON.stringify({ scans: page.scans, nextCursor: page.nextCursor }));
      return 0;
    }
    if (page.scans.length === 0) writeLine('No scans yet. Start one with: conduit xray scan --adapter <name> --wait');
    for (const view of page.scans) writeLine(formatScanRow(view));
    if (page.nextCursor) writeLine(`more: conduit xray list --cursor ${page.nextCursor}`);
    return 0;
  });
}

async function resume(scanId: string | undefined, flags: XrayCliFlags): Promise<number> {
  const json = flags.json === true;
  const app = await openCliApp(flags, process.stdout.isTTY && !json ? 250 : 1000);
  try {
    const runs = scanId ? [app.xray.crawl(scanId)] : await app.xray.resumeAll();
    if (runs.length === 0) {
      if (json) writeLine(JSON.stringify({ type: 'note', message: 'no scan to resume' }));
      else writeLine('No scan to resume: every scan has finished, or another process holds live leases on it.');
      return 0;
    }
    return await crawlWithProgress(app, runs, json);
  } finally {
    await app.close();
  }
}
