import type { Command } from 'commander';
import { registerConfigGenerate } from './config-generate.ts';
import { registerConfigValidate } from './config-validate.ts';

export function registerConfig(program: Command): void {
  const config = program.command('config').description('Validate or generate a configuration file');
  registerConfigValidate(config);
  registerConfigGenerate(config);
}
