import type { Command } from 'commander';
import { createApp } from '../../app.ts';
import { formatIssue } from '../../config/config-issue.ts';
import type { LoadedConfig } from '../../config/load-config.ts';
import { ConduitError } from '../../core/conduit-error.ts';
import type { AdapterHealth } from '../../core/content-model.ts';
import { exitCodeFor } from '../../core/error-catalogue.ts';
import { createLogger } from '../../ops/logger.ts';
import { checkCliConfig } from '../cli-config.ts';

interface ValidateFlags { json?: boolean; connect?: boolean }

export function registerConfigValidate(config: Command): void {
  config.command('validate [file]')
    .description('Check a configuration file and report every problem at once')
    .option('--json', 'print the report as JSON')
    .option('--connect', 'then start each adapter and check that it reaches and logs in to its CMS (exit 4 when one does not)')
    .action(async (file: string | undefined, flags: ValidateFlags) => {
      process.exitCode = await validate(file, flags);
    });
}

async function validate(file: string | undefined, flags: ValidateFlags): Promise<number> {
  const json = flags.json === true;
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
  const report = { file: check.source, valid: errors.length === 0, issues: check.issues };
  const first = errors[0];
  if (first) {
    print(json, report, lines);
    return exitCodeFor(errors.length === 1 ? first.code : 'CFG_INVALID');
  }
  if (!flags.connect || !check.loaded) {
    print(json, report, lines);
    return 0;
  }
  const adapters = await checkAdapters(check.loaded);
  for (const [name, { type, health }] of Object.entries(adapters)) lines.push(describeHealth(name, type, health));
  print(json, { ...report, adapters }, lines);
  return Object.values(adapters).every((a) => a.health.ok) ? 0 : exitCodeFor('ADP_UNAVAILABLE');
}

/** Starts the adapters as `serve` would (nothing else: no store, no server) and asks each for its health. */
async function checkAdapters(loaded: LoadedConfig): Promise<Record<string, { type: string; health: AdapterHealth }>> {
  const app = await createApp(loaded.config, { secrets: loaded.secrets, logger: createLogger({ level: 'warn', secrets: loaded.secrets }) });
  try {
    const health = await app.content.health(undefined);
    return Object.fromEntries(app.content.adapters().map((a) => [a.name, { type: a.type, health: health[a.name] ?? { ok: false, status: 'unknown' } }]));
  } finally {
    await app.close();
  }
}

function describeHealth(name: string, type: string, health: AdapterHealth): string {
  const latency = health.latencyMs === undefined ? '' : ` in ${Math.round(health.latencyMs)} ms`;
  const version = health.version ? `, ${health.version}` : '';
  return `adapter ${name} (${type}): ${health.ok ? 'ok' : 'FAILED'}, ${health.status}${latency}${version}${health.message ? `: ${health.message}` : ''}`;
}

function print(json: boolean, report: unknown, lines: string[]): void {
  if (json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else process.stdout.write(`${lines.join('\n')}\n`);
}
