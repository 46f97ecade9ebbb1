// Cheap checks of the dependency rules in ../shared/ARCHITECTURE.md, so they hold as the code grows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { packageRoot } from '../src/package-info.ts';

const root = packageRoot();

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(root, dir))) {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) out.push(...sourceFiles(path));
    else if (name.endsWith('.ts')) out.push(path);
  }
  return out;
}

const isTest = (file: string): boolean => file.endsWith('.test.ts') || file.includes('/test-support/');
const productionFiles = [...sourceFiles('src'), ...sourceFiles('adapters')].filter((f) => !isTest(f));

function imports(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)]
    .map((m) => m[1] ?? m[2] ?? '');
}

function resolved(file: string, spec: string): string {
  return spec.startsWith('.') ? relative(root, join(root, file, '..', spec)) : spec;
}

test('core imports nothing else from the repository', () => {
  const offenders = productionFiles.filter((f) => f.startsWith('src/core/'))
    .flatMap((f) => imports(f).filter((s) => s.startsWith('.')).map((s) => resolved(f, s)).filter((t) => !t.startsWith('src/core/')).map((t) => `${f} → ${t}`));
  assert.deepEqual(offenders, []);
});

test('every MCP SDK import stays inside src/mcp/', () => {
  const offenders = productionFiles.filter((f) => !f.startsWith('src/mcp/'))
    .flatMap((f) => imports(f).filter((s) => s.startsWith('@modelcontextprotocol/')).map((s) => `${f} → ${s}`));
  assert.deepEqual(offenders, []);
});

test('only src/app.ts imports adapters/ (besides the CLI\'s dev-only simulator command)', () => {
  const offenders = productionFiles.filter((f) => f.startsWith('src/'))
    .flatMap((f) => imports(f).map((s) => resolved(f, s)).filter((t) => t.startsWith('adapters/')).map((t) => `${f} → ${t}`))
    .filter((edge) => !edge.startsWith('src/app.ts') && !/^src\/cli\/commands\/(simulator|demo)\.ts → adapters\/sitecore\/simulator\//.test(edge));
  assert.deepEqual(offenders, []);
});

test('adapters import only the adapter kit from src/', () => {
  const offenders = productionFiles.filter((f) => f.startsWith('adapters/') && f !== 'adapters/index.ts')
    .flatMap((f) => imports(f).map((s) => resolved(f, s)).filter((t) => t.startsWith('src/') && !t.startsWith('src/adapter-kit/')).map((t) => `${f} → ${t}`));
  assert.deepEqual(offenders, []);
});

test('process.env is read only by config loading and the CLI; console only by the CLI', () => {
  const envOffenders = productionFiles.filter((f) => !f.startsWith('src/config/') && !f.startsWith('src/cli/'))
    .filter((f) => /process\.env\b/.test(readFileSync(join(root, f), 'utf8')));
  const consoleOffenders = productionFiles.filter((f) => !f.startsWith('src/cli/'))
    .filter((f) => /\bconsole\.(log|error|warn|info|debug)\(/.test(readFileSync(join(root, f), 'utf8')));
  assert.deepEqual({ envOffenders, consoleOffenders }, { envOffenders: [], consoleOffenders: [] });
});

test('adapters never call global fetch', () => {
  const offenders = productionFiles.filter((f) => f.startsWith('adapters/') && !f.includes('/simulator/'))
    .filter((f) => /(^|[^.\w])fetch\(/.test(readFileSync(join(root, f), 'utf8')));
  assert.deepEqual(offenders, []);
});
