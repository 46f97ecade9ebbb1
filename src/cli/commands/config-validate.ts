import type { Command } from 'commander';
import { createApp } from '../../app.ts';
import { formatIssue } from '../../config/config-issue.ts';
import type { LoadedConfig } from '../../config/load-config.ts';
import type { App } from '../../app-types.ts';
import { ConduitError, hasCode } from '../../core/conduit-error.ts';
import type { AdapterHealth } from '../../core/content-model.ts';
import { exitCodeFor } from '../../core/error-catalogue.ts';
import { createLogger } from '../../ops/logger.ts';
import { checkCliConfig } from '../cli-config.ts';

interface ValidateFlags { json?: boolean; connect?: boolean }

export function registerConfigValidate(config: Command): void {
  config.command('validate [file]')
    .description('Check a configuration file and report every problem at once')
    .option('--json', 'print the report as JSON')
    .option('--connect', 'then start each adapter, check that it reaches and logs in to its CMS, and that an X-Ray scan of its root could start (exit 4 when one fails)')
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
  for (const [name, { type, health, xray }] of Object.entries(adapters)) lines.push(describeHealth(name, type, health), ...describeXray(xray));
  print(json, { ...report, adapters }, lines);
  return Object.values(adapters).every((a) => a.health.ok && a.xray?.ok !== false) ? 0 : exitCodeFor('ADP_UNAVAILABLE');
}

/** Whether a scan of the adapter's default root could start: the root resolves and its languages exist. */
type XrayCheck = { ok: true; notes: string[] } | { ok: false; code: string; message: string; hint?: string };

interface AdapterCheck { type: string; health: AdapterHealth; xray?: XrayCheck }

/** Starts the adapters as `serve` would (nothing else: no store, no server) and asks each for its health. */
async function checkAdapters(loaded: LoadedConfig): Promise<Record<string, AdapterCheck>> {
  const app = await createApp(loaded.config, { secrets: loaded.secrets, logger: createLogger({ level: 'warn', secrets: loaded.secrets }) });
  try {
    const health = await app.content.health(undefined);
    const checks: Array<[string, AdapterCheck]> = [];
    for (const a of app.content.adapters()) {
      const h = health[a.name] ?? { ok: false, status: 'unknown' };
      const xray = h.ok ? await xrayCheck(app, a.name) : undefined;
      checks.push([a.name, { type: a.type, health: h, ...(xray ? { xray } : {}) }]);
    }
    return Object.fromEntries(checks);
  } finally {
    await app.close();
  }
}

/** A scan's first steps without the scan: no store is opened, nothing is recorded. Undefined for an adapter without X-Ray. */
async function xrayCheck(app: App, adapter: string): Promise<XrayCheck | undefined> {
  try {
    return { ok: true, ...(await app.xray.preflight({ adapter })) };
  } catch (error) {
    if (hasCode(error, 'XRAY_SOURCE_MISSING')) return undefined;
    if (!(error instanceof ConduitError)) throw error;
    return { ok: false, code: error.code, message: error.message, ...(error.hint ? { hint: error.hint } : {}) };
  }
}

function describeXray(xray: XrayCheck | undefined): string[] {
  if (xray === undefined) return [];
  if (!xray.ok) return [`  x-ray: FAILED [${xray.code}] ${xray.message}`, ...(xray.hint ? [`    hint: ${xray.hint}`] : [])];
  return ['  x-ray: a scan of the default root can start', ...xray.notes.map((note) => `  x-ray note: ${note}`)];
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
