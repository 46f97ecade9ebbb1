// docs/xray.md documents every analyzer (a section per id, the anchor hints and reports link to) and its options.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../package-info.ts';
import { ANALYZERS } from './analyzer-registry.ts';

void test('every analyzer has a section, a table row and its options in docs/xray.md', () => {
  const doc = readFileSync(join(packageRoot(), 'docs', 'xray.md'), 'utf8');
  for (const a of ANALYZERS) {
    assert.match(doc, new RegExp(`^### ${a.docsAnchor}$`, 'm'), `section for ${a.id}`);
    assert.match(doc, new RegExp(`^\\| \\[${a.id}\\]\\(#${a.docsAnchor}\\) \\|`, 'm'), `table row for ${a.id}`);
    for (const option of Object.keys(a.options.shape)) assert.ok(doc.includes(`\`${option}\``), `${a.id}.${option} documented`);
  }
  assert.match(doc, /^## Score and grade$/m);
  assert.match(doc, /^### Report JSON schema$/m);
});
