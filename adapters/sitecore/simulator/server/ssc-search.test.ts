import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ITEM_IDS } from '../../shared/well-known-ids.ts';
import { startSitecoreSimulator, type SitecoreSimulator } from '../sitecore-simulator.ts';
import { asArray, asRecord, sscClient, type SscTestClient } from '../test-support/ssc-test-client.ts';

let sim: SitecoreSimulator;
let ssc: SscTestClient;
const SEARCH = '/sitecore/api/ssc/item/search';

before(async () => {
  sim = await startSitecoreSimulator({ items: 2000, seed: 3 });
  ssc = await sscClient(sim.url);
});
after(async () => { await sim.close(); });

async function search(query: string): Promise<{ total: number; pages: number; results: Array<Record<string, unknown>>; raw: Record<string, unknown> }> {
  const raw = asRecord(await ssc.json(`${SEARCH}?${query}`));
  return { total: Number(raw['TotalCount']), pages: Number(raw['TotalPage']), results: asArray(raw['Results']).map(asRecord), raw };
}

void test('envelope TotalCount / TotalPage / Links / Results / Facets, zero-based paging', async () => {
  const first = await search('term=%2B_templatename:Article%20Page&page=0&pageSize=5');
  assert.deepEqual(Object.keys(first.raw), ['TotalCount', 'TotalPage', 'Links', 'Results', 'Facets']);
  assert.ok(first.total > 20);
  assert.equal(first.pages, Math.ceil(first.total / 5));
  assert.equal(first.results.length, 5);
  assert.deepEqual(first.raw['Links'], []);
  for (const r of first.results) assert.equal(r['TemplateName'], 'Article Page');
  const second = await search('term=%2B_templatename:Article%20Page&PAGE=1&pagesize=5');
  assert.equal(second.results.length, 5);
  const ids = new Set([...first.results, ...second.results].map((r) => r['ItemID']));
  assert.equal(ids.size, 10, 'page 1 is the second page, not a repeat of page 0');
  const beyond = await search(`term=%2B_templatename:Article%20Page&page=${first.pages}&pageSize=5`);
  assert.equal(beyond.results.length, 0);
  assert.equal(beyond.total, first.total);
});

void test('TotalCount includes items the account cannot read; Results drops them', async () => {
  const hit = await search('term=%2B_name:Board%20Minutes');
  assert.equal(hit.total, 1);
  assert.equal(hit.results.length, 0);
  const subtree = await search(`term=%2B_path:${sim.groundTruth().unreadable.at(-1)?.replaceAll('-', '')}`);
  assert.equal(subtree.total, 3);
  assert.equal(subtree.results.length, 0);
});

void test('term clauses: _group, _path subtree, must-not, prefix and free text; facets filter by language', async () => {
  const group = await search(`term=%2B_group:${ITEM_IDS.home.replaceAll('-', '')}`);
  assert.deepEqual(group.results.map((r) => r['ItemID']), [ITEM_IDS.home]);
  const prefix = await search(`term=%2B_group:${ITEM_IDS.home.replaceAll('-', '').slice(0, 8)}*`);
  assert.equal(prefix.results[0]?.['ItemID'], ITEM_IDS.home);
  const news = sim.tree.getByPath('/sitecore/content/Home/News');
  assert.ok(news);
  const inNews = await search(`term=%2B_path:${news.id.replaceAll('-', '')};-_templatename:Folder&pageSize=1000`);
  for (const r of inNews.results) assert.match(String(r['ItemPath']), /^\/sitecore\/content\/Home\/News/);
  assert.ok(inNews.results.every((r) => r['TemplateName'] !== 'Folder'));
  const text = await search('term=Karriere&facet=_language|de-DE');
  assert.ok(text.results.some((r) => r['ItemName'] === 'Karriere' && r['ItemLanguage'] === 'de-DE'));
  const en = await search('term=%2B_name:Karriere');
  assert.equal(en.total, 0, 'the en index has no version of a de-only item');
});

void test('GET /item/?term= is the same search (the parameter-list form)', async () => {
  const a = await search('term=%2B_templatename:Event%20Page&pageSize=3');
  const raw = asRecord(await ssc.json(`/sitecore/api/ssc/item/?term=%2B_templatename:Event%20Page&pageSize=3`));
  assert.equal(raw['TotalCount'], a.total);
  assert.deepEqual(asArray(raw['Results']).map((r) => asRecord(r)['ItemID']), a.results.map((r) => r['ItemID']));
  assert.equal(sim.stats().byRoute['search'] !== undefined, true);
});

void test('search results honour fields= and includeStandardTemplateFields', async () => {
  const r = await search(`term=%2B_group:${ITEM_IDS.home.replaceAll('-', '')}&fields=ItemName,__Updated&includeStandardTemplateFields=true`);
  assert.deepEqual(Object.keys(r.results[0] ?? {}).sort(), ['ItemName', '__Updated']);
});
