import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ITEM_IDS } from '../../shared/well-known-ids.ts';
import { startSitecoreSimulator, type SitecoreSimulator } from '../sitecore-simulator.ts';
import { asArray, asRecord, sscClient, type SscTestClient } from '../test-support/ssc-test-client.ts';

let sim: SitecoreSimulator;
let ssc: SscTestClient;
const ITEM = '/sitecore/api/ssc/item';

before(async () => {
  sim = await startSitecoreSimulator({ items: 2000, seed: 5 });
  ssc = await sscClient(sim.url);
});
after(async () => { await sim.close(); });

void test('item by bare GUID, braced GUID and lower-case GUID: ItemModel with all-string values', async () => {
  for (const id of ['110D559F-DEA5-42EA-9C1C-8A5DF7E70EF9', '{110D559F-DEA5-42EA-9C1C-8A5DF7E70EF9}', ITEM_IDS.home]) {
    const home = asRecord(await ssc.json(`${ITEM}/${encodeURIComponent(id)}`));
    assert.equal(home['ItemID'], ITEM_IDS.home);
    assert.equal(home['ItemName'], 'Home');
    assert.equal(home['ItemPath'], '/sitecore/content/Home');
    assert.equal(home['ParentID'], ITEM_IDS.content);
    assert.equal(home['TemplateID'], '76036f5e-cbce-46d1-af0a-4143f9b557aa');
    assert.equal(home['TemplateName'], 'Sample Item');
    assert.equal(home['CloneSource'], null);
    assert.equal(home['HasChildren'], 'True');
    assert.match(String(home['ItemVersion']), /^[1-9]$/);
    assert.equal(home['ItemUrl'], '~/link.aspx?_id=110D559FDEA542EA9C1C8A5DF7E70EF9&amp;_z=z');
    assert.match(String(home['ItemMedialUrl']), /^\/temp\/IconCache\/.*48x48/);
    for (const [key, value] of Object.entries(home)) if (key !== 'CloneSource') assert.equal(typeof value, 'string', key);
  }
});

void test('standard fields only with includeStandardTemplateFields=true (parameter names case-insensitive)', async () => {
  const plain = asRecord(await ssc.json(`${ITEM}/${ITEM_IDS.home}`));
  assert.equal(Object.keys(plain).some((k) => k.startsWith('__')), false);
  const full = asRecord(await ssc.json(`${ITEM}/${ITEM_IDS.home}?INCLUDESTANDARDTEMPLATEFIELDS=TRUE`));
  assert.match(String(full['__Updated']), /^\d{8}T\d{6}Z$/);
  assert.equal(full['__Created by'], 'sitecore\\admin');
  // Home has no own layout: SSC returns the Sample Item standard values (Sample Layout + Sample Rendering).
  assert.match(String(full['__Renderings']), /l="\{14030E9F-CE92-49C6-AD87-7D49B50E42EA\}".*id="\{493B3A83-0FA7-4484-8FC9-4680991CF743\}"/);
  assert.ok('__Final Renderings' in full && '__Never publish' in full, 'field keys keep their spaces');
});

void test('fields= projects the model; item by path is case-insensitive and URL-decoded', async () => {
  const projected = asRecord(await ssc.json(`${ITEM}/${ITEM_IDS.home}?fields=ItemName,itemurl,Title`));
  assert.deepEqual(Object.keys(projected).sort(), ['ItemName', 'ItemUrl', 'Title']);
  const byPath = asRecord(await ssc.json(`${ITEM}/?path=${encodeURIComponent('/SITECORE/content/home/About Us')}`));
  assert.equal(byPath['ItemPath'], '/sitecore/content/Home/About Us');
  const noSlash = asRecord(await ssc.json(`${ITEM}?path=${encodeURIComponent('/sitecore/media library')}`));
  assert.equal(noSlash['ItemID'], ITEM_IDS.mediaLibrary);
});

void test('children: a bare array of readable children, no paging envelope', async () => {
  const children = asArray(await ssc.json(`${ITEM}/${ITEM_IDS.home}/children`)).map(asRecord);
  assert.ok(children.length >= 12);
  assert.deepEqual(children.slice(0, 3).map((c) => c['ItemName']), ['About Us', 'Products', 'Solutions']);
  for (const child of children) assert.equal(child['ParentID'], ITEM_IDS.home);
  const stats = sim.stats();
  assert.equal(stats.childrenFetches[ITEM_IDS.home], 1);
  const unreadable = sim.groundTruth().unreadable.find((id) => sim.tree.items.get(sim.tree.items.get(id)?.parentId ?? '')?.readable) ?? '';
  const parent = sim.tree.items.get(sim.tree.items.get(unreadable)?.parentId ?? '');
  assert.ok(parent);
  const visible = asArray(await ssc.json(`${ITEM}/${parent.id}/children`)).map(asRecord);
  assert.equal(visible.some((c) => c['ItemID'] === unreadable), false);
  assert.equal(visible.length, parent.childIds.length - 1);
});

void test('404 with the plain-text Sitecore message for missing and unreadable items', async () => {
  for (const id of ['00000000-1111-2222-3333-444444444444', sim.groundTruth().unreadable[0] ?? '', 'not-a-guid']) {
    const res = await ssc.get(`${ITEM}/${id}`);
    assert.equal(res.status, 404, id);
    assert.match(res.headers.get('content-type') ?? '', /^text\/plain/);
    assert.equal(await res.text(), `The item "${id}" was not found. It may have been deleted by another user.`);
  }
  assert.equal((await ssc.get(`${ITEM}/?path=/sitecore/content/Nowhere`)).status, 404);
  assert.equal((await ssc.get(`${ITEM}/${sim.groundTruth().unreadable[0] ?? ''}/children`)).status, 404);
});

void test('an unknown database is a Web API 500', async () => {
  const res = await ssc.get(`${ITEM}/${ITEM_IDS.home}?database=nope`);
  assert.equal(res.status, 500);
  assert.deepEqual(await res.json(), { Message: 'An error has occurred.' });
  assert.equal((await ssc.get(`${ITEM}/${ITEM_IDS.home}?database=web`)).status, 200);
});

void test('languages: de-DE versions, and an item that exists only in de-DE answers en with ItemVersion "0"', async () => {
  const de = asRecord(await ssc.json(`${ITEM}/${ITEM_IDS.home}?language=de-DE`));
  assert.equal(de['ItemLanguage'], 'de-DE');
  assert.equal(de['ItemVersion'], '1');
  const karriere = sim.groundTruth().controls.find((c) => c.kind === 'other-language-only')?.itemId ?? '';
  const en = asRecord(await ssc.json(`${ITEM}/${karriere}?includeStandardTemplateFields=true`));
  assert.equal(en['ItemVersion'], '0');
  assert.equal(en['Title'], '');
  assert.equal(en['__Updated'], '');
  assert.equal(asRecord(await ssc.json(`${ITEM}/${karriere}?language=de-DE`))['Title'], 'Karriere');
});

void test('media items carry their media URL in ItemMedialUrl and their file fields', async () => {
  const control = sim.groundTruth().controls.find((c) => c.kind === 'media-size-boundary');
  const media = asRecord(await ssc.json(`${ITEM}/${control?.itemId ?? ''}`));
  assert.match(String(media['ItemMedialUrl']), /^\/-\/media\/Project\/Acme\/Images\/People\/.+\/keynote-poster\.ashx$/);
  assert.equal(media['Size'], '256000');
  assert.equal(media['Extension'], 'jpg');
  assert.equal(media['Mime Type'], 'image/jpeg');
  assert.match(String(media['Width']), /^\d+$/);
  assert.equal(typeof media['Alt'], 'string');
});
