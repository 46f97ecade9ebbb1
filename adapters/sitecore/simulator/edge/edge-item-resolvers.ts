import { z } from 'zod';
import type { EdgeTemplate, EdgeTemplateField } from './edge-content-source.ts';
import {
  fieldNodes, singleFieldNode, sitecoreDateToIso, targetNodes, xmlAttributes, type EdgeFieldNode,
} from './edge-field-nodes.ts';
import { formatEdgeId, edgeCanonicalId } from './edge-ids.ts';
import { renderedLayout, urlSegment } from './edge-layout.ts';
import { edgePage } from './edge-paging.ts';
import type { EdgeItemNode, EdgePublishedView } from './edge-published-view.ts';

/** Per-request state the resolvers share. */
export interface EdgeRequestContext {
  view: EdgePublishedView;
  scheme: string;
  /** Called once per `children` page served (the simulator's children-fetch statistics). */
  onChildrenFetch?: (id: string) => void;
}

export type Resolver<S> = (source: S, args: Record<string, unknown>, ctx: EdgeRequestContext) => unknown;

const childArgs = z.object({
  hasLayout: z.boolean().nullish(),
  includeTemplateIDs: z.array(z.string().nullable()).nullish(),
  first: z.number().int().nullish(),
  after: z.string().nullish(),
});
const formatArg = z.object({ format: z.string().nullish() });

const LANGUAGE_NAMES: Record<string, string> = { en: 'English', da: 'Danish', de: 'German', fr: 'French', nl: 'Dutch', ja: 'Japanese' };

function languageInfo(code: string): Record<string, string> {
  const name = LANGUAGE_NAMES[code.split('-')[0]?.toLowerCase() ?? ''] ?? code;
  return { name: code, displayName: `${name} : ${name}`, englishName: name, nativeName: name };
}

interface ItemUrl { hostName: string; path: string; scheme: string; siteName: string; url: string }

function itemUrl(node: EdgeItemNode, ctx: EdgeRequestContext): ItemUrl {
  const site = ctx.view.siteOf(node);
  const hostName = site?.hostName ?? 'localhost';
  let path: string;
  const media = /^\/sitecore\/media library\/(.+)$/i.exec(node.item.path);
  if (media?.[1] !== undefined) {
    const extension = node.version.fields['Extension'] ?? '';
    path = `/-/media/${media[1].split('/').map(urlSegment).join('/')}${extension === '' ? '' : `.${extension}`}`;
  } else if (site) {
    const relative = node.item.path.slice(site.startPath.length).split('/').filter((s) => s !== '');
    path = `/${relative.map(urlSegment).join('/')}`;
  } else {
    path = node.item.path.split('/').map(urlSegment).join('/');
  }
  return { hostName, path, scheme: ctx.scheme, siteName: site?.name ?? '', url: `${ctx.scheme}://${hostName}${path}` };
}

export const itemResolvers: Record<string, Resolver<EdgeItemNode>> = {
  id: (n, args) => formatEdgeId(n.item.id, formatArg.parse(args).format),
  name: (n) => n.item.name,
  displayName: (n) => n.version.displayName ?? n.item.name,
  path: (n) => n.item.path,
  itemUri: (n) => `sitecore://web/${formatEdgeId(n.item.id, 'B')}?lang=${n.language}&ver=${n.version.version}`,
  version: (n) => n.version.version,
  language: (n) => languageInfo(n.language),
  languages: (n, _args, ctx) => n.item.languages().map((l) => ctx.view.node(n.item, l)).filter((x) => x !== undefined),
  hasChildren: (n, args, ctx) => ctx.view.children(n, childArgs.parse(args)).length > 0,
  children: (n, args, ctx) => {
    const a = childArgs.parse(args);
    const page = edgePage(ctx.view.children(n, a), a.first, a.after);
    ctx.onChildrenFetch?.(n.item.id);
    return page;
  },
  ancestors: (n, args, ctx) => {
    const a = childArgs.parse(args);
    return ctx.view.ancestors(n).filter((p) => !a.hasLayout || ctx.view.hasLayout(p));
  },
  parent: (n, _args, ctx) => ctx.view.parent(n) ?? null,
  field: (n, args, ctx) => singleFieldNode(ctx.view, n, z.object({ name: z.string() }).parse(args).name),
  fields: (n, args, ctx) => fieldNodes(ctx.view, n, z.object({ ownFields: z.boolean().nullish() }).parse(args).ownFields ?? false),
  template: (n, _args, ctx) => ctx.view.source.template(n.item.templateId)
    ?? { id: n.item.templateId, name: n.item.templateName, baseTemplateIds: [], ownFields: [] },
  url: (n, _args, ctx) => itemUrl(n, ctx),
  rendered: (n, _args, ctx) => renderedLayout(n, ctx.view),
};

function jsonItemRef(n: EdgeItemNode, ctx: EdgeRequestContext): Record<string, unknown> {
  return { id: n.item.id, url: itemUrl(n, ctx).path, name: n.item.name, displayName: n.version.displayName ?? n.item.name, fields: {} };
}

function mediaSrc(f: EdgeFieldNode, ctx: EdgeRequestContext): string {
  const mediaId = edgeCanonicalId(xmlAttributes(f.value)['mediaid'] ?? '');
  const media = mediaId === undefined ? undefined : ctx.view.source.byId(mediaId);
  const node = media ? ctx.view.node(media, f.owner.language) : undefined;
  return node ? itemUrl(node, ctx).url : '';
}

/** Edge's jsonValue, simplified: `{ value }` with the value typed by field type. */
function jsonValue(f: EdgeFieldNode, ctx: EdgeRequestContext): unknown {
  const attrs = xmlAttributes(f.value);
  switch (f.typeName) {
    case 'CheckboxField': return { value: f.value === '1' };
    case 'NumberField': return { value: f.value === '' ? null : Number(f.value) };
    case 'DateField': return { value: sitecoreDateToIso(f.value) };
    case 'ImageField': return { value: f.value === '' ? {} : { src: mediaSrc(f, ctx), alt: attrs['alt'] ?? '' } };
    case 'LinkField': return { value: { href: attrs['url'] ?? '', linktype: attrs['linktype'] ?? '', text: attrs['text'] ?? '', target: attrs['target'] ?? '' } };
    case 'LookupField': {
      const [target] = targetNodes(ctx.view, f);
      return target ? jsonItemRef(target, ctx) : null;
    }
    case 'MultilistField': return targetNodes(ctx.view, f).map((t) => jsonItemRef(t, ctx));
    default: return { value: f.value };
  }
}

export const fieldResolvers: Record<string, Resolver<EdgeFieldNode>> = {
  id: (f, args) => formatEdgeId(edgeCanonicalId(f.definition?.id ?? '') ?? syntheticFieldId(f.owner.item.templateId, f.name), formatArg.parse(args).format),
  name: (f) => f.name,
  value: (f) => f.value,
  jsonValue: (f, _args, ctx) => jsonValue(f, ctx),
  definition: (f) => f.definition ?? null,
  boolValue: (f) => f.value === '1',
  dateValue: (f) => (f.value === '' ? null : Date.parse(sitecoreDateToIso(f.value))),
  numberValue: (f) => (f.value === '' ? null : Number(f.value)),
  src: (f, _args, ctx) => mediaSrc(f, ctx),
  alt: (f) => xmlAttributes(f.value)['alt'] ?? null,
  width: (f) => optionalInt(xmlAttributes(f.value)['width']),
  height: (f) => optionalInt(xmlAttributes(f.value)['height']),
  url: (f) => xmlAttributes(f.value)['url'] ?? '',
  text: (f) => xmlAttributes(f.value)['text'] ?? null,
  target: (f) => xmlAttributes(f.value)['target'] ?? null,
  linkType: (f) => xmlAttributes(f.value)['linktype'] ?? null,
  targetItem: (f, _args, ctx) => targetNodes(ctx.view, f)[0] ?? null,
  targetItems: (f, _args, ctx) => targetNodes(ctx.view, f),
  count: (f, _args, ctx) => targetNodes(ctx.view, f).length,
};

function optionalInt(value: string | undefined): number | null {
  return value === undefined || !/^\d+$/.test(value) ? null : Number(value);
}

/** A stable made-up field id when the source has no field definition (not a real Sitecore id). */
function syntheticFieldId(templateId: string, name: string): string {
  let h = 0x811c9dc5;
  const hex: string[] = [];
  for (let round = 0; round < 4; round++) {
    for (const ch of `${round}:${templateId}:${name}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    hex.push(h.toString(16).padStart(8, '0'));
  }
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20, 32)}`;
}

export const templateResolvers: Record<string, Resolver<EdgeTemplate>> = {
  id: (t, args) => formatEdgeId(t.id, formatArg.parse(args).format),
  name: (t) => t.name,
  ownFields: (t) => t.ownFields.filter((f) => !f.name.startsWith('__')),
  fields: (t, _args, ctx) => ctx.view.templateIds(t.id)
    .flatMap((id) => ctx.view.source.template(id)?.ownFields ?? [])
    .filter((f) => !f.name.startsWith('__')),
  baseTemplates: (t, _args, ctx) => t.baseTemplateIds
    .map((id) => ctx.view.source.template(id))
    .filter((b): b is EdgeTemplate => b !== undefined),
};

export const templateFieldResolvers: Record<string, Resolver<EdgeTemplateField>> = {
  id: (d, args) => (d.id === undefined ? null : formatEdgeId(edgeCanonicalId(d.id) ?? d.id, formatArg.parse(args).format)),
  name: (d) => d.name,
  section: (d) => d.section ?? 'Data',
  sectionSortOrder: () => 100,
  shared: (d) => d.shared ?? false,
  sortOrder: () => 100,
  source: (d) => d.source ?? '',
  title: (d) => d.name,
  type: (d) => d.type,
  unversioned: (d) => d.unversioned ?? false,
};
