import type { Command } from 'commander';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { ConduitError } from '../../core/conduit-error.ts';
import type { FindingSeverity } from '../../store/scan-store-types.ts';
import { xrayAnalysisOf } from '../../xray/analysis/app-analysis.ts';
import { REPORT_FORMATS } from '../../xray/reports/render-report.ts';
import type { ReportModel } from '../../xray/reports/report-model.ts';
import { openCliApp, type XrayCliFlags } from './xray-run.ts';

interface ReportFlags extends XrayCliFlags { format: string; out?: string; failOn?: string }

const SEVERITIES: readonly FindingSeverity[] = ['critical', 'warning', 'info'];

export function registerXrayReport(xray: Command): void {
  xray.command('report <scanId>')
    .description('Write the report of an analyzed scan: grade, categories, recommendations and every finding with its evidence')
    .option('-c, --config <file>', 'configuration file (default $CONDUIT_CONFIG or ./conduit.yaml)')
    .option('--format <format>', `report format: ${REPORT_FORMATS.join(', ')}`, 'md')
    .option('--out <file>', 'write to this file instead of stdout')
    .option('--fail-on <severity>', `exit with code 1 when open findings of this severity or worse exist (${SEVERITIES.join(', ')}): a CI gate`)
    .action(async (scanId: string, flags: ReportFlags) => { process.exitCode = await report(scanId, flags); });
}

/** Findings at or above `failOn` (critical > warning > info). */
function gateCount(model: ReportModel, failOn: FindingSeverity): number {
  const s = model.stats.bySeverity;
  if (failOn === 'critical') return s.critical;
  if (failOn === 'warning') return s.critical + s.warning;
  return s.critical + s.warning + s.info;
}

async function report(scanId: string, flags: ReportFlags): Promise<number> {
  const failOn = flags.failOn === undefined ? undefined : SEVERITIES.find((s) => s === flags.failOn);
  if (flags.failOn !== undefined && failOn === undefined) {
    throw new ConduitError('CFG_INVALID_VALUE', `--fail-on "${flags.failOn}" is not a severity.`, { hint: `Use one of: ${SEVERITIES.join(', ')}.` });
  }
  if (!REPORT_FORMATS.includes(flags.format)) {
    throw new ConduitError('CFG_INVALID_VALUE', `--format "${flags.format}" is not a report format.`, { hint: `Use one of: ${REPORT_FORMATS.join(', ')}.` });
  }
  const app = await openCliApp(flags);
  try {
    const file = flags.out === undefined ? undefined : resolve(flags.out);
    const stream = file === undefined ? process.stdout : createWriteStream(file);
    const write = async (chunk: string): Promise<void> => { if (!stream.write(chunk)) await once(stream, 'drain'); };
    const model = await xrayAnalysisOf(app).render(scanId, flags.format, write);
    if (file !== undefined && stream !== process.stdout) {
      stream.end();
      await once(stream, 'finish');
      process.stderr.write(`Report (${flags.format}) written to ${file}: grade ${model.grade}, score ${model.score.toFixed(1)}, ${model.stats.findings} open findings\n`);
    }
    if (failOn !== undefined && gateCount(model, failOn) > 0) {
      process.stderr.write(`Gate failed: ${gateCount(model, failOn)} open findings at ${failOn} or worse.\n`);
      return 1;
    }
    return 0;
  } finally {
    await app.close();
  }
}
