import type { Command } from 'commander';
import { xrayAnalysisOf } from '../../xray/analysis/app-analysis.ts';
import { openCliApp, writeLine, type XrayCliFlags } from './xray-run.ts';

interface AcceptFlags extends XrayCliFlags { reason: string; by?: string }

export function registerXrayAccept(xray: Command): void {
  xray.command('accept <scanId> <fingerprint>')
    .description('Accept a finding (won\'t fix) for its adapter: it drops out of the score and of compare until its evidence changes')
    .requiredOption('--reason <text>', 'why it is accepted (stored with the acceptance)')
    .option('--by <name>', 'who accepts it')
    .option('-c, --config <file>', 'configuration file (default $CONDUIT_CONFIG or ./conduit.yaml)')
    .option('--json', 'JSON output')
    .action(async (scanId: string, fingerprint: string, flags: AcceptFlags) => {
      const app = await openCliApp(flags);
      try {
        const accepted = await xrayAnalysisOf(app).accept(scanId, fingerprint, flags.reason, flags.by);
        writeLine(flags.json ? JSON.stringify(accepted) : `Accepted ${fingerprint} for adapter ${accepted.adapter}: ${accepted.reason}`);
        process.exitCode = 0;
      } finally {
        await app.close();
      }
    });
  xray.command('unaccept <scanId> <fingerprint>')
    .description('Withdraw the acceptance of a finding')
    .option('-c, --config <file>', 'configuration file (default $CONDUIT_CONFIG or ./conduit.yaml)')
    .action(async (scanId: string, fingerprint: string, flags: XrayCliFlags) => {
      const app = await openCliApp(flags);
      try {
        const removed = await xrayAnalysisOf(app).unaccept(scanId, fingerprint);
        writeLine(removed ? `Withdrew the acceptance of ${fingerprint}.` : `${fingerprint} was not accepted.`);
        process.exitCode = 0;
      } finally {
        await app.close();
      }
    });
}
