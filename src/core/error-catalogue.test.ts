import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODES } from './error-catalogue.ts';
import { renderTroubleshooting } from './troubleshooting-doc.ts';
import { packageRoot } from '../package-info.ts';

test('TROUBLESHOOTING.md documents every error code exactly as the catalogue says (run npm run docs:errors)', () => {
  const doc = readFileSync(join(packageRoot(), 'TROUBLESHOOTING.md'), 'utf8');
  assert.equal(doc, renderTroubleshooting());
  for (const code of ERROR_CODES) assert.match(doc, new RegExp(`^## ${code}$`, 'm'));
});

test('every error code used in the source is in the catalogue', () => {
  const used = new Set<string>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) { if (name !== 'node_modules' && name !== 'fixtures') walk(path); continue; }
      if (!name.endsWith('.ts')) continue;
      for (const match of readFileSync(path, 'utf8').matchAll(/ConduitError\(\s*'([A-Z]+_[A-Z_]+|INTERNAL)'/g)) used.add(match[1] ?? '');
    }
  };
  walk(join(packageRoot(), 'src'));
  walk(join(packageRoot(), 'adapters'));
  const known = new Set<string>(ERROR_CODES);
  assert.deepEqual([...used].filter((c) => !known.has(c)), []);
});

test('codes follow FAMILY_REASON', () => {
  for (const code of ERROR_CODES) assert.match(code, /^(INTERNAL|[A-Z]+_[A-Z_]+)$/);
});
