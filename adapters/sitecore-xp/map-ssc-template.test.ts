import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toContentType } from './map-ssc-template.ts';
import { fixtureJson, templateFixtureSchema } from './test-support/load-fixture.ts';

void test('a template with its sections and fields maps to a ContentType with base templates', () => {
  const { template, sections } = templateFixtureSchema.parse(fixtureJson('ssc-template-sample-item.json'));
  const type = toContentType(template, sections);
  assert.equal(type.id, '76036f5e-cbce-46d1-af0a-4143f9b557aa');
  assert.equal(type.name, 'Sample Item');
  assert.equal(type.path, '/sitecore/templates/Sample/Sample Item');
  assert.deepEqual(type.baseTypes, ['1930bbeb-7805-471a-a3be-4858ac7cf696']);
  // Sorted by __Sortorder; the __Standard Values child is not a section.
  assert.deepEqual(type.fields, [
    { name: 'Title', id: '75577384-3c97-45da-a847-81b00500e250', section: 'Data', type: 'Single-Line Text', shared: false },
    { name: 'Related Pages', id: '1f3c0a7b-8d2e-4f6a-9b1c-0d2e3f4a5b6c', section: 'Data', type: 'Multilist', shared: true },
    { name: 'Text', id: 'a60acd61-a6db-4182-8329-c957982cec74', section: 'Data', type: 'Rich Text', shared: false },
  ]);
  assert.equal(type.raw, undefined);
  assert.ok(toContentType(template, sections, true).raw);
});
