import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { ConduitError } from '../core/conduit-error.ts';
import type { ConduitConfig } from './config-schema.ts';
import type { ConfigIssue } from './config-issue.ts';
import { interpolateEnv, type Env } from './interpolate-env.ts';
import { validateConfig, type AdapterSchemaLookup } from './validate-config.ts';
import { deepFreeze } from './deep-freeze.ts';

export interface LoadedConfig {
  config: ConduitConfig;
  /** The file it came from, or undefined for a built-in config. */
  source: string | undefined;
  /** Values taken from the environment: redacted from every log line. */
  secrets: string[];
  warnings: ConfigIssue[];
}

export interface ConfigCheck {
  source: string;
  issues: ConfigIssue[];
  loaded?: LoadedConfig;
}

export interface LoadOptions {
  /** --config */
  path?: string;
  env: Env;
  cwd: string;
  adapterSchema: AdapterSchemaLookup;
}

/** --config, then $CONDUIT_CONFIG, then ./conduit.yaml. */
export function resolveConfigPath(options: Pick<LoadOptions, 'path' | 'env' | 'cwd'>): string {
  return resolve(options.cwd, options.path ?? options.env['CONDUIT_CONFIG'] ?? 'conduit.yaml');
}

/** Reads and validates a config file, collecting every problem instead of stopping at the first. */
export async function checkConfigFile(options: LoadOptions): Promise<ConfigCheck> {
  const source = resolveConfigPath(options);
  const text = await readConfigText(source, options.path !== undefined || options.env['CONDUIT_CONFIG'] !== undefined);
  return checkConfigText(text, source, options);
}

export async function checkConfigText(text: string, source: string, options: Pick<LoadOptions, 'env' | 'adapterSchema'>): Promise<ConfigCheck> {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const pos = yamlError.linePos?.[0];
    throw new ConduitError('CFG_YAML_MALFORMED',
      `${source}${pos ? `:${pos.line}:${pos.col}` : ''} is not valid YAML: ${yamlError.message.split('\n')[0] ?? ''}`,
      {
        details: { file: source, line: pos?.line, column: pos?.col },
        ...(text.includes('${') ? { hint: 'Fix the YAML at that line and column. Inside { } or [ ], quote values that use ${VAR}: password: "${VAR}".' } : {}),
      });
  }
  const interpolation = interpolateEnv(doc, options.env);
  const issues: ConfigIssue[] = interpolation.problems.map((p) => ({
    code: p.code, severity: 'error', path: p.path, ...position(lines, p.offset),
    message: p.code === 'CFG_ENV_MISSING'
      ? `environment variable ${p.variable} is not set and has no default`
      : `the file named by ${p.variable} cannot be read`,
    hint: p.code === 'CFG_ENV_MISSING'
      ? `Export ${p.variable}, or write \${${p.variable}:-default} to give a default.`
      : `Check that the file in ${p.variable} exists and is readable.`,
  }));
  const raw: unknown = doc.toJS() ?? {};
  const validation = await validateConfig(raw, { adapterSchema: options.adapterSchema, fromEnv: interpolation.fromEnv });
  issues.push(...validation.issues.map((issue) => ({ ...issue, ...locate(doc, lines, issue.path) })));
  const hasErrors = issues.some((i) => i.severity === 'error');
  if (hasErrors || validation.config === undefined) return { source, issues };
  const config = applyEnvironmentDefaults(validation.config, options.env);
  return {
    source, issues,
    loaded: { config: deepFreeze(config), source, secrets: interpolation.substituted, warnings: issues },
  };
}

/** Loads a config or throws CFG_* with every problem listed. */
export async function loadConfig(options: LoadOptions): Promise<LoadedConfig> {
  const check = await checkConfigFile(options);
  if (check.loaded) return check.loaded;
  const errors = check.issues.filter((i) => i.severity === 'error');
  const first = errors[0];
  const code = errors.length === 1 && first ? first.code : 'CFG_INVALID';
  throw new ConduitError(code, `${check.source} has ${errors.length} problem(s): ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`, {
    hint: errors.length === 1 && first ? first.hint : 'Run `conduit config validate` to see each problem with its fix.',
    details: { issues: errors },
  });
}

/**
 * DATABASE_URL in the environment selects Postgres when the file does not; NODE_USE_ENV_PROXY=1
 * turns on network.proxyFromEnv, as it does for Node's own fetch.
 */
export function applyEnvironmentDefaults(config: ConduitConfig, env: Env): ConduitConfig {
  const databaseUrl = env['DATABASE_URL'];
  const postgres = config.storage.postgres === undefined && databaseUrl !== undefined && databaseUrl !== '';
  const proxy = !config.network.proxyFromEnv && env['NODE_USE_ENV_PROXY'] === '1';
  if (!postgres && !proxy) return config;
  return {
    ...config,
    ...(postgres ? { storage: { ...config.storage, postgres: databaseUrl } } : {}),
    ...(proxy ? { network: { ...config.network, proxyFromEnv: true } } : {}),
  };
}

async function readConfigText(path: string, explicit: boolean): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const errno = error instanceof Error && 'code' in error ? String(error.code) : '';
    if (errno === 'ENOENT') {
      throw new ConduitError('CFG_NOT_FOUND', `No configuration file at ${path}${explicit ? '' : ' (looked at --config, $CONDUIT_CONFIG, ./conduit.yaml)'}.`);
    }
    throw new ConduitError('CFG_UNREADABLE', `The configuration file ${path} cannot be read (${errno || 'unknown error'}).`, { cause: error });
  }
}

function locate(doc: Document, lines: LineCounter, dotPath: string): { line?: number; column?: number } {
  const segments = dotPath === '' ? [] : dotPath.split('.');
  // Walk up until a node exists: a missing key is reported at its parent.
  for (let n = segments.length; n >= 0; n--) {
    const node: unknown = n === 0 ? doc.contents : doc.getIn(segments.slice(0, n), true);
    const range: unknown = typeof node === 'object' && node !== null ? Reflect.get(node, 'range') : undefined;
    if (Array.isArray(range) && typeof range[0] === 'number') {
      const offset = n === segments.length ? keyOffset(doc, segments) ?? range[0] : range[0];
      return position(lines, offset);
    }
  }
  return {};
}

/** For an unknown key the key itself is the interesting place, not its value. */
function keyOffset(doc: Document, segments: string[]): number | undefined {
  const parent: unknown = segments.length === 1 ? doc.contents : doc.getIn(segments.slice(0, -1), true);
  const items: unknown = typeof parent === 'object' && parent !== null ? Reflect.get(parent, 'items') : undefined;
  if (!Array.isArray(items)) return undefined;
  for (const pair of items) {
    const key: unknown = Reflect.get(pair, 'key');
    if (typeof key === 'object' && key !== null && String(Reflect.get(key, 'value')) === segments.at(-1)) {
      const range: unknown = Reflect.get(key, 'range');
      if (Array.isArray(range) && typeof range[0] === 'number') return range[0];
    }
  }
  return undefined;
}

function position(lines: LineCounter, offset: number | undefined): { line?: number; column?: number } {
  if (offset === undefined) return {};
  const pos = lines.linePos(offset);
  return { line: pos.line, column: pos.col };
}

/** Validates a config built in code (demo, tests): same rules as a file, minus file and env handling. */
export async function parseConfigObject(input: unknown, adapterSchema: AdapterSchemaLookup): Promise<ConduitConfig> {
  const result = await validateConfig(input, { adapterSchema, allowLiteralSecrets: true });
  if (result.config) return deepFreeze(result.config);
  const errors = result.issues.filter((i) => i.severity === 'error');
  throw new ConduitError('CFG_INVALID', `Built-in configuration is invalid: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
}
