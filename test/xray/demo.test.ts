// `conduit demo` from an empty directory: simulator, X-Ray scan into SQLite, summary and MCP client config; no network, no keys.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../support/run-cli.ts';
import { tempDir } from './support/xray-fixtures.ts';

void test('conduit demo scans the bundled simulator and prints the summary and the client config, well under a minute', async () => {
  const cwd = tempDir('conduit-demo-');
  const started = performance.now();
  const result = await runCli(['demo'], { cwd, env: { CONDUIT_CONFIG: undefined, DATABASE_URL: undefined }, timeoutMs: 60_000 });
  const seconds = (performance.now() - started) / 1000;
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /Sitecore simulator: 3,000 items with \d+ planted defects/);
  assert.match(result.stdout, /X-Ray scan of \/sitecore\/content .* into .*\.conduit\/demo\/conduit\.db/);
  assert.match(result.stdout, /Scan [0-9a-f-]{36} \(demo\): completed in [\d.]+ s\n {2}[\d,]+ items · [\d,]+ references/);
  assert.match(result.stdout, /"mcpServers"/);
  assert.ok(existsSync(join(cwd, '.conduit', 'demo', 'conduit.db')));
  assert.ok(seconds < 45, `took ${seconds.toFixed(1)} s`);
});
