import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateInstance } from '../simulator/generator/generate-instance.ts';
import { referencesOf } from '../simulator/test-support/oracle-references.ts';
import { DEFAULT_NOW } from '../simulator/sitecore-simulator.ts';
import { extractFieldReferences, fieldValueReferences } from './field-references.ts';
import { effectiveLayout, parseLayoutXml } from './layout-xml.ts';

const HOME = '{110D559F-DEA5-42EA-9C1C-8A5DF7E70EF9}';
const home = '110d559f-dea5-42ea-9c1c-8a5df7e70ef9';
const A = '{AAAAAAAA-1111-2222-3333-444444444444}';
const a = 'aaaaaaaa-1111-2222-3333-444444444444';
const B = '{BBBBBBBB-1111-2222-3333-444444444444}';
const b = 'bbbbbbbb-1111-2222-3333-444444444444';
const C = '{CCCCCCCC-1111-2222-3333-444444444444}';
const c = 'cccccccc-1111-2222-3333-444444444444';

const brief = (refs: ReturnType<typeof extractFieldReferences>): string[] =>
  refs.map((r) => `${r.field}|${r.kind}|${r.targetId ?? r.targetPath ?? ''}`).sort();

void test('General Link, Image, File and GUID lists', () => {
  const refs = extractFieldReferences({
    Link: `<link text="Home" linktype="internal" class="" id="${HOME}" />`,
    External: '<link linktype="external" url="https://example.com" id="" />',
    Download: `<link linktype="media" id="${A}" />`,
    Picture: `<image mediaid="${B}" alt="x" mediapath="/Images/x" src="~/media/BBBBBBBB111122223333444444444444.ashx" />`,
    Attachment: `<file mediaid="${C}" src="~/media/CCCCCCCC111122223333444444444444.ashx" />`,
    Related: `${A}|${B}`,
    Author: C,
    Title: 'Nothing {here}',
    __Revision: A,
    Blob: B,
  });
  assert.deepEqual(brief(refs), [
    `Attachment|file|${c}`, `Author|droplink|${c}`, `Download|general-link-media|${a}`, `Link|general-link-internal|${home}`,
    `Picture|image|${b}`, `Related|multilist|${a}`, `Related|multilist|${b}`,
  ].sort());
});

void test('Rich Text dynamic links and media URLs, entity-escaped or not', () => {
  const refs = fieldValueReferences('Body', '<p><a href="~/link.aspx?_id=110D559FDEA542EA9C1C8A5DF7E70EF9&amp;_z=z">Home</a>'
    + '<img src="-/media/AAAAAAAA111122223333444444444444.ashx?h=10&amp;w=10" /><img src="~/media/BBBBBBBB111122223333444444444444.ashx" />'
    + '<img src="~/media/Images/by-path.ashx" /></p>');
  assert.deepEqual(brief(refs), [`Body|rich-text-link|${home}`, `Body|rich-text-media|${a}`, `Body|rich-text-media|${b}`].sort());
  assert.equal(refs.find((r) => r.kind === 'rich-text-link')?.value, '110D559FDEA542EA9C1C8A5DF7E70EF9');
});

void test('standard fields get their own kinds; field types refine list kinds', () => {
  const refs = extractFieldReferences({ '__Base template': `${A}|${B}`, '__Workflow state': C, '__Masters': A, 'Tags': A, 'Legacy': '/sitecore/content/Home' },
    { fieldType: (f) => ({ Tags: 'Treelist', Legacy: 'Internal Link' } as Record<string, string>)[f] });
  assert.deepEqual(brief(refs), [
    `Legacy|internal-link|/sitecore/content/Home`, `Tags|multilist|${a}`, `__Base template|base-template|${a}`, `__Base template|base-template|${b}`,
    `__Masters|insert-option|${a}`, `__Workflow state|workflow|${c}`,
  ].sort());
});

void test('layout XML: renderings, datasources by id/path/local:, parameters, personalization; query: and uid skipped', () => {
  const full = `<r xmlns:xsd="http://www.w3.org/2001/XMLSchema"><d id="{FE5D7FDF-89C0-4D99-9AA3-B5FBD009C9F3}" l="${A}">`
    + `<r id="${B}" ds="${C}" ph="main" par="Styles=%7BAAAAAAAA-1111-2222-3333-444444444444%7D&amp;Grid=1" uid="{DDDDDDDD-1111-2222-3333-444444444444}" />`
    + `<r id="${B}" ds="/sitecore/content/Home/Data/Promo" ph="main" uid="{EEEEEEEE-1111-2222-3333-444444444444}" />`
    + `<r id="${B}" ds="query:./ancestor-or-self::*" ph="main" uid="{FFFFFFFF-1111-2222-3333-444444444444}" /></d></r>`;
  const delta = `<r xmlns:p="p" xmlns:s="s" p:p="1"><d id="{FE5D7FDF-89C0-4D99-9AA3-B5FBD009C9F3}">`
    + `<r uid="{DDDDDDDD-1111-2222-3333-444444444444}" s:ds="local:/Data/Hero"><rls><ruleset><rule uid="{12345678-1111-2222-3333-444444444444}" s:name="V">`
    + `<conditions><condition uid="x" id="${A}" /></conditions><actions><action uid="y" id="${C}" DataSource="${HOME}" /></actions></rule></ruleset></rls></r>`
    + `<r uid="{EEEEEEEE-1111-2222-3333-444444444444}"><p:d /></r></d></r>`;
  const refs = extractFieldReferences({ '__Renderings': full, '__Final Renderings': delta }, { itemPath: '/sitecore/content/Home/Page' });
  assert.deepEqual(brief(refs), [
    `__Final Renderings|layout-device|fe5d7fdf-89c0-4d99-9aa3-b5fbd009c9f3`,
    `__Final Renderings|personalization-datasource|${home}`,
    `__Final Renderings|rendering-datasource-path|/sitecore/content/Home/Page/Data/Hero`,
    `__Final Renderings|rule-element|${a}`,
    `__Final Renderings|rule-element|${c}`,
    `__Renderings|layout-device|fe5d7fdf-89c0-4d99-9aa3-b5fbd009c9f3`,
    `__Renderings|layout|${a}`,
    `__Renderings|rendering-datasource-id|${c}`,
    `__Renderings|rendering-datasource-path|/sitecore/content/Home/Data/Promo`,
    `__Renderings|rendering-id|${b}`,
    `__Renderings|rendering-parameter|${a}`,
  ].sort());
  const layout = effectiveLayout({ renderings: full, finalRenderings: delta });
  const renderings = layout?.devices[0]?.renderings ?? [];
  assert.equal(renderings.length, 2, 'the delta removed one rendering');
  assert.equal(renderings[0]?.datasource, 'local:/Data/Hero', 'the delta changed the first datasource by uid');
  assert.equal(renderings[0]?.id, B, 'unchanged attributes are kept');
  assert.equal(renderings[0]?.personalization.datasources[0], HOME);
  assert.equal(parseLayoutXml('not xml'), null);
});

void test('a delta inserts renderings where p:before / p:after say', () => {
  const base = `<r><d id="${A}"><r uid="{11111111-1111-2222-3333-444444444444}" id="${B}" /><r uid="{22222222-1111-2222-3333-444444444444}" id="${B}" /></d></r>`;
  const delta = `<r xmlns:p="p" xmlns:s="s" p:p="1"><d id="${A}"><r uid="{33333333-1111-2222-3333-444444444444}" s:id="${C}" p:before="*" />`
    + `<r uid="{44444444-1111-2222-3333-444444444444}" s:id="${C}" p:after="r[@uid='{11111111-1111-2222-3333-444444444444}']" /></d></r>`;
  const uids = effectiveLayout({ renderings: base, finalRenderings: delta })?.devices[0]?.renderings.map((r) => r.uid?.slice(1, 3));
  assert.deepEqual(uids, ['33', '11', '44', '22']);
});

void test('on a generated instance, the extracted references equal the ground-truth oracle, and every planted broken link is found', () => {
  const { tree, groundTruth } = generateInstance({ items: 1500, seed: 3, defects: true, now: DEFAULT_NOW });
  const kindsOfOracle = new Set(['rendering-id', 'rendering-datasource-id', 'rendering-datasource-path', 'rendering-parameter', 'personalization-datasource',
    'rule-element', 'layout', 'layout-device', 'general-link-internal', 'general-link-media', 'image', 'rich-text-link', 'rich-text-media', 'droplink', 'multilist']);
  // Standard fields get their own kinds here (base-template, workflow…) where the oracle goes by field type.
  const kindOf = (field: string, kind: string): string => kindsOfOracle.has(kind) && !(field.startsWith('__') && !field.endsWith('Renderings')) ? kind : '*';
  let compared = 0;
  const mine = new Map<string, Set<string>>();
  for (const item of tree.items.values()) {
    if (!item.readable) continue;
    const path = tree.pathOf(item);
    const types = new Map(tree.templateFields(item.templateId).map((f) => [f.name, f.type]));
    const expected = new Set(referencesOf(tree, item).map((r) => `${r.field}|${kindOf(r.field, r.kind)}|${r.target}`));
    const actual = new Set<string>();
    for (const language of Object.keys(item.langs).length > 0 ? Object.keys(item.langs) : ['en']) {
      const fields = Object.fromEntries([...types.keys()].map((name) => [name, tree.fieldValue(item, name, language)]));
      for (const r of extractFieldReferences(fields, { itemPath: path, fieldType: (f) => types.get(f) })) {
        actual.add(`${r.field}|${kindOf(r.field, r.kind)}|${r.targetId ?? r.targetPath ?? ''}`);
      }
    }
    assert.deepEqual([...actual].sort(), [...expected].sort(), `references of ${path}`);
    mine.set(item.id, actual);
    compared += expected.size;
  }
  assert.ok(compared > 1000, `compared ${compared} references`);
  for (const f of groundTruth.findings['broken-link']) {
    assert.ok(mine.get(f.itemId)?.has(`${f.field ?? ''}|${f.kind}|${f.target ?? ''}`), `planted ${f.kind} on ${f.path} (${f.field ?? ''} → ${f.target ?? ''})`);
  }
});
