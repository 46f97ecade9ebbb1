import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { ConduitError } from '../../src/adapter-kit/index.ts';
import {
  childrenDataSchema, edgeEnvelopeSchema, getItemDataSchema, searchDataSchema, templateDetailDataSchema,
} from './edge-response-schemas.ts';
import { edgeErrorsToConduit } from './edge-errors.ts';
import { edgeItemToContent, edgeItemToMedia, edgeItemToXray, edgePathArgument, edgeTemplateToType } from './xmc-mapping.ts';

/** Loads a recorded-shape fixture and parses its `data` with the adapter's own schema, as the client does. */
function fixture<T>(name: string, schema: z.ZodType<T>): T {
  const envelope = edgeEnvelopeSchema.parse(JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')));
  return schema.parse(envelope.data);
}

function envelopeOf(name: string): z.infer<typeof edgeEnvelopeSchema> {
  return edgeEnvelopeSchema.parse(JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')));
}

void test('an Edge item maps to a ContentItem with canonical ids and raw field values', () => {
  const { item } = fixture('edge-item.json', getItemDataSchema);
  assert.ok(item);
  const content = edgeItemToContent(item);
  assert.equal(content.id, '3b7e2c10-5d4a-4f8e-9c21-0a1b2c3d4e5f');
  assert.deepEqual(content.type, { id: '76036f5e-cbce-46d1-af0a-4143f9b557aa', name: 'Content Page' });
  assert.equal(content.parentId, '110d559f-dea5-42ea-9c1c-8a5df7e70ef9');
  assert.equal(content.displayName, 'Join us');
  assert.equal(content.locale, 'en');
  assert.equal(content.version, 3);
  assert.equal(content.url, 'https://www.acme.test/careers');
  assert.equal(content.hasChildren, true);
  assert.equal(content.fields['Related Pages'], '{9F1A2B3C-4D5E-4F60-A1B2-C3D4E5F60718}|{0A1B2C3D-4E5F-4061-8273-9A0B1C2D3E40}');
  assert.equal(content.fields['Meta Description'], '', 'a null value is an empty string');
  assert.equal(content.updatedAt, undefined, 'Edge has no __Updated');
  assert.equal(content.raw, undefined);
  assert.equal(edgeItemToContent(item, { includeRaw: true }).raw, item);
  assert.deepEqual(Object.keys(edgeItemToContent(item, { fields: ['title', 'Image'] }).fields), ['Title', 'Image']);
});

void test('lower-case 32-hex ids (letter case not verified on Edge) map to the same canonical ids', () => {
  const { item } = fixture('edge-children-page.json', childrenDataSchema);
  assert.ok(item);
  const [first, second] = item.children.results;
  assert.ok(first && second);
  const a = edgeItemToContent(first);
  assert.equal(a.id, 'c0ffee00-aaaa-4bbb-8ccc-000000000001');
  assert.equal(a.parentId, '3b7e2c10-5d4a-4f8e-9c21-0a1b2c3d4e5f');
  assert.equal(a.type.id, '76036f5e-cbce-46d1-af0a-4143f9b557aa');
  assert.equal(edgeItemToContent(second).displayName, 'Sales', 'a null displayName falls back to the name');
  assert.equal(item.children.total, 3);
  assert.deepEqual(item.children.pageInfo, { hasNext: true, endCursor: 'Mg==' });
});

void test('standard fields are kept only when asked for, and only a preview endpoint sends them', () => {
  const { item } = fixture('edge-preview-item.json', getItemDataSchema);
  assert.ok(item);
  const plain = edgeItemToContent(item);
  assert.deepEqual(Object.keys(plain.fields), ['Title']);
  assert.equal(plain.updatedAt, undefined);
  const withSystem = edgeItemToContent(item, { includeSystemFields: true });
  assert.equal(withSystem.fields['__Workflow state'], '{190B1C84-F1BE-47ED-AA41-F42193D9C8FC}');
  assert.equal(withSystem.updatedAt, '2025-06-11T08:30:00.000Z');
  assert.equal(withSystem.createdAt, '2023-01-05T10:15:00.000Z');
  assert.deepEqual(Object.keys(edgeItemToXray(item, undefined).fields), ['Title'], 'X-Ray never sees __ fields from Edge');
});

void test('a search envelope keeps total and cursor; null results are skipped', () => {
  const { search } = fixture('edge-search.json', searchDataSchema);
  assert.ok(search);
  assert.equal(search.total, 5);
  assert.deepEqual(search.pageInfo, { endCursor: 'NQ==', hasNext: false });
  assert.equal(Buffer.from(search.pageInfo.endCursor, 'base64').toString('utf8'), '5');
  const items = search.results.filter((r) => r !== null).map((r) => edgeItemToContent(r));
  assert.deepEqual(items.map((i) => i.name), ['Annual Report']);
  assert.equal(items[0]?.fields['Publish Date'], '20250301T000000Z');
});

void test('a media item maps its media-template fields to MediaItem metadata', () => {
  const { item } = fixture('edge-media-item.json', getItemDataSchema);
  assert.ok(item);
  assert.deepEqual(edgeItemToMedia(item), {
    id: '5a1b2c3d-4e5f-4061-8273-9a0b1c2d3e4f', name: 'team-photo', path: '/sitecore/media library/Project/Acme/team-photo',
    url: 'https://edge.sitecorecloud.io/acme-xyz/media/project/acme/team-photo.jpg', mimeType: 'image/jpeg', sizeBytes: 482113,
    alt: 'The Acme team', width: 2400, height: 1600,
  });
});

void test('an X-Ray item carries parent, template and every non-standard raw value', () => {
  const { item } = fixture('edge-item.json', getItemDataSchema);
  assert.ok(item);
  const x = edgeItemToXray(item, undefined);
  assert.equal(x.parentId, '110d559f-dea5-42ea-9c1c-8a5df7e70ef9');
  assert.equal(x.templateName, 'Content Page');
  assert.equal(x.hasChildren, true);
  assert.equal(x.updatedAt, undefined);
  assert.match(x.fields['Body'] ?? '', /_id=9F1A2B3C4D5E4F60A1B2C3D4E5F60718/);
  assert.equal(edgeItemToXray(item, 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa').parentId, 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa');
});

void test('a template from ItemTemplate: fields without __ fields, base templates as ids', () => {
  const { search } = fixture('edge-template-detail.json', templateDetailDataSchema);
  const template = search?.results[0]?.template;
  assert.ok(template);
  const type = edgeTemplateToType(template, (template.baseTemplates ?? []).filter((b) => b !== null));
  assert.equal(type.id, '76036f5e-cbce-46d1-af0a-4143f9b557aa');
  assert.deepEqual(type.fields.map((f) => f.name), ['Title', 'Body']);
  assert.deepEqual(type.fields[0], { name: 'Title', type: 'Single-Line Text', id: 'a60acd61-a6db-4182-8910-74b1c0a4a9d5', section: 'Page Metadata', shared: false });
  assert.deepEqual(type.baseTypes, ['c2d3e4f5-a6b7-4c8d-9e0f-1a2b3c4d5e6f']);
});

void test('errors[] on HTTP 200 map to coded errors with hints', () => {
  const context = { adapterName: 'xmc', operation: 'getItem', credentialKey: 'apiKey' };
  const schemaError = edgeErrorsToConduit(envelopeOf('edge-errors.json').errors ?? [], context);
  assert.equal(schemaError.code, 'ADP_REQUEST_REJECTED');
  assert.match(schemaError.message, /Cannot query field "created"/);
  assert.match(schemaError.hint, /adapters\.xmc\.endpoint/);
  const tooLarge = edgeErrorsToConduit(envelopeOf('edge-first-too-large.json').errors ?? [], context);
  assert.equal(tooLarge.code, 'ADP_REQUEST_REJECTED');
  assert.match(tooLarge.hint, /adapters\.xmc\.pageSize/);
  const auth = edgeErrorsToConduit([{ message: 'Unauthorized', extensions: { code: 'AUTH_NOT_AUTHENTICATED' } }], context);
  assert.equal(auth.code, 'ADP_AUTH_FAILED');
  assert.match(auth.hint, /adapters\.xmc\.credentials\.apiKey/);
  const execution = edgeErrorsToConduit([{ message: 'Object reference not set to an instance of an object.' }, { message: 'x' }], context);
  assert.equal(execution.code, 'ADP_BAD_RESPONSE');
  assert.match(execution.message, /and 1 more/);
  const partial = envelopeOf('edge-partial.json');
  assert.ok(partial.data && partial.errors?.length === 1, 'the partial fixture has data next to errors');
  assert.ok(getItemDataSchema.parse(partial.data).item);
});

void test('item references: paths pass through, ids are sent braced, non-GUID ids are rejected', () => {
  assert.equal(edgePathArgument({ path: '/sitecore/content/Home' }), '/sitecore/content/Home');
  assert.equal(edgePathArgument({ id: '110d559fdea542ea9c1c8a5df7e70ef9' }), '{110D559F-DEA5-42EA-9C1C-8A5DF7E70EF9}');
  assert.throws(() => edgePathArgument({ id: 'home' }), (e: unknown) => e instanceof ConduitError && e.code === 'ADP_REQUEST_REJECTED');
});
