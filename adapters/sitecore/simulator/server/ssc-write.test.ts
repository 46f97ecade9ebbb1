import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ITEM_IDS } from '../../shared/well-known-ids.ts';
import { startSitecoreSimulator, type SitecoreSimulator } from '../sitecore-simulator.ts';
import { asRecord, sscClient, type SscTestClient } from '../test-support/ssc-test-client.ts';

let sim: SitecoreSimulator;
let ssc: SscTestClient;
const ITEM = '/sitecore/api/ssc/item';
const SAMPLE_ITEM = '{76036F5E-CBCE-46D1-AF0A-4143F9B557AA}';

before(async () => {
  sim = await startSitecoreSimulator({ items: 1500 });
  ssc = await sscClient(sim.url);
});
after(async () => { await sim.close(); });

void test('create: POST to the URL-encoded parent path answers 201, empty body, Location with the new id', async () => {
  const res = await ssc.send('POST', `${ITEM}/${encodeURIComponent('sitecore/content/Home')}?database=master`, { ItemName: 'Press Room', TemplateID: SAMPLE_ITEM, Title: 'Press', Text: '<p>News</p>' });
  assert.equal(res.status, 201);
  assert.equal(await res.text(), '');
  const location = res.headers.get('location') ?? '';
  const match = /^http:\/\/127\.0\.0\.1:\d+\/sitecore\/api\/ssc\/item\/([0-9a-f-]{36})\?Database=master$/.exec(location);
  assert.ok(match, location);
  const created = asRecord(await ssc.json(`${ITEM}/${match[1]}?includeStandardTemplateFields=true`));
  assert.equal(created['ItemPath'], '/sitecore/content/Home/Press Room');
  assert.equal(created['Title'], 'Press');
  assert.equal(created['ParentID'], ITEM_IDS.home);
  assert.match(String(created['__Created']), /^\d{8}T\d{6}Z$/);
});

void test('create with an unknown template or parent, or no body, is a Web API 500', async () => {
  for (const [path, body] of [
    [`${ITEM}/${encodeURIComponent('/sitecore/content/Home')}`, { ItemName: 'X', TemplateID: '{00000000-0000-0000-0000-0000000000AA}' }],
    [`${ITEM}/${encodeURIComponent('/sitecore/content/Nowhere')}`, { ItemName: 'X', TemplateID: SAMPLE_ITEM }],
    [`${ITEM}/${encodeURIComponent('/sitecore/content/Home')}`, '{not json'],
  ] as const) {
    const res = await ssc.send('POST', path, body);
    assert.equal(res.status, 500);
    assert.deepEqual(await res.json(), { Message: 'An error has occurred.' });
  }
});

void test('PATCH answers 204 and changes the field; DELETE answers 204 and the item is gone', async () => {
  const res = await ssc.send('POST', `${ITEM}/${encodeURIComponent('/sitecore/content/Home')}`, { ItemName: 'Temporary', TemplateID: SAMPLE_ITEM });
  const id = /item\/([0-9a-f-]{36})/.exec(res.headers.get('location') ?? '')?.[1] ?? '';
  const patch = await ssc.send('PATCH', `${ITEM}/${id}?database=master&language=en`, { Title: 'Changed', 'Unknown Field': 'ignored' });
  assert.equal(patch.status, 204);
  assert.equal(await patch.text(), '');
  const after = asRecord(await ssc.json(`${ITEM}/${id}`));
  assert.equal(after['Title'], 'Changed');
  assert.equal('Unknown Field' in after, false);
  const del = await ssc.send('DELETE', `${ITEM}/${id}`);
  assert.equal(del.status, 204);
  assert.equal((await ssc.get(`${ITEM}/${id}`)).status, 404);
  assert.equal((await ssc.send('DELETE', `${ITEM}/${id}`)).status, 404);
  assert.equal((await ssc.send('PATCH', `${ITEM}/${id}`, { Title: 'x' })).status, 404);
});

void test('an unsupported method on a known route is a Web API 405', async () => {
  const res = await ssc.send('PUT', `${ITEM}/${ITEM_IDS.home}`, {});
  assert.equal(res.status, 405);
  assert.match(String(asRecord(await res.json())['Message']), /does not support http method 'PUT'/);
});
