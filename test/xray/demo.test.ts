// `conduit demo` from an empty directory: simulator, X-Ray scan into SQLite, summary and MCP client config; no network, no keys.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../support/run-cli.ts';
import { tempDir } from './support/xray-fixtures.ts';

void test('conduit demo scans the bundled simulator, finds every planted defect, prints grade, top findings, report paths and the client config', async () => {
  const cwd = tempDir('conduit-demo-');
  const started = performance.now();
  const result = await runCli(['demo'], { cwd, env: { CONDUIT_CONFIG: undefined, DATABASE_URL: undefined }, timeoutMs: 60_000 });
  const seconds = (performance.now() - started) / 1000;
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /Sitecore simulator: 3,000 items with \d+ planted defects/);
  assert.match(result.stdout, /X-Ray scan of \/sitecore .* into .*\.conduit\/demo\/conduit\.db/);
  assert.match(result.stdout, /Scan [0-9a-f-]{36} \(demo, root \/sitecore\): completed in [\d.]+ s\n {2}[\d,]+ items · [\d,]+ references/);
  // The simulator plants every X-Ray category; the demo's analysis finds exactly as many findings as were planted.
  const planted = Number(/with (\d+) planted defects/.exec(result.stdout)?.[1]);
  // It audits both of the simulator's languages, so it leaves none out.
  const graded = /X-Ray grade ([A-F]) \([\d.]+\/100\): (\d+) findings in [\d,]+ items in de-DE, en \((\d+) critical/.exec(result.stdout);
  assert.ok(graded, result.stdout);
  assert.equal(Number(graded[2]), planted);
  const topFindings = result.stdout.match(/^ {2}(CRITICAL|WARNING|INFO) +[a-z-]+: \/sitecore\//gm) ?? [];
  assert.equal(topFindings.length, Math.min(5, planted));
  assert.ok(topFindings[0]?.includes('CRITICAL'), 'the most severe finding comes first');
  const html = /Reports: (\S+\.html)\n +(\S+\.json)/.exec(result.stdout);
  assert.ok(html?.[1] && html[2], result.stdout);
  assert.match(readFileSync(html[1], 'utf8'), /<html/i);
  assert.equal((JSON.parse(readFileSync(html[2], 'utf8')) as { grade: string }).grade, graded[1]);
  assert.doesNotMatch(result.stdout, /Note: This scan reads/);
  assert.match(result.stdout, /"mcpServers"/);
  assert.ok(existsSync(join(cwd, '.conduit', 'demo', 'conduit.db')));
  assert.ok(seconds < 45, `took ${seconds.toFixed(1)} s`);
});
