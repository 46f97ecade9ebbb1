import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startSitecoreSimulator, type SitecoreSimulator } from './sitecore-simulator.ts';
import { sscClient, type SscTestClient } from './test-support/ssc-test-client.ts';

let sim: SitecoreSimulator;
let ssc: SscTestClient;

before(async () => {
  sim = await startSitecoreSimulator({ items: 2000, seed: 1 });
  ssc = await sscClient(sim.url);
});
after(async () => { await sim.close(); });

function fixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));
}

/** Keys and value types, recursively: what an adapter's mapping depends on. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (value === null) return 'null';
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]).sort(([a], [b]) => String(a).localeCompare(String(b))));
  return typeof value;
}

const HOME = '/sitecore/api/ssc/item/110D559F-DEA5-42EA-9C1C-8A5DF7E70EF9';

void test('recorded SSC payloads keep their shape', async () => {
  const cases: Array<[string, string, (v: unknown) => unknown]> = [
    ['ssc-item-home-standard-fields.json', `${HOME}?includeStandardTemplateFields=true`, (v) => v],
    ['ssc-children-home-first-two.json', `${HOME}/children`, (v) => (Array.isArray(v) ? v.slice(0, 2) : v)],
    ['ssc-search-article-pages.json', '/sitecore/api/ssc/item/search?term=%2B_templatename:Article%20Page&page=0&pageSize=2', (v) => v],
    ['ssc-item-media.json', `/sitecore/api/ssc/item/${sim.groundTruth().controls.find((c) => c.kind === 'media-size-boundary')?.itemId ?? ''}`, (v) => v],
  ];
  for (const [name, path, pick] of cases) {
    const live = pick(await ssc.json(path));
    assert.deepEqual(shape(live), shape(fixture(name)), name);
  }
  assert.deepEqual(await ssc.json(`${HOME}?includeStandardTemplateFields=true`), fixture('ssc-item-home-standard-fields.json'), 'same seed, same payload');
});
