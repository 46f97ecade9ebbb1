import { readFileSync } from 'node:fs';
import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml';

export type Env = Readonly<Record<string, string | undefined>>;

export interface InterpolationProblem {
  code: 'CFG_ENV_MISSING' | 'CFG_SECRET_FILE_UNREADABLE';
  path: string;
  variable: string;
  /** Offset in the source text, for line/column. */
  offset: number | undefined;
}

export interface InterpolationResult {
  problems: InterpolationProblem[];
  /** Dot-paths whose value came (wholly or partly) from the environment. */
  fromEnv: Set<string>;
  /** Every value substituted from the environment: candidates for log redaction. */
  substituted: string[];
}

const REFERENCE = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;

/**
 * Replaces ${VAR} and ${VAR:-default} inside YAML string scalars, in place.
 * Working on scalars rather than raw text keeps YAML quoting intact and lets
 * every problem name its dot-path and line. `$$` is a literal `$`. When VAR is
 * unset but VAR_FILE names a readable file, its trimmed content is used
 * (the Docker/Kubernetes secrets convention).
 */
export function interpolateEnv(doc: Document, env: Env): InterpolationResult {
  const result: InterpolationResult = { problems: [], fromEnv: new Set(), substituted: [] };
  visit(doc.contents, [], (scalar, path) => {
    if (typeof scalar.value !== 'string' || !scalar.value.includes('$')) return;
    const original = scalar.value;
    let touched = false;
    scalar.value = original.replace(REFERENCE, (match, name: string | undefined, fallback: string | undefined) => {
      if (match === '$$') return '$';
      if (name === undefined) return match;
      touched = true;
      const value = lookup(name, env, path, scalar.range?.[0], result);
      if (value !== undefined) {
        if (value !== '') result.substituted.push(value);
        return value;
      }
      if (fallback !== undefined) return fallback;
      result.problems.push({ code: 'CFG_ENV_MISSING', path: path.join('.'), variable: name, offset: scalar.range?.[0] });
      return '';
    });
    if (touched) result.fromEnv.add(path.join('.'));
  });
  return result;
}

function lookup(name: string, env: Env, path: string[], offset: number | undefined, result: InterpolationResult): string | undefined {
  const direct = env[name];
  if (direct !== undefined) return direct;
  const file = env[`${name}_FILE`];
  if (file === undefined) return undefined;
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    // The file's own error may quote its path only; report it under our code instead.
    result.problems.push({ code: 'CFG_SECRET_FILE_UNREADABLE', path: path.join('.'), variable: `${name}_FILE`, offset });
    return '';
  }
}

type ScalarVisitor = (scalar: { value: unknown; range?: [number, number, number] | null }, path: string[]) => void;

function visit(node: Node | null | undefined | unknown, path: string[], onScalar: ScalarVisitor): void {
  if (isScalar(node)) {
    onScalar(node, path);
  } else if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      visit(pair.value, [...path, key], onScalar);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => visit(item, [...path, String(index)], onScalar));
  }
}
