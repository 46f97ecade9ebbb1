import type { Command } from 'commander';
import { migrate } from '../../store/migrate.ts';
import { openDb } from '../../store/open-scan-store.ts';
import { redactConnectionString } from '../../store/redact-connection-string.ts';
import { loadCliConfig } from '../cli-config.ts';
import { writeLine } from './xray-run.ts';

interface MigrateFlags { config?: string; dryRun?: boolean; json?: boolean }

export function registerDb(program: Command): void {
  const db = program.command('db').description('The scan database (storage.sqlite, or storage.postgres / DATABASE_URL)');
  db.command('migrate')
    .description('Apply the database migrations this Conduit ships (one transaction each); refuses a database newer than this Conduit')
    .option('-c, --config <file>', 'configuration file (default $CONDUIT_CONFIG or ./conduit.yaml)')
    .option('--dry-run', 'only show what would be applied')
    .option('--json', 'print the result as JSON')
    .action(async (flags: MigrateFlags) => { process.exitCode = await runMigrate(flags); });
}

async function runMigrate(flags: MigrateFlags): Promise<number> {
  const { config } = await loadCliConfig(flags.config);
  const target = config.storage.postgres !== undefined ? redactConnectionString(config.storage.postgres) : `sqlite:${config.storage.sqlite}`;
  const db = openDb(config.storage);
  try {
    const result = await migrate(db, { dryRun: flags.dryRun === true });
    if (flags.json) {
      writeLine(JSON.stringify({ database: target, ...result }));
      return 0;
    }
    const steps = (flags.dryRun ? result.pending : result.applied).map((m) => `  ${String(m.version).padStart(4, '0')}_${m.name}`);
    writeLine(`${target}: version ${result.fromVersion} → ${flags.dryRun ? result.fromVersion : Math.max(result.fromVersion, ...result.applied.map((m) => m.version))} (latest ${result.latestVersion})`);
    if (steps.length === 0) writeLine('  up to date');
    else writeLine(`${flags.dryRun ? 'would apply' : 'applied'}:\n${steps.join('\n')}`);
    return 0;
  } finally {
    await db.close();
  }
}
