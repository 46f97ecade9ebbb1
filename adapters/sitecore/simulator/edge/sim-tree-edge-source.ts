import { SITE } from '../generator/catalogue.ts';
import type { SimItem } from '../tree/sim-item.ts';
import type { SimTree } from '../tree/sim-tree.ts';
import type { EdgeContentSource, EdgeSite, EdgeSourceItem, EdgeTemplate, EdgeVersion } from './edge-content-source.ts';

/** Standard fields the Edge view needs internally (layout, publishing); never served as fields. */
const INTERNAL_STANDARD_FIELDS = ['__Renderings', '__Final Renderings', '__Never publish', '__Display name'];

export interface SimTreeEdgeSourceOptions {
  /** Sites for url and layout resolution; default: the generator's site at /sitecore/content/Home. */
  sites?: readonly EdgeSite[];
}

/**
 * The simulator's generated tree seen as an Edge source. Read live on every
 * call, so tests that edit the tree see the change on the next request.
 * Field values are what Sitecore would publish: the item's own value, else
 * the shared value, else the template's standard value.
 */
export function simTreeEdgeSource(tree: SimTree, options: SimTreeEdgeSourceOptions = {}): EdgeContentSource {
  const versionOf = (item: SimItem, language: string): EdgeVersion | undefined => {
    const own = item.langs[language];
    if (!own) return undefined;
    const fields: Record<string, string> = {};
    for (const def of tree.templateFields(item.templateId)) fields[def.name] = tree.fieldValue(item, def.name, language);
    for (const name of [...Object.keys(item.shared), ...Object.keys(own.fields), ...INTERNAL_STANDARD_FIELDS]) {
      fields[name] ??= tree.fieldValue(item, name, language);
    }
    const displayName = fields['__Display name'];
    return { version: own.version, fields, ...(displayName ? { displayName } : {}) };
  };

  const wrap = (item: SimItem): EdgeSourceItem => ({
    id: item.id,
    parentId: item.parentId ?? undefined,
    name: item.name,
    get path() { return tree.pathOf(item); },
    templateId: item.templateId,
    templateName: tree.templates.get(item.templateId)?.name ?? '',
    languages: () => Object.keys(item.langs),
    versionIn: (language) => versionOf(item, language),
  });

  const defaultSites = (): EdgeSite[] => {
    const home = tree.getByPath('/sitecore/content/Home');
    return home ? [{ name: SITE, startPath: tree.pathOf(home), hostName: 'localhost' }] : [];
  };

  return {
    byId: (id) => {
      const item = tree.get(id);
      return item ? wrap(item) : undefined;
    },
    byPath: (path) => {
      const item = tree.getByPath(path);
      return item ? wrap(item) : undefined;
    },
    childrenOf: (id) => {
      const item = tree.get(id);
      return item ? tree.children(item).map(wrap) : [];
    },
    *all() {
      for (const item of tree.items.values()) yield wrap(item);
    },
    template: (id): EdgeTemplate | undefined => {
      const info = tree.templates.get(id);
      if (!info) return undefined;
      return {
        id: info.id, name: info.name, baseTemplateIds: info.baseIds,
        ownFields: info.fields.map((f) => ({ name: f.name, type: f.type, shared: f.shared, unversioned: f.unversioned })),
      };
    },
    sites: () => options.sites ?? defaultSites(),
  };
}
