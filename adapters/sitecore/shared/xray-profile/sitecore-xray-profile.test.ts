import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ProfileItem } from '../../../../src/adapter-kit/index.ts';
import { TEMPLATE_IDS } from '../well-known-ids.ts';
import { sitecoreXrayProfile } from './sitecore-xray-profile.ts';

const T = '10000000-0000-0000-0000-000000000001';
const BASE = '10000000-0000-0000-0000-000000000002';
const item = (over: Partial<ProfileItem> & { id: string; path: string }): ProfileItem => ({
  parentId: null, name: over.path.slice(over.path.lastIndexOf('/') + 1), templateId: null, language: 'en', fields: {}, ...over,
});
const field = (id: string, parentId: string, name: string, type: string, extra: Record<string, string> = {}): ProfileItem =>
  item({ id, parentId, path: `/sitecore/templates/x/${name}`, templateId: TEMPLATE_IDS.templateField, fields: { Type: type, ...extra } });

const definitions: ProfileItem[] = [
  item({ id: BASE, path: '/sitecore/templates/Project/Base', templateId: TEMPLATE_IDS.template }),
  item({ id: '20000000-0000-0000-0000-000000000001', parentId: BASE, path: '/sitecore/templates/Project/Base/Data', templateId: TEMPLATE_IDS.templateSection }),
  field('30000000-0000-0000-0000-000000000001', '20000000-0000-0000-0000-000000000001', 'Related', 'Multilist'),
  field('30000000-0000-0000-0000-000000000002', '20000000-0000-0000-0000-000000000001', 'Title', 'Single-Line Text', { 'Validator Bar': '{59D4EE10-627C-4FD3-A964-61A88B092CBC}' }),
  item({ id: T, path: '/sitecore/templates/Project/Page', templateId: TEMPLATE_IDS.template, fields: { '__Base template': `{${BASE.toUpperCase()}}` } }),
  item({ id: '20000000-0000-0000-0000-000000000002', parentId: T, path: '/sitecore/templates/Project/Page/Data', templateId: TEMPLATE_IDS.templateSection }),
  field('30000000-0000-0000-0000-000000000003', '20000000-0000-0000-0000-000000000002', 'Body', 'Rich Text'),
  item({ id: '40000000-0000-0000-0000-000000000001', path: '/sitecore/system/Workflows/W/Done', templateId: TEMPLATE_IDS.workflowState, fields: { Final: '1' } }),
];
const model = sitecoreXrayProfile.createModel(definitions);

void test('field types come from the templates, inherited ones included: a one-entry Multilist is a multilist', () => {
  const page = item({ id: '50000000-0000-0000-0000-000000000001', path: '/sitecore/content/Home/About', templateId: T, fields: {
    Related: '{60000000-0000-0000-0000-000000000001}',
    Body: '<a href="~/link.aspx?_id=60000000000000000000000000000002&amp;_z=z">x</a> {60000000-0000-0000-0000-000000000009}',
    Other: '{60000000-0000-0000-0000-000000000003}',
  } });
  assert.deepEqual(model.references(page).map((r) => `${r.field} ${r.kind} ${r.use} ${r.targetId ?? ''}`).sort(), [
    'Body rich-text-link link 60000000-0000-0000-0000-000000000002',
    'Other droplink link 60000000-0000-0000-0000-000000000003',
    'Related multilist link 60000000-0000-0000-0000-000000000001',
  ]);
});

void test('a local: datasource resolves against each page; the same layout on two pages is parsed once but resolved per page', () => {
  const layout = '<r><d id="{FE5D7FDF-89C0-4D99-9AA3-B5FBD009C9F3}"><r uid="{70000000-0000-0000-0000-000000000001}" ds="local:/Data/Hero" id="{70000000-0000-0000-0000-000000000002}" /></d></r>';
  const refs = ['/sitecore/content/A', '/sitecore/content/B'].map((path, i) => model.references(item({ id: `5000000${i}-0000-0000-0000-000000000001`, path, fields: { '__Renderings': layout } })));
  assert.deepEqual(refs.map((r) => r.find((x) => x.kind === 'rendering-datasource-path')?.targetPath), ['/sitecore/content/A/Data/Hero', '/sitecore/content/B/Data/Hero']);
});

void test('roles, scopes and reuse: folders, media, templates, datasources below Data', () => {
  const data = item({ id: '80000000-0000-0000-0000-000000000001', path: '/sitecore/content/Home/Data', templateId: TEMPLATE_IDS.folder });
  const promo = item({ id: '80000000-0000-0000-0000-000000000002', path: '/sitecore/content/Home/Data/Promo', templateId: T });
  const jpeg = item({ id: '80000000-0000-0000-0000-000000000003', path: '/sitecore/media library/a', templateId: TEMPLATE_IDS.unversionedJpeg, fields: { Size: '300000' } });
  assert.deepEqual([model.role(data), model.isReuseFolder(data), model.reuseKind(promo, true), model.reuseKind(promo, false), model.reuseKind(jpeg, false)],
    ['container', true, 'datasource', null, 'media']);
  assert.deepEqual(model.scope(item({ id: '80000000-0000-0000-0000-000000000004', path: '/sitecore/content/Home/A/B' })).contentDepth, 3);
  assert.deepEqual(model.mediaSize(jpeg), { field: 'Size', value: '300000', bytes: 300000 });
  assert.deepEqual(model.baseTypes(definitions[4] ?? item({ id: 'x', path: '/x' }))?.ids, [BASE]);
  // An item bucket's year/month/... folder is a folder, made by Sitecore: never a datasource, never counted as a level.
  const bucketFolder = item({ id: '80000000-0000-0000-0000-000000000005', path: '/sitecore/content/Home/Data/2024', templateId: TEMPLATE_IDS.bucketFolder });
  assert.deepEqual([model.role(bucketFolder), model.isGeneratedFolder(bucketFolder), model.reuseKind(bucketFolder, true), model.isGeneratedFolder(data)],
    ['container', true, null, false]);
});

void test('field issues by type, required fields, workflow and update dates', () => {
  const page = item({ id: '90000000-0000-0000-0000-000000000001', path: '/sitecore/content/X', templateId: T, fields: {
    Related: 'oops', Title: '', '__Updated': '20240101T000000Z', '__Workflow state': '{40000000-0000-0000-0000-000000000001}', '__Created': 'yesterday',
  } });
  assert.deepEqual(model.fieldIssues(page).map((i) => `${i.kind} ${i.field}`).sort(), ['malformed-date __Created', 'malformed-guid Related', 'required-empty Title']);
  assert.equal(model.inActiveWorkflow(page), false, 'the state is final');
  assert.deepEqual(model.lastUpdated(page), { field: '__Updated', value: '20240101T000000Z', at: Date.UTC(2024, 0, 1) });
  assert.equal(model.nameIssue(item({ id: '90000000-0000-0000-0000-000000000002', path: '/sitecore/content/Q&A' })), 'does not match ItemNameValidation');
});
