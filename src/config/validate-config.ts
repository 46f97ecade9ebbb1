import type { z } from 'zod';
import { adapterCommonSchema, configSchema, type ConduitConfig } from './config-schema.ts';
import type { ConfigIssue } from './config-issue.ts';
import { knownKeysAt } from './schema-keys.ts';
import { suggestKey } from './suggest-key.ts';
import type { ErrorCode } from '../core/error-catalogue.ts';
import { toSafeError } from '../core/conduit-error.ts';
import { readCaBundle } from '../http/tls-trust.ts';
import { clientCertificateFiles, readClientCertificate } from '../http/tls-client-certificate.ts';

/** Returns an adapter type's own config schema, or undefined when that type ships in a later version. */
export type AdapterSchemaLookup = (type: string) => Promise<z.ZodType | undefined>;

export interface ValidationResult {
  config?: ConduitConfig;
  issues: ConfigIssue[];
}

/** Keys whose values are secrets: they must come from the environment, never be written in the file. */
export function isSecretPath(path: string): boolean {
  return /^adapters\.[^.]+\.credentials\.[^.]*(password|secret|token|key)[^.]*$/i.test(path)
    || /^adapters\.[^.]+\.tls\.keyPassphrase$/.test(path)
    || /^server\.http\.auth\.tokens\.\d+$/.test(path);
}

/**
 * Validates a configuration object in full and reports every problem at once
 * (parse → rules), each with its own code, dot-path and fix.
 */
export async function validateConfig(
  input: unknown,
  options: { adapterSchema: AdapterSchemaLookup; fromEnv?: ReadonlySet<string>; allowLiteralSecrets?: boolean },
): Promise<ValidationResult> {
  const issues: ConfigIssue[] = [];
  const parsed = configSchema.safeParse(input);
  if (!parsed.success) issues.push(...parsed.error.issues.flatMap((i) => toConfigIssues(i, configSchema, [], input)));
  if (!options.allowLiteralSecrets) issues.push(...literalSecretIssues(input, options.fromEnv ?? new Set()));
  const adapters = parsed.success ? parsed.data.adapters : {};
  for (const [name, block] of Object.entries(adapters)) {
    const schema = await options.adapterSchema(block.type);
    const base = ['adapters', name];
    if (schema === undefined) {
      issues.push({
        code: 'CFG_UNKNOWN_ADAPTER_TYPE', severity: 'warning', path: [...base, 'type'].join('.'),
        message: `adapter type "${block.type}" is not available in this version of Conduit; its tools will report ADP_LOAD_FAILED`,
        hint: 'Use sitecore-xp or sitecore-xmc, or upgrade Conduit.',
      });
      continue;
    }
    const rawBlock = valueAt(input, base);
    const own = schema.safeParse(rawBlock);
    if (!own.success) issues.push(...own.error.issues.flatMap((i) => toConfigIssues(i, schema, base, input)));
  }
  issues.push(...tlsFileIssues(adapters));
  const errors = issues.filter((i) => i.severity === 'error');
  return errors.length === 0 && parsed.success ? { config: parsed.data, issues } : { issues };
}

/** The tls files are read now, so a wrong path or file is a config error, not a failed handshake later. */
function tlsFileIssues(adapters: ConduitConfig['adapters']): ConfigIssue[] {
  return Object.entries(adapters).flatMap(([name, block]) => {
    const { caFile } = block.tls;
    const client = clientCertificateFiles(block.tls);
    const checks: Array<[string, () => unknown]> = [];
    if (caFile !== undefined) checks.push(['caFile', () => readCaBundle(caFile)]);
    if (client !== undefined) checks.push(['pfxFile' in client ? 'pfxFile' : 'certFile', () => readClientCertificate(client)]);
    return checks.flatMap(([key, check]) => {
      try {
        check();
        return [];
      } catch (error) {
        const safe = toSafeError(error);
        return [{ code: safe.code, severity: 'error' as const, path: `adapters.${name}.tls.${key}`, message: safe.message, hint: safe.hint ?? '' }];
      }
    });
  });
}

function toConfigIssues(issue: z.core.$ZodIssue, schema: z.ZodType, base: PropertyKey[], root: unknown): ConfigIssue[] {
  const path = [...base, ...issue.path];
  const dot = path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeysAt(schema, issue.path);
    const knownCommon = base.length > 0 ? knownKeysAt(adapterCommonSchema, []) : [];
    return issue.keys.map((key) => {
      const suggestion = suggestKey(key, [...known, ...knownCommon]);
      const keyPath = [...path.map(String), key].join('.');
      return {
        code: /^adapters\.[^.]+\.credentials\./.test(keyPath) ? 'CFG_BAD_CREDENTIALS' : 'CFG_UNKNOWN_KEY',
        severity: 'error', path: keyPath,
        message: `unknown key "${key}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`,
        hint: suggestion ? `Rename "${key}" to "${suggestion}".` : `Remove "${key}"; allowed keys here: ${known.join(', ') || '(none)'}.`,
      };
    });
  }
  const code = codeFor(issue, path, root);
  return [{ code, severity: 'error', path: dot, message: messageFor(issue, code), hint: hintFor(issue, code, dot) }];
}

function codeFor(issue: z.core.$ZodIssue, path: PropertyKey[], root: unknown): ErrorCode {
  const dot = path.map(String).join('.');
  if (/^adapters\.[^.]+\.type$/.test(dot) && issue.code === 'invalid_value') return 'CFG_UNKNOWN_ADAPTER_TYPE';
  if (/^adapters\.[^.]+\.credentials(\.|$)/.test(dot)) return 'CFG_BAD_CREDENTIALS';
  if (issue.code === 'invalid_type') return valueAt(root, path) === undefined ? 'CFG_MISSING_KEY' : 'CFG_WRONG_TYPE';
  return 'CFG_INVALID_VALUE';
}

function messageFor(issue: z.core.$ZodIssue, code: ErrorCode): string {
  if (code === 'CFG_MISSING_KEY') return 'required key is missing';
  if (code === 'CFG_UNKNOWN_ADAPTER_TYPE' && issue.code === 'invalid_value') {
    return `unknown adapter type; expected one of ${issue.values.map(String).join(', ')}`;
  }
  return issue.message.replace(/^Invalid input: /, '');
}

function hintFor(issue: z.core.$ZodIssue, code: ErrorCode, dot: string): string {
  if (code === 'CFG_UNKNOWN_ADAPTER_TYPE') return 'Set type to one of: sitecore-xp, sitecore-xmc, wordpress, contentful, sanity, umbraco, optimizely.';
  if (code === 'CFG_BAD_CREDENTIALS') return `Fix ${dot}: see docs/adapters for the credentials this adapter type needs; take secrets from \${ENV_VARS}.`;
  if (code === 'CFG_MISSING_KEY') return `Add ${dot}.`;
  if (issue.code === 'invalid_type') return `Give ${dot} a value of type ${issue.expected}.`;
  if (issue.code === 'invalid_value') return `Use one of: ${issue.values.map(String).join(', ')}.`;
  return `Change ${dot} to an allowed value.`;
}

function literalSecretIssues(input: unknown, fromEnv: ReadonlySet<string>): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  walkStrings(input, [], (path, value) => {
    const dot = path.join('.');
    if (value !== '' && isSecretPath(dot) && !fromEnv.has(dot)) {
      issues.push({
        code: 'CFG_INVALID_VALUE', severity: 'error', path: dot,
        message: 'a secret is written literally in the config file',
        hint: `Put the secret in an environment variable and write \${VARIABLE} here (or VARIABLE_FILE pointing at a file).`,
      });
    }
  });
  return issues;
}

function walkStrings(value: unknown, path: string[], onString: (path: string[], value: string) => void): void {
  if (typeof value === 'string') onString(path, value);
  else if (Array.isArray(value)) value.forEach((v, i) => walkStrings(v, [...path, String(i)], onString));
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) walkStrings(v, [...path, k], onString);
  }
}

export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = Reflect.get(current, String(segment));
  }
  return current;
}
