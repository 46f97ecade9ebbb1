import type { EdgeContentSource, EdgeSite, EdgeSourceItem, EdgeVersion } from './edge-content-source.ts';
import { edgeCanonicalId } from './edge-ids.ts';

/** One item in one language, as Edge serves it (the source object resolvers receive). */
export interface EdgeItemNode {
  kind: 'item';
  item: EdgeSourceItem;
  language: string;
  version: EdgeVersion;
}

export interface ChildFilter {
  hasLayout?: boolean | null;
  includeTemplateIDs?: readonly (string | null)[] | null;
}

/** Roots Edge publishes. Templates, layout and system items are not items on Edge. */
const PUBLISHED_ROOTS = ['/sitecore/content', '/sitecore/media library'];

/**
 * The published, per-language view of a source tree: what Experience Edge
 * would hold after a publish. Standard fields never leave this module except
 * through `rawFields`, which the layout builder uses.
 */
export interface EdgePublishedView {
  source: EdgeContentSource;
  node(item: EdgeSourceItem, language: string): EdgeItemNode | undefined;
  /** `item(path:)` accepts a path or an ID in any GUID spelling. */
  resolve(pathOrId: string, language: string): EdgeItemNode | undefined;
  children(node: EdgeItemNode, filter?: ChildFilter): EdgeItemNode[];
  parent(node: EdgeItemNode): EdgeItemNode | undefined;
  /** Ancestors from the parent up to the root. */
  ancestors(node: EdgeItemNode): EdgeItemNode[];
  /** The template and all its base templates (canonical ids). */
  templateIds(templateId: string): string[];
  hasLayout(node: EdgeItemNode): boolean;
  siteOf(node: EdgeItemNode): EdgeSite | undefined;
  /** Every published (item, language) pair, in path order. */
  allNodes(): EdgeItemNode[];
}

export function createPublishedView(source: EdgeContentSource): EdgePublishedView {
  const isUnderPublishedRoot = (path: string): boolean => {
    const lower = path.toLowerCase();
    return PUBLISHED_ROOTS.some((root) => lower === root || lower.startsWith(`${root}/`));
  };

  // The view lives for one request: memoise versions and publish state, the tree does not change under it.
  const versions = new Map<string, EdgeVersion | undefined>();
  const versionOf = (item: EdgeSourceItem, language: string): EdgeVersion | undefined => {
    const key = `${item.id}|${language}`;
    if (!versions.has(key)) versions.set(key, item.versionIn(language));
    return versions.get(key);
  };
  const neverPublished = new Map<string, boolean>();
  const isNeverPublished = (item: EdgeSourceItem): boolean => {
    let value = neverPublished.get(item.id);
    if (value === undefined) {
      // "__Never publish" is shared; any language version carries it.
      const [language] = item.languages();
      value = language !== undefined && versionOf(item, language)?.fields['__Never publish'] === '1';
      neverPublished.set(item.id, value);
    }
    return value;
  };

  const isPublished = (item: EdgeSourceItem): boolean => {
    if (!isUnderPublishedRoot(item.path)) return false;
    for (let current: EdgeSourceItem | undefined = item; current && isUnderPublishedRoot(current.path);
      current = current.parentId === undefined ? undefined : source.byId(current.parentId)) {
      if (isNeverPublished(current)) return false;
    }
    return true;
  };

  const node = (item: EdgeSourceItem, language: string): EdgeItemNode | undefined => {
    const version = versionOf(item, language);
    if (!version || !isPublished(item)) return undefined;
    return { kind: 'item', item, language, version };
  };

  const templateIds = (templateId: string): string[] => {
    const seen = new Set<string>();
    const walk = (id: string): void => {
      if (seen.has(id)) return;
      seen.add(id);
      for (const base of source.template(id)?.baseTemplateIds ?? []) walk(base);
    };
    walk(templateId);
    return [...seen];
  };

  const hasLayout = (n: EdgeItemNode): boolean =>
    (n.version.fields['__Renderings'] ?? '') !== '' || (n.version.fields['__Final Renderings'] ?? '') !== '';

  const view: EdgePublishedView = {
    source,
    node,
    resolve(pathOrId, language) {
      const id = edgeCanonicalId(pathOrId);
      const item = id === undefined ? source.byPath(pathOrId) : source.byId(id);
      return item ? node(item, language) : undefined;
    },
    children(n, filter) {
      const wanted = (filter?.includeTemplateIDs ?? [])
        .map((t) => (t === null ? undefined : edgeCanonicalId(t)))
        .filter((t): t is string => t !== undefined);
      return source.childrenOf(n.item.id)
        .map((child) => node(child, n.language))
        .filter((c): c is EdgeItemNode => c !== undefined)
        .filter((c) => !filter?.hasLayout || hasLayout(c))
        .filter((c) => wanted.length === 0 || wanted.includes(c.item.templateId));
    },
    parent(n) {
      const parent = n.item.parentId === undefined ? undefined : source.byId(n.item.parentId);
      return parent ? node(parent, n.language) : undefined;
    },
    ancestors(n) {
      const out: EdgeItemNode[] = [];
      for (let p = view.parent(n); p; p = view.parent(p)) out.push(p);
      return out;
    },
    templateIds,
    hasLayout,
    siteOf(n) {
      const lower = n.item.path.toLowerCase();
      const sites = [...source.sites()].sort((a, b) => b.startPath.length - a.startPath.length);
      return sites.find((s) => {
        const start = s.startPath.toLowerCase();
        return lower === start || lower.startsWith(`${start}/`);
      });
    },
    allNodes() {
      const out: EdgeItemNode[] = [];
      for (const item of source.all()) {
        for (const language of item.languages()) {
          const n = node(item, language);
          if (n) out.push(n);
        }
      }
      return out.sort((a, b) => a.item.path.localeCompare(b.item.path) || a.language.localeCompare(b.language));
    },
  };
  return view;
}
