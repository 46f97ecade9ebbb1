// The X-Ray analysis tools over MCP: a real client and server in process, an app whose store holds
// analyzed scans of the simulator (crawled by the real engine through the sitecore-xp adapter).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createSitecoreXpClient } from '../../adapters/sitecore-xp/sitecore-xp-client.ts';
import { sitecoreXpConfigSchema } from '../../adapters/sitecore-xp/sitecore-xp-config.ts';
import { startSitecoreSimulator, type SitecoreSimulator } from '../../adapters/sitecore/simulator/sitecore-simulator.ts';
import { sitecoreXrayProfile } from '../../adapters/sitecore/shared/xray-profile/sitecore-xray-profile.ts';
import type { App } from '../../src/app-types.ts';
import { createTestKit, type TestKit } from '../../src/http/test-support/test-kit.ts';
import { connectInMemory, structured, textOf, type Connected } from '../../src/mcp/test-support/connect-in-memory.ts';
import { createTestApp } from '../../src/mcp/test-support/test-app.ts';
import { analyzeScan } from '../../src/xray/analysis/run-analysis.ts';

async function analyzedScan(app: App): Promise<string> {
  const { run } = await app.xray.start({ adapter: 'xp', root: '/sitecore' });
  const done = await run.done;
  assert.equal(done.scan.status, 'completed');
  await analyzeScan(await app.scanStore(), run.scanId, { profile: sitecoreXrayProfile });
  return run.scanId;
}

const findingsOf = (r: Record<string, unknown>): Array<{ fingerprint: string; category: string; severity: string }> => {
  const list = r['findings'];
  return Array.isArray(list) ? list : [];
};

void describe('xray_report, xray_compare, xray_graph, xray_health', () => {
  let sim: SitecoreSimulator;
  let kit: TestKit;
  let app: App;
  let conn: Connected;
  let first: string;
  let second: string;
  before(async () => {
    sim = await startSitecoreSimulator({ items: 900, seed: 4 });
    kit = createTestKit({ name: 'xp', baseUrl: sim.url, resilience: { timeoutMs: 20_000 } });
    const client = createSitecoreXpClient(sitecoreXpConfigSchema.parse({ url: sim.url, credentials: { domain: 'sitecore', username: 'admin', password: 'b' } }), kit.kit);
    app = createTestApp({ adapters: { xp: client }, config: { mcp: { responseBudgetTokens: 2000 } } });
    first = await analyzedScan(app);
    sim.tree.getByPath('/sitecore/content/Home')!.shared['__Security'] = 'au|sitecore\\jdoe|pe|+item:write|';
    second = await analyzedScan(app);
    conn = await connectInMemory({ app });
  });
  after(async () => {
    await conn.close();
    await app.close();
    kit.close();
    await sim.close();
  });

  void test('xray_report pages through every finding within the response budget, summary first', async () => {
    const firstPage = structured(await conn.call('xray_report', { scanId: second, limit: 200 }));
    const summary = firstPage['summary'] as { grade: string; stats: { findings: number; languages: string[] }; notes: string[] } | undefined;
    assert.ok(summary && /^[A-F]$/.test(summary.grade));
    // The adapter reads en only, and the agent is told what that leaves out.
    assert.deepEqual(summary.stats.languages, ['en']);
    assert.match(summary.notes.join(' '), /^This scan reads en; the instance also has de-DE\./);
    assert.equal(firstPage['truncated'], true, 'a 2,000-token budget cannot hold 200 findings');
    assert.ok(JSON.stringify(firstPage).length <= 2000 * 4);
    const seen = findingsOf(firstPage).map((f) => f.fingerprint);
    let cursor = firstPage['nextCursor'];
    while (typeof cursor === 'string') {
      const page = structured(await conn.call('xray_report', { scanId: second, limit: 200, cursor }));
      assert.equal(page['summary'], undefined);
      assert.ok(JSON.stringify(page).length <= 2000 * 4);
      seen.push(...findingsOf(page).map((f) => f.fingerprint));
      cursor = page['nextCursor'];
    }
    assert.equal(seen.length, summary.stats.findings);
    assert.equal(new Set(seen).size, seen.length, 'no finding twice');
  });

  void test('xray_report filters by category and severity; a changed query refuses the old cursor', async () => {
    const security = structured(await conn.call('xray_report', { scanId: second, category: 'security', limit: 5 }));
    assert.ok(findingsOf(security).length > 0 && findingsOf(security).every((f) => f.category === 'security'));
    const critical = structured(await conn.call('xray_report', { scanId: second, severity: 'critical', limit: 100 }));
    assert.ok(findingsOf(critical).every((f) => f.severity === 'critical'));
    const page = structured(await conn.call('xray_report', { scanId: second, limit: 2 }));
    const refused = await conn.call('xray_report', { scanId: second, category: 'orphan', cursor: page['nextCursor'] });
    assert.equal(refused.isError, true);
    assert.equal((structured(refused)['error'] as { code: string }).code, 'TOOL_CURSOR_INVALID');
  });

  void test('xray_compare: one new security finding, nothing resolved', async () => {
    const r = structured(await conn.call('xray_compare', { baseScanId: first, headScanId: second }));
    assert.deepEqual(r['totals'], { new: 1, resolved: 0, unchanged: (r['totals'] as { unchanged: number }).unchanged });
    assert.deepEqual(findingsOf({ findings: r['new'] }).map((f) => f.category), ['security']);
  });

  void test('xray_graph: a bounded neighbourhood with typed edges, as JSON and Mermaid', async () => {
    // An item some other item links to: its neighbourhood has inbound edges from the crawl's stored references.
    const store = await app.scanStore();
    let target: string | undefined;
    for await (const batch of store.iterateReferences(second)) {
      target = batch.find((r) => r.kind === 'rendering-datasource-id' && r.targetId !== '')?.targetId;
      if (target) break;
    }
    assert.ok(target);
    const g = structured(await conn.call('xray_graph', { scanId: second, id: target, depth: 1, maxNodes: 30, format: 'mermaid' }));
    const nodes = g['nodes'] as Array<{ id: string; depth: number }>;
    const edges = g['edges'] as Array<{ from: string; to: string; kind: string }>;
    assert.equal(nodes[0]?.id, target);
    assert.ok(nodes.length <= 30);
    assert.ok(edges.some((e) => e.kind === 'child-of' && e.from === target), 'its parent');
    assert.ok(edges.some((e) => e.kind === 'instance-of' && e.from === target), 'its template');
    assert.ok(edges.some((e) => e.kind === 'rendering-datasource-id' && e.to === target), 'the page that uses it as a datasource');
    assert.match(String(g['mermaid']), /^graph LR\n {2}n0\["[^"]+"\]:::\w+\n/);
    const json = structured(await conn.call('xray_graph', { scanId: second, path: '/sitecore/content/Home', maxNodes: 2 }));
    assert.equal(json['mermaid'], undefined);
    assert.equal((json['nodes'] as unknown[]).length, 2);
    assert.equal(json['truncated'], true);
    const missing = await conn.call('xray_graph', { scanId: second, path: '/sitecore/content/Nowhere' });
    assert.equal((structured(missing)['error'] as { code: string }).code, 'ADP_NOT_FOUND');
  });

  void test('xray_health: the last scan\'s grade and the adapter\'s health, without scanning', async () => {
    const before = sim.stats().total;
    const h = structured(await conn.call('xray_health', {}));
    const last = h['lastScan'] as { scanId: string; grade: string };
    assert.equal(last.scanId, second);
    assert.match(last.grade, /^[A-F]$/);
    assert.equal(sim.stats().total, before, 'no request reached the CMS');
  });

  void test('the report resource: summary and top findings as JSON', async () => {
    const res = await conn.client.readResource({ uri: `conduit://xray/${second}/report` });
    const text = res.contents[0] && 'text' in res.contents[0] ? res.contents[0].text : '';
    const body = JSON.parse(text) as { summary: { grade: string }; findings: unknown[] };
    assert.match(body.summary.grade, /^[A-F]$/);
    assert.ok(body.findings.length > 0);
  });

  // Last: the scan it adds becomes the adapter's latest, which xray_health reads above.
  void test('xray_scan audits the languages asked for (compare calls out the difference); one the instance does not have is refused before a scan is recorded', async () => {
    const scansBefore = (await (await app.scanStore()).listScans({ limit: 100 })).entries.length;
    const refused = await conn.call('xray_scan', { adapter: 'xp', root: '/sitecore/content', languages: ['en', 'de'] });
    assert.equal(refused.isError, true);
    assert.match(textOf(refused), /TOOL_INVALID_ARGS.*the scan's languages: "de" is not a language registered on this instance \(registered: en, de-DE\)/s);
    assert.equal((await (await app.scanStore()).listScans({ limit: 100 })).entries.length, scansBefore);
    const scan = structured(await conn.call('xray_scan', { adapter: 'xp', root: '/sitecore/content', languages: 'all', wait: true }));
    assert.equal(scan['status'], 'completed');
    await analyzeScan(await app.scanStore(), String(scan['scanId']), { profile: sitecoreXrayProfile });
    const summary = structured(await conn.call('xray_report', { scanId: scan['scanId'], limit: 1 }))['summary'] as { stats: { languages: string[] }; notes: string[] };
    assert.deepEqual({ languages: summary.stats.languages, notes: summary.notes }, { languages: ['de-DE', 'en'], notes: [] });
    // Compared with an en-only scan, the difference in languages is called out.
    const compared = structured(await conn.call('xray_compare', { baseScanId: second, headScanId: scan['scanId'] }));
    assert.deepEqual(compared['languageChange'], { base: ['en'], head: ['de-DE', 'en'] });
    assert.equal(structured(await conn.call('xray_compare', { baseScanId: first, headScanId: second }))['languageChange'], undefined);
  });
});
