import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toContentItem, toMediaItem, toXrayItem } from './map-ssc-item.ts';
import { sscChildrenSchema, sscItemSchema, sscSearchSchema } from './ssc-schemas.ts';
import { fixtureJson, itemFixture } from './test-support/load-fixture.ts';

const baseUrl = 'https://cm.example.com/';

void test('an SSC item maps to a ContentItem: canonical ids, boolean HasChildren, fields by name, URL', () => {
  const item = toContentItem(itemFixture('ssc-item-plain.json'), { baseUrl });
  assert.deepEqual(item, {
    id: '3b7e2c10-5d4a-4f8e-9c21-0a1b2c3d4e5f',
    name: 'Careers',
    path: '/sitecore/content/Home/Careers',
    displayName: 'Careers',
    type: { id: '76036f5e-cbce-46d1-af0a-4143f9b557aa', name: 'Sample Item' },
    locale: 'en',
    version: 1,
    parentId: '110d559f-dea5-42ea-9c1c-8a5df7e70ef9',
    hasChildren: false,
    fields: { Title: 'Careers', Text: '' },
    url: 'https://cm.example.com/~/link.aspx?_id=3B7E2C105D4A4F8E9C210A1B2C3D4E5F&_z=z',
  });
});

void test('standard fields are hidden unless asked for; dates come from __Created/__Updated', () => {
  const raw = itemFixture('ssc-item-home.json');
  const plain = toContentItem(raw, { baseUrl });
  assert.equal(plain.hasChildren, true);
  assert.equal(plain.version, 3);
  assert.ok(Object.keys(plain.fields).every((k) => !k.startsWith('__')), Object.keys(plain.fields).join(','));
  assert.equal(plain.fields['Title'], 'Welcome to the intranet');
  assert.equal(plain.createdAt, '2019-07-18T15:22:34.000Z');
  assert.equal(plain.updatedAt, '2024-06-11T08:30:00.000Z');
  assert.equal(plain.raw, undefined);
  const full = toContentItem(raw, { baseUrl, includeSystemFields: true, includeRaw: true });
  assert.equal(full.fields['__Security'], 'ar|sitecore\\Author|pe|+item:read|pd|-item:write|');
  assert.equal(full.raw, raw);
  for (const meta of ['ItemID', 'HasChildren', 'ItemUrl', 'CloneSource']) assert.equal(meta in full.fields, false, meta);
});

void test('a field projection keeps only the named fields', () => {
  const item = toContentItem(itemFixture('ssc-item-home.json'), { baseUrl, fields: ['Title', '__Updated'] });
  assert.deepEqual(item.fields, { Title: 'Welcome to the intranet', __Updated: '20240611T083000Z' });
});

void test('references are extracted from link, image, rich text, multilist and layout fields in canonical form', () => {
  const refs = toContentItem(itemFixture('ssc-item-home.json'), { baseUrl, includeSystemFields: true }).references ?? [];
  const has = (field: string, kind: string, target: string): boolean =>
    refs.some((r) => r.field === field && r.kind === kind && (r.targetId === target || r.targetPath === target));
  assert.ok(has('Related Pages', 'multilist', '3b7e2c10-5d4a-4f8e-9c21-0a1b2c3d4e5f'));
  assert.ok(has('Related Pages', 'multilist', 'c0ffee00-1234-4321-abcd-00000000beef'));
  assert.ok(has('Promo Link', 'link', '5d7e6f10-2233-4455-8899-aabbccddeeff'));
  assert.ok(has('Hero Image', 'media', '9a8b7c6d-5e4f-4031-8293-a4b5c6d7e8f9'));
  assert.ok(has('Text', 'link', '3b7e2c10-5d4a-4f8e-9c21-0a1b2c3d4e5f'));
  assert.ok(has('Text', 'media', '9a8b7c6d-5e4f-4031-8293-a4b5c6d7e8f9'));
  assert.ok(has('__Workflow state', 'workflow', '190b1c84-f1be-47ed-aa41-f42193d9c8fc'));
  assert.ok(has('__Renderings', 'datasource', '7a0f9c11-2b3d-4e5f-8a9b-0c1d2e3f4a5b'));
  assert.ok(has('__Renderings', 'rendering', '885b8314-7d8c-4cbb-8000-01421ea8f406'));
  assert.ok(has('__Final Renderings', 'datasource', '/sitecore/content/Home/Data/Promo'));
  // Not references: the external link, rendering instance uids, the revision stamp.
  assert.ok(!refs.some((r) => r.field === 'External Link'));
  assert.ok(!refs.some((r) => r.targetId === '43222d12-08c9-453b-ae96-d406ebb95126'));
  assert.ok(!refs.some((r) => r.field === '__Revision'));
});

void test('an X-Ray item keeps every raw field value, standard fields included, but not empty standard fields', () => {
  const raw = itemFixture('ssc-item-home.json');
  const xray = toXrayItem(raw);
  assert.equal(xray.id, '110d559f-dea5-42ea-9c1c-8a5df7e70ef9');
  assert.equal(xray.parentId, '0de95ae4-41ab-4d01-9eb0-67441b7c2450');
  assert.equal(xray.templateName, 'Sample Item');
  assert.equal(xray.hasChildren, true);
  assert.equal(xray.fields['__Final Renderings'], raw['__Final Renderings']);
  assert.equal(xray.fields['__Security'], raw['__Security']);
  assert.equal(xray.fields['Empty Droplink'], '');
  assert.equal('__Hidden' in xray.fields, false);
  assert.equal('__Base template' in xray.fields, false);
  assert.equal(xray.updatedAt, '2024-06-11T08:30:00.000Z');
  assert.equal('ItemID' in xray.fields, false);
});

void test('a media item maps with its media URL, size, mime type and alt', () => {
  const media = toMediaItem(itemFixture('ssc-media-item.json'), { baseUrl });
  assert.deepEqual(media, {
    id: '9a8b7c6d-5e4f-4031-8293-a4b5c6d7e8f9', name: 'harbour-dawn', path: '/sitecore/media library/Images/harbour-dawn',
    url: 'https://cm.example.com/-/media/9A8B7C6D5E4F40318293A4B5C6D7E8F9.ashx',
    mimeType: 'image/jpeg', sizeBytes: 348211, alt: 'Harbour at dawn', width: 1920, height: 1080,
  });
});

void test('the search envelope parses; TotalCount may exceed the readable results', () => {
  const envelope = sscSearchSchema.parse(fixtureJson('ssc-search-envelope.json'));
  assert.equal(envelope.TotalCount, 5);
  assert.equal(envelope.TotalPage, 3);
  assert.equal(envelope.Results.length, 1);
});

void test('malformed bodies are rejected by the schemas, never half-mapped', () => {
  assert.equal(sscItemSchema.safeParse({ ItemName: 'x', ItemPath: '/x' }).success, false, 'missing ItemID');
  assert.equal(sscItemSchema.safeParse({ ItemID: 'not-a-guid', ItemName: 'x', ItemPath: '/x' }).success, false);
  assert.equal(sscItemSchema.safeParse({ ...itemFixture('ssc-item-plain.json'), Title: { nested: true } }).success, false);
  assert.equal(sscChildrenSchema.safeParse(fixtureJson('ssc-search-envelope.json')).success, false, 'children are a bare array');
  assert.equal(sscSearchSchema.safeParse([]).success, false);
  assert.equal(sscSearchSchema.safeParse({ Results: [] }).success, false, 'TotalCount/TotalPage required');
});
