import type { Command } from 'commander';
import { formatIssue } from '../../config/config-issue.ts';
import { ConduitError } from '../../core/conduit-error.ts';
import { exitCodeFor } from '../../core/error-catalogue.ts';
import { checkCliConfig } from '../cli-config.ts';

export function registerConfigValidate(config: Command): void {
  config.command('validate [file]')
    .description('Check a configuration file and report every problem at once')
    .option('--json', 'print the report as JSON')
    .action(async (file: string | undefined, flags: { json?: boolean }) => {
      process.exitCode = await validate(file, flags.json === true);
    });
}

async function validate(file: string | undefined, json: boolean): Promise<number> {
  let check;
  try {
    check = await checkCliConfig(file);
  } catch (error) {
    // Unreadable or malformed files are reported in the same shape as validation problems.
    if (!(error instanceof ConduitError)) throw error;
    const issue = { code: error.code, severity: 'error' as const, path: '', message: error.message, hint: error.hint };
    print(json, { file: file ?? null, valid: false, issues: [issue] }, [formatIssue(issue)]);
    return exitCodeFor(error.code);
  }
  const errors = check.issues.filter((i) => i.severity === 'error');
  const lines = check.issues.map((i) => formatIssue(i, check.source));
  lines.push(errors.length === 0
    ? `${check.source}: valid${check.issues.length ? ` (${check.issues.length} warning(s))` : ''}`
    : `${check.source}: ${errors.length} error(s)`);
  print(json, { file: check.source, valid: errors.length === 0, issues: check.issues }, lines);
  const first = errors[0];
  if (!first) return 0;
  return exitCodeFor(errors.length === 1 ? first.code : 'CFG_INVALID');
}

function print(json: boolean, report: unknown, lines: string[]): void {
  if (json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else process.stdout.write(`${lines.join('\n')}\n`);
}
