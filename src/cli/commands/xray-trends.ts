import type { Command } from 'commander';
import { xrayAnalysisOf } from '../../xray/analysis/app-analysis.ts';
import { openCliApp, writeLine, type XrayCliFlags } from './xray-run.ts';

interface TrendFlags extends XrayCliFlags { adapter: string; limit: string }

export function registerXrayTrends(xray: Command): void {
  xray.command('trends')
    .description('The score history of an adapter: its analyzed scans, oldest first')
    .requiredOption('--adapter <name>', 'the configured adapter')
    .option('-c, --config <file>', 'configuration file (default $CONDUIT_CONFIG or ./conduit.yaml)')
    .option('--json', 'JSON output')
    .option('--limit <n>', 'at most this many scans', '30')
    .action(async (flags: TrendFlags) => {
      const app = await openCliApp(flags);
      try {
        const points = await xrayAnalysisOf(app).trends(flags.adapter, Math.max(1, Math.floor(Number(flags.limit) || 30)));
        if (flags.json) writeLine(JSON.stringify({ adapter: flags.adapter, points }));
        else if (points.length === 0) writeLine(`No analyzed scans of "${flags.adapter}" yet. Run: conduit xray scan --adapter ${flags.adapter} --wait`);
        else for (const p of points) writeLine(`${p.at}  ${p.scanId.slice(0, 8)}  ${p.grade}  ${p.score.toFixed(1).padStart(5)}  ${p.findings} findings  ${p.items.toLocaleString('en')} items`);
        process.exitCode = 0;
      } finally {
        await app.close();
      }
    });
}
