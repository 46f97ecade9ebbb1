import type { Command } from 'commander';
import { registerXrayAccept } from './xray-accept.ts';
import { registerXrayCompare } from './xray-compare.ts';
import { registerXrayReport } from './xray-report.ts';
import { registerXrayTrends } from './xray-trends.ts';

/** Adds the analysis subcommands (report, compare, trends, accept, unaccept) to the `xray` command. */
export function registerXrayAnalysis(xray: Command): void {
  registerXrayReport(xray);
  registerXrayCompare(xray);
  registerXrayTrends(xray);
  registerXrayAccept(xray);
}
