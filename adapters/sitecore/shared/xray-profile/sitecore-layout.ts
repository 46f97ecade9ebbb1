import type { ProfileReference } from '../../../../src/adapter-kit/index.ts';
import { normalizeGuid } from '../guid.ts';
import { decodeUrlComponentSafe, readAttributes } from './xml-attributes.ts';

/**
 * References in layout XML (`__Renderings`, `__Final Renderings`; reference
 * §3.1, simulator README "What is a reference"): `<d id l>` (device, layout),
 * `<r id|s:id>` (rendering), `ds|s:ds` (datasource: GUID, absolute path,
 * `local:` relative to the page; `query:` skipped), GUIDs in URL-decoded
 * `par|s:par`, and `id`/`DataSource` of personalization conditions and
 * actions. Never `uid`, `p:before` or `p:after`: those name instances, not items.
 */
const ELEMENT = /<(r|d|condition|action)(?=[\s/>])([^>]*)>/g;
const BRACED = /\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}/gi;

type Push = (ref: ProfileReference) => void;

function byId(push: Push, field: string, kind: string, use: ProfileReference['use'], token: string | undefined): void {
  if (token === undefined || token === '') return;
  const targetId = normalizeGuid(token);
  if (targetId !== null) push({ kind, use, field, token, targetId });
}

function datasource(push: Push, field: string, raw: string | undefined, itemPath: string): void {
  const ds = (raw ?? '').trim();
  if (ds === '' || ds.toLowerCase().startsWith('query:')) return;
  if (ds.toLowerCase().startsWith('local:')) {
    const rest = ds.slice('local:'.length);
    push({ kind: 'rendering-datasource-path', use: 'datasource', field, token: ds, targetPath: `${itemPath}${rest.startsWith('/') ? '' : '/'}${rest}` });
  } else if (ds.startsWith('/')) {
    push({ kind: 'rendering-datasource-path', use: 'datasource', field, token: ds, targetPath: ds });
  } else {
    byId(push, field, 'rendering-datasource-id', 'datasource', ds);
  }
}

function parameters(push: Push, field: string, raw: string | undefined): void {
  if (raw === undefined || raw === '') return;
  for (const m of decodeUrlComponentSafe(raw).matchAll(BRACED)) byId(push, field, 'rendering-parameter', 'setting', m[0]);
}

export function layoutReferences(field: string, value: string, itemPath: string, push: Push): void {
  for (const m of value.matchAll(ELEMENT)) {
    const tag = m[1];
    const a = readAttributes(m[2] ?? '');
    if (tag === 'd') {
      byId(push, field, 'layout-device', 'setting', a.get('id'));
      byId(push, field, 'layout', 'component', a.get('l'));
    } else if (tag === 'condition' || tag === 'action') {
      byId(push, field, 'rule-element', 'setting', a.get('id'));
      byId(push, field, 'personalization-datasource', 'datasource', a.get('DataSource'));
    } else {
      byId(push, field, 'rendering-id', 'component', a.get('id'));
      byId(push, field, 'rendering-id', 'component', a.get('s:id'));
      datasource(push, field, a.get('ds'), itemPath);
      datasource(push, field, a.get('s:ds'), itemPath);
      parameters(push, field, a.get('par'));
      parameters(push, field, a.get('s:par'));
    }
  }
}
