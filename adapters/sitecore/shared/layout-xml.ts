/**
 * Sitecore layout XML (`__Renderings`, `__Final Renderings`; reference §3.1):
 * a tolerant parser, and the delta merge that gives the effective layout
 * (standard values `__Renderings` ⊕ item `__Renderings` ⊕ item `__Final Renderings`).
 *
 * Full form:  <r><d id="{DEVICE}" l="{LAYOUT}"><r id="{RENDERING}" ds="…" ph="…" par="…" uid="{…}" /></d></r>
 * Delta form: <r xmlns:p="p" xmlns:s="s" p:p="1"><d id="{DEVICE}"><r uid="{…}" s:ds="…" /><r uid="{…}"><p:d /></r></d></r>
 */

export interface LayoutRule {
  /** `id` of each <condition>: rule element definition items. */
  conditionIds: string[];
  /** `id` of each <action>. */
  actionIds: string[];
  /** `DataSource` of each <action>: the variant's datasource. */
  datasources: string[];
}

export interface LayoutRendering {
  /** Instance id (not an item). */
  uid?: string;
  /** Rendering item id (`id` or `s:id`), as written. */
  id?: string;
  /** Datasource (`ds` / `s:ds`) as written: {GUID}, a path, `local:/…` or `query:…`. */
  datasource?: string;
  placeholder?: string;
  /** Raw (still URL-encoded) rendering parameters (`par` / `s:par`). */
  parameters?: string;
  /** Delta only: `<p:d/>` removes the rendering with this uid. */
  removed?: boolean;
  /** Delta ordering hints (`p:before` / `p:after`), as written. */
  before?: string;
  after?: string;
  personalization: LayoutRule;
}

export interface LayoutDevice {
  id: string;
  /** Layout item id (`l` / `s:l`). */
  layoutId?: string;
  renderings: LayoutRendering[];
}

export interface LayoutDefinition {
  /** True for the delta form (`p:p="1"` on the root). */
  delta: boolean;
  devices: LayoutDevice[];
}

const TAG = /<(\/?)([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*"[^"]*")*)\s*(\/?)>/g;
const ATTR = /([\w:.-]+)\s*=\s*"([^"]*)"/g;

export function decodeXmlEntities(value: string): string {
  return value.replace(/&(amp|quot|lt|gt|apos|#\d+|#x[0-9a-f]+);/gi, (whole, name: string) => {
    const lower = name.toLowerCase();
    if (lower === 'amp') return '&';
    if (lower === 'quot') return '"';
    if (lower === 'lt') return '<';
    if (lower === 'gt') return '>';
    if (lower === 'apos') return "'";
    const code = lower.startsWith('#x') ? Number.parseInt(lower.slice(2), 16) : Number.parseInt(lower.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Attributes of one start tag, entities decoded. */
export function xmlAttributes(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(ATTR)) out.set(m[1] ?? '', decodeXmlEntities(m[2] ?? ''));
  return out;
}

function emptyRule(): LayoutRule {
  return { conditionIds: [], actionIds: [], datasources: [] };
}

function renderingFrom(a: Map<string, string>): LayoutRendering {
  const pick = (name: string): string | undefined => a.get(name) ?? a.get(`s:${name}`);
  const r: LayoutRendering = { personalization: emptyRule() };
  const set = <K extends 'uid' | 'id' | 'datasource' | 'placeholder' | 'parameters' | 'before' | 'after'>(key: K, value: string | undefined): void => {
    if (value !== undefined) r[key] = value;
  };
  set('uid', a.get('uid'));
  set('id', pick('id'));
  set('datasource', pick('ds'));
  set('placeholder', pick('ph'));
  set('parameters', pick('par'));
  set('before', a.get('p:before'));
  set('after', a.get('p:after'));
  return r;
}

/**
 * Parses layout XML; null when the value holds no layout (empty, or not XML).
 * Unknown elements are skipped, so a malformed value yields what could be read.
 */
export function parseLayoutXml(xml: string): LayoutDefinition | null {
  if (!xml.includes('<')) return null;
  const layout: LayoutDefinition = { delta: false, devices: [] };
  let device: LayoutDevice | undefined;
  let rendering: LayoutRendering | undefined;
  let depth = 0;
  let seenRoot = false;
  for (const m of xml.matchAll(TAG)) {
    const closing = m[1] === '/';
    const name = m[2] ?? '';
    const selfClosing = m[4] === '/';
    if (closing) {
      if (name === 'd') device = undefined;
      if (name === 'r' && rendering && depth === 3) rendering = undefined;
      if (name === 'r' || name === 'd') depth--;
      continue;
    }
    const a = xmlAttributes(m[3] ?? '');
    if (name === 'r' && !seenRoot) {
      seenRoot = true;
      layout.delta = a.get('p:p') === '1';
      if (!selfClosing) depth = 1;
    } else if (name === 'd') {
      device = { id: a.get('id') ?? '', renderings: [] };
      const l = a.get('l') ?? a.get('s:l');
      if (l !== undefined) device.layoutId = l;
      layout.devices.push(device);
      if (!selfClosing) depth = 2;
    } else if (name === 'r' && device && depth === 2) {
      const r = renderingFrom(a);
      device.renderings.push(r);
      if (!selfClosing) { rendering = r; depth = 3; }
    } else if (name === 'p:d' && rendering) {
      rendering.removed = true;
    } else if (name === 'condition' && rendering) {
      const id = a.get('id');
      if (id) rendering.personalization.conditionIds.push(id);
    } else if (name === 'action' && rendering) {
      const id = a.get('id');
      const ds = a.get('DataSource');
      if (id) rendering.personalization.actionIds.push(id);
      if (ds) rendering.personalization.datasources.push(ds);
    }
  }
  return seenRoot ? layout : null;
}

function sameKey(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();
}

function applyToRendering(base: LayoutRendering, change: LayoutRendering): LayoutRendering {
  const merged: LayoutRendering = { ...base, personalization: change.personalization.conditionIds.length + change.personalization.actionIds.length > 0 ? change.personalization : base.personalization };
  for (const key of ['id', 'datasource', 'placeholder', 'parameters'] as const) {
    const value = change[key];
    if (value !== undefined) merged[key] = value;
  }
  return merged;
}

function insertPosition(list: readonly LayoutRendering[], r: LayoutRendering): number {
  if (r.before === '*') return 0;
  const uidOf = (hint: string | undefined): string | undefined => /uid='([^']+)'/.exec(hint ?? '')?.[1];
  const before = uidOf(r.before);
  if (before) {
    const i = list.findIndex((x) => sameKey(x.uid, before));
    if (i >= 0) return i;
  }
  const after = uidOf(r.after);
  if (after) {
    const i = list.findIndex((x) => sameKey(x.uid, after));
    if (i >= 0) return i + 1;
  }
  return list.length;
}

function applyDevice(base: LayoutDevice | undefined, delta: LayoutDevice): LayoutDevice {
  const out: LayoutDevice = { id: delta.id, renderings: [...(base?.renderings ?? [])] };
  const layoutId = delta.layoutId ?? base?.layoutId;
  if (layoutId !== undefined) out.layoutId = layoutId;
  for (const change of delta.renderings) {
    const at = out.renderings.findIndex((x) => sameKey(x.uid, change.uid));
    if (change.removed) {
      if (at >= 0) out.renderings.splice(at, 1);
      continue;
    }
    const existing = out.renderings[at];
    if (existing) out.renderings[at] = applyToRendering(existing, change);
    else out.renderings.splice(insertPosition(out.renderings, change), 0, { ...change });
  }
  return out;
}

/** `layer` applied on top of `base`: a delta modifies it by uid, a full layout replaces it. */
export function mergeLayouts(base: LayoutDefinition | null, layer: LayoutDefinition | null): LayoutDefinition | null {
  if (layer === null) return base;
  if (!layer.delta || base === null) return { delta: false, devices: layer.devices.map((d) => applyDevice(undefined, d)) };
  const devices = base.devices.map((d) => ({ ...d, renderings: [...d.renderings] }));
  for (const d of layer.devices) {
    const i = devices.findIndex((x) => sameKey(x.id, d.id));
    if (i >= 0) devices[i] = applyDevice(devices[i], d);
    else devices.push(applyDevice(undefined, d));
  }
  return { delta: false, devices };
}

/**
 * The effective layout of an item version: standard values `__Renderings`,
 * then the item's own `__Renderings`, then its `__Final Renderings` (reference
 * §3.1). Pass the raw values; empty ones are skipped. Note that SSC already
 * returns the standard value when the item has no own `__Renderings`, so pass
 * `standardValues` only when the item's value is its own.
 */
export function effectiveLayout(layers: { standardValues?: string; renderings?: string; finalRenderings?: string }): LayoutDefinition | null {
  let layout: LayoutDefinition | null = null;
  for (const raw of [layers.standardValues, layers.renderings, layers.finalRenderings]) {
    if (raw) layout = mergeLayouts(layout, parseLayoutXml(raw));
  }
  return layout;
}
