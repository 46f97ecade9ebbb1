import type { Command } from 'commander';
import type { CompareResult } from '../../xray/analysis/compare-scans.ts';
import { xrayAnalysisOf } from '../../xray/analysis/app-analysis.ts';
import { openCliApp, writeLine, type XrayCliFlags } from './xray-run.ts';

interface CompareFlags extends XrayCliFlags { limit: string }

export function registerXrayCompare(xray: Command): void {
  xray.command('compare <baseScanId> <headScanId>')
    .description('New, resolved and unchanged findings between two analyzed scans, per category, and the score delta')
    .option('-c, --config <file>', 'configuration file (default $CONDUIT_CONFIG or ./conduit.yaml)')
    .option('--json', 'JSON output')
    .option('--limit <n>', 'new and resolved findings to list', '20')
    .action(async (base: string, head: string, flags: CompareFlags) => {
      const app = await openCliApp(flags);
      try {
        const result = await xrayAnalysisOf(app).compare(base, head, Math.max(0, Math.floor(Number(flags.limit) || 20)));
        if (flags.json) writeLine(JSON.stringify(result));
        else for (const line of formatCompare(result)) writeLine(line);
        process.exitCode = 0;
      } finally {
        await app.close();
      }
    });
}

export function formatCompare(r: CompareResult): string[] {
  const sign = (n: number): string => (n > 0 ? `+${n}` : String(n));
  const lines = [
    `Score ${r.base.score.toFixed(1)} (${r.base.grade}) → ${r.head.score.toFixed(1)} (${r.head.grade}): ${sign(r.scoreDelta)}`,
    `Findings: ${r.totals.new} new, ${r.totals.resolved} resolved, ${r.totals.unchanged} unchanged`,
    '',
    `${'category'.padEnd(20)} ${'new'.padStart(6)} ${'resolved'.padStart(9)} ${'unchanged'.padStart(10)}`,
    ...r.categories.filter((c) => c.new + c.resolved + c.unchanged > 0)
      .map((c) => `${c.category.padEnd(20)} ${String(c.new).padStart(6)} ${String(c.resolved).padStart(9)} ${String(c.unchanged).padStart(10)}`),
  ];
  const list = (title: string, items: CompareResult['new']): string[] => (items.length === 0 ? [] : ['', title,
    ...items.map((f) => `  ${f.severity.padEnd(8)} ${f.category}/${f.rule}  ${f.itemPath ?? f.itemId ?? ''}`)]);
  lines.push(...list('New:', r.new), ...list('Resolved:', r.resolved));
  if (r.truncated) lines.push('', '(more; raise --limit or use --json)');
  for (const c of r.analyzerChanges) lines.push(`note: analyzer ${c.analyzer} changed ${c.base} → ${c.head}`);
  if (r.languageChange) {
    lines.push(`note: the scans read different languages (${r.languageChange.base.join(', ') || 'none recorded'} → ${r.languageChange.head.join(', ') || 'none recorded'}): `
      + 'findings in a language only one of them read count as new or resolved');
  }
  return lines;
}
