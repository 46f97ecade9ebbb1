import { edgeCanonicalId } from './edge-ids.ts';
import type { EdgeItemNode, EdgePublishedView } from './edge-published-view.ts';

/**
 * Layout Service JSON for `rendered`, reduced to what clients read: the route
 * with its (non-standard) fields and placeholders holding components with
 * their datasources. Built from the item's own `__Renderings` and
 * `__Final Renderings` (standard values are not merged; the simulator's
 * items carry their layout themselves). Shape simplified and NOT verified
 * against a recorded Layout Service payload.
 */
interface Rendering { uid: string; renderingId?: string; placeholder?: string; dataSource?: string; removed?: boolean }

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:]+)="([^"]*)"/g)) {
    if (m[1] !== undefined && m[2] !== undefined) out[m[1]] = m[2];
  }
  return out;
}

/** `<r>` rendering entries of a full or delta layout value, keyed by uid. */
function parseLayoutXml(xml: string): Rendering[] {
  const out: Rendering[] = [];
  for (const m of xml.matchAll(/<r\b([^>]*?)(\/?)>(?:\s*<p:d\s*\/>)?/g)) {
    const attrs = attributes(m[1] ?? '');
    const uid = attrs['uid'];
    if (uid === undefined) continue;
    out.push({
      uid,
      renderingId: attrs['id'] ?? attrs['s:id'],
      placeholder: attrs['ph'] ?? attrs['s:ph'],
      dataSource: attrs['ds'] ?? attrs['s:ds'],
      removed: m[0].includes('<p:d'),
    });
  }
  return out;
}

/** Item `__Renderings` overlaid with the `__Final Renderings` delta, matched by uid. */
function effectiveRenderings(node: EdgeItemNode): Rendering[] {
  const byUid = new Map<string, Rendering>();
  for (const field of ['__Renderings', '__Final Renderings']) {
    for (const r of parseLayoutXml(node.version.fields[field] ?? '')) {
      const previous = byUid.get(r.uid);
      if (r.removed) { byUid.delete(r.uid); continue; }
      byUid.set(r.uid, {
        uid: r.uid,
        renderingId: r.renderingId ?? previous?.renderingId,
        placeholder: r.placeholder ?? previous?.placeholder,
        dataSource: r.dataSource ?? previous?.dataSource,
      });
    }
  }
  return [...byUid.values()];
}

function publicFields(node: EdgeItemNode): Record<string, { value: string }> {
  const out: Record<string, { value: string }> = {};
  for (const [name, value] of Object.entries(node.version.fields)) {
    if (!name.startsWith('__')) out[name] = { value };
  }
  return out;
}

/** The `rendered` JSON of an item: `{}` when it has no presentation. */
export function renderedLayout(node: EdgeItemNode, view: EdgePublishedView): Record<string, unknown> {
  if (!view.hasLayout(node)) return {};
  const placeholders: Record<string, unknown[]> = {};
  for (const r of effectiveRenderings(node)) {
    const key = (r.placeholder ?? 'main').replace(/^\/+/, '');
    const renderingId = r.renderingId === undefined ? undefined : edgeCanonicalId(r.renderingId);
    const rendering = renderingId === undefined ? undefined : view.source.byId(renderingId);
    (placeholders[key] ??= []).push({
      uid: edgeCanonicalId(r.uid) ?? r.uid,
      componentName: rendering?.name ?? 'UnknownComponent',
      dataSource: r.dataSource ?? '',
      params: {},
    });
  }
  const site = view.siteOf(node);
  return {
    sitecore: {
      context: { pageEditing: false, site: { name: site?.name ?? '' }, language: node.language, itemPath: node.item.path },
      route: {
        name: node.item.name,
        displayName: node.version.displayName ?? node.item.name,
        fields: publicFields(node),
        databaseName: 'web',
        itemId: node.item.id,
        itemLanguage: node.language,
        itemVersion: node.version.version,
        templateId: node.item.templateId,
        templateName: node.item.templateName,
        placeholders,
      },
    },
  };
}

/** URL segment of an item name: lower-case, spaces as dashes (XM Cloud link defaults). */
export function urlSegment(name: string): string {
  return name.toLowerCase().replace(/ /g, '-');
}

/** Finds the route item for `layout(site, routePath)`: the site start item, then one child per URL segment. */
export function resolveRoute(view: EdgePublishedView, siteName: string, routePath: string, language: string): EdgeItemNode | undefined {
  const site = view.source.sites().find((s) => s.name.toLowerCase() === siteName.toLowerCase());
  if (!site) return undefined;
  let current = view.resolve(site.startPath, language);
  for (const segment of routePath.split('/').filter((s) => s !== '')) {
    if (!current) return undefined;
    const wanted = decodeURIComponent(segment).toLowerCase();
    current = view.children(current).find((c) => urlSegment(c.item.name) === wanted);
  }
  return current;
}
