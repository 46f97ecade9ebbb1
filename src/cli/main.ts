import { Command, CommanderError } from 'commander';
import { packageVersion } from '../package-info.ts';
import { reportError } from './report-error.ts';

/**
 * The command table. Each command module is imported only when that command
 * runs, so `conduit --help` stays fast and one command's dependencies cannot
 * break another.
 */
const COMMANDS: ReadonlyArray<{ name: string; load: () => Promise<(program: Command) => void> }> = [
  { name: 'serve', load: async () => (await import('./commands/serve.ts')).registerServe },
  { name: 'config', load: async () => (await import('./commands/config.ts')).registerConfig },
  { name: 'demo', load: async () => (await import('./commands/demo.ts')).registerDemo },
  { name: 'simulator', load: async () => (await import('./commands/simulator.ts')).registerSimulator },
  { name: 'xray', load: async () => (await import('./commands/xray.ts')).registerXray },
  { name: 'worker', load: async () => (await import('./commands/worker.ts')).registerWorker },
  { name: 'db', load: async () => (await import('./commands/db.ts')).registerDb },
];

export async function main(argv: string[]): Promise<number> {
  const program = new Command('conduit')
    .description('Conduit: MCP server, X-Ray audit and operations for enterprise CMSs')
    .version(packageVersion(), '-v, --version')
    .exitOverride()
    .showHelpAfterError('(run conduit --help for usage)');
  const wanted = argv[2];
  // Register only the command being run; for help or an unknown command, register them all.
  const selected = COMMANDS.filter((c) => c.name === wanted);
  for (const command of selected.length > 0 ? selected : COMMANDS) (await command.load())(program);
  const json = argv.includes('--json');
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    return reportError(error, { json });
  }
}
