import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ADAPTER_TYPES, type AdapterType } from '../../config/config-schema.ts';
import { CREDENTIAL_KEYS, defaultSecretEnv, generateConfigYaml, type GenerateAnswers } from '../../config/generate-config.ts';
import { ConduitError } from '../../core/conduit-error.ts';
import { askAnswers } from './config-wizard.ts';

interface GenerateFlags {
  out: string;
  force?: boolean;
  adapter?: string[];
  storage?: string;
  host: string;
  port: string;
  tokenEnv?: string;
  readOnly?: boolean;
  interactive?: boolean;
}

export function registerConfigGenerate(config: Command): void {
  config.command('generate')
    .description('Write a commented conduit.yaml (a wizard on a terminal, or from flags)')
    .option('-o, --out <file>', 'where to write', 'conduit.yaml')
    .option('--force', 'overwrite an existing file')
    .option('--adapter <name:type:url>', 'an adapter, e.g. main:sitecore-xp:https://cm.example.com (repeatable)', collect, [])
    .option('--storage <sqlite:PATH|postgres:ENV>', 'scan storage', 'sqlite:./conduit.db')
    .option('--host <host>', 'HTTP bind address', '127.0.0.1')
    .option('--port <port>', 'HTTP port', '3000')
    .option('--token-env <VAR>', 'env var holding a bearer token for HTTP clients')
    .option('--read-only', 'hide write tools')
    .option('--no-interactive', 'never prompt, even on a terminal')
    .action(async (flags: GenerateFlags) => { await generate(flags); });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

async function generate(flags: GenerateFlags): Promise<void> {
  const out = resolve(flags.out);
  if (existsSync(out) && !flags.force) {
    throw new ConduitError('CFG_FILE_EXISTS', `${out} already exists; not overwriting it.`);
  }
  const fromFlags = (flags.adapter ?? []).length > 0;
  const wizard = !fromFlags && flags.interactive !== false && process.stdin.isTTY === true && process.stdout.isTTY === true;
  const answers = wizard ? await askAnswers() : answersFromFlags(flags);
  await writeFile(out, generateConfigYaml(answers), { flag: flags.force ? 'w' : 'wx' });
  process.stdout.write(`wrote ${out}\nnext: set the environment variables it names, then run: conduit config validate ${flags.out}\n`);
}

export function answersFromFlags(flags: Pick<GenerateFlags, 'adapter' | 'storage' | 'host' | 'port' | 'tokenEnv' | 'readOnly'>): GenerateAnswers {
  const adapters = (flags.adapter ?? []).map((spec) => {
    const match = /^([a-z][a-z0-9_-]*):([a-z-]+):(https?:\/\/.+)$/.exec(spec);
    const type = ADAPTER_TYPES.find((t) => t === match?.[2]);
    if (!match || !type) {
      throw new ConduitError('CFG_INVALID_VALUE', `--adapter "${spec}" is not name:type:url with a known type.`, {
        hint: `Use e.g. main:sitecore-xp:https://cm.example.com; types: ${ADAPTER_TYPES.join(', ')}.`,
      });
    }
    const name = match[1] ?? 'main';
    return { name, type, url: match[3] ?? '', secretEnv: secretEnvFor(name, type) };
  });
  if (adapters.length === 0) adapters.push({ name: 'main', type: 'sitecore-xp', url: 'https://cm.example.com', secretEnv: secretEnvFor('main', 'sitecore-xp') });
  const [kind, value] = splitOnce(flags.storage ?? 'sqlite:./conduit.db');
  const storage = kind === 'postgres' ? { kind: 'postgres' as const, env: value || 'DATABASE_URL' } : { kind: 'sqlite' as const, path: value || './conduit.db' };
  return {
    adapters, storage, readOnly: flags.readOnly === true,
    http: { host: flags.host ?? '127.0.0.1', port: Number(flags.port ?? 3000), ...(flags.tokenEnv ? { tokenEnv: flags.tokenEnv } : {}) },
  };
}

function secretEnvFor(name: string, type: AdapterType): Record<string, string> {
  return Object.fromEntries(CREDENTIAL_KEYS[type].secrets.map((key) => [key, defaultSecretEnv(name, key)]));
}

function splitOnce(value: string): [string, string] {
  const at = value.indexOf(':');
  return at < 0 ? [value, ''] : [value.slice(0, at), value.slice(at + 1)];
}
