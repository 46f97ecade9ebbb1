import { normalizeGuid } from '../../shared/guid.ts';
import type { SimItem } from '../tree/sim-item.ts';
import type { SimTree } from '../tree/sim-tree.ts';

/**
 * Test support: reference extraction written straight from the README rules,
 * independently of the generator, to check the ground truth.
 */
export interface Reference {
  kind: string;
  field: string;
  /** Canonical id, or an absolute path for path/local datasources. */
  target: string;
  byPath: boolean;
}

const BRACED = /\{[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\}/g;
const NOT_REFERENCES = new Set(['__Revision', 'Blob', '__Security']);
const LAYOUT_ELEMENT = /<(r|d|condition|action)\b([^>]*?)\/?>/g;
const ATTR = /([\w:]+)="([^"]*)"/g;

function attrs(text: string): Map<string, string> {
  return new Map([...text.matchAll(ATTR)].map((m) => [m[1] ?? '', (m[2] ?? '').replaceAll('&amp;', '&')]));
}

function id(value: string): string | null {
  return normalizeGuid(value);
}

function layoutRefs(field: string, value: string, pagePath: string): Reference[] {
  const out: Reference[] = [];
  for (const m of value.matchAll(LAYOUT_ELEMENT)) {
    const tag = m[1] ?? '';
    const a = attrs(m[2] ?? '');
    const push = (kind: string, raw: string | undefined): void => {
      const target = raw === undefined ? null : id(raw);
      if (target) out.push({ kind, field, target, byPath: false });
    };
    if (tag === 'd') { push('layout-device', a.get('id')); push('layout', a.get('l')); continue; }
    if (tag === 'condition' || tag === 'action') { push('rule-element', a.get('id')); push('personalization-datasource', a.get('DataSource')); continue; }
    push('rendering-id', a.get('id') ?? a.get('s:id'));
    const ds = a.get('ds') ?? a.get('s:ds') ?? '';
    if (ds.startsWith('local:')) out.push({ kind: 'rendering-datasource-path', field, target: `${pagePath}${ds.slice('local:'.length)}`, byPath: true });
    else if (ds.startsWith('/')) out.push({ kind: 'rendering-datasource-path', field, target: ds, byPath: true });
    else if (ds !== '' && !ds.startsWith('query:')) push('rendering-datasource-id', ds);
    const par = decodeURIComponent(a.get('par') ?? a.get('s:par') ?? '');
    for (const g of par.matchAll(BRACED)) push('rendering-parameter', g[0]);
  }
  return out;
}

function richTextRefs(field: string, value: string): Reference[] {
  const out: Reference[] = [];
  for (const m of value.matchAll(/_id=([0-9A-Fa-f]{32})/g)) {
    const target = id(m[1] ?? '');
    if (target) out.push({ kind: 'rich-text-link', field, target, byPath: false });
  }
  for (const m of value.matchAll(/[-~]\/media\/([0-9A-Fa-f]{32})\.ashx/g)) {
    const target = id(m[1] ?? '');
    if (target) out.push({ kind: 'rich-text-media', field, target, byPath: false });
  }
  return out;
}

function typedRefs(field: string, type: string, value: string): Reference[] {
  if (value.startsWith('<link')) {
    const a = attrs(value);
    const target = id(a.get('id') ?? '');
    const linktype = a.get('linktype');
    return target && (linktype === 'internal' || linktype === 'media') ? [{ kind: `general-link-${linktype}`, field, target, byPath: false }] : [];
  }
  if (value.startsWith('<image')) {
    const target = id(attrs(value).get('mediaid') ?? '');
    return target ? [{ kind: 'image', field, target, byPath: false }] : [];
  }
  if (type === 'Rich Text') return richTextRefs(field, value);
  const kind = type === 'Droplink' || type === 'Droptree' ? 'droplink' : type === 'Multilist' || type === 'Treelist' ? 'multilist' : 'guid';
  return [...value.matchAll(BRACED)].flatMap((m) => {
    const target = id(m[0]);
    return target ? [{ kind, field, target, byPath: false }] : [];
  });
}

/** Every reference an analyzer reading this item over SSC (all languages, standard fields on) would see. */
export function referencesOf(tree: SimTree, item: SimItem): Reference[] {
  const path = tree.pathOf(item);
  const languages = Object.keys(item.langs).length > 0 ? Object.keys(item.langs) : ['en'];
  const out: Reference[] = [];
  for (const def of tree.templateFields(item.templateId)) {
    if (NOT_REFERENCES.has(def.name)) continue;
    for (const language of languages) {
      const value = tree.fieldValue(item, def.name, language);
      if (value === '') continue;
      if (def.name === '__Renderings' || def.name === '__Final Renderings') out.push(...layoutRefs(def.name, value, path));
      else out.push(...typedRefs(def.name, def.type, value));
    }
  }
  return out;
}
