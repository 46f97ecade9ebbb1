/**
 * What the Edge surface reads: a published view of a Sitecore tree. The Edge
 * handler only depends on this interface, so it can serve the simulator's
 * generated tree (see sim-tree-edge-source.ts) or a small hand-written tree in
 * tests (createMemoryEdgeSource). All ids are canonical lower-case dashed GUIDs.
 */
export interface EdgeVersion {
  version: number;
  displayName?: string;
  /** Raw field values by field name, standard `__` fields included (the Edge surface hides them). */
  fields: Readonly<Record<string, string>>;
}

export interface EdgeSourceItem {
  id: string;
  parentId: string | undefined;
  name: string;
  path: string;
  templateId: string;
  templateName: string;
  /** Languages the item has a version in. */
  languages(): readonly string[];
  /** The latest version in a language, or undefined when there is none. */
  versionIn(language: string): EdgeVersion | undefined;
}

export interface EdgeTemplateField {
  id?: string;
  name: string;
  /** Sitecore field type, e.g. "Single-Line Text", "Rich Text", "Image", "Droplink". */
  type: string;
  section?: string;
  shared?: boolean;
  unversioned?: boolean;
  source?: string;
}

export interface EdgeTemplate {
  id: string;
  name: string;
  baseTemplateIds: readonly string[];
  ownFields: readonly EdgeTemplateField[];
}

export interface EdgeSite {
  name: string;
  /** Path of the site's start item; url paths are relative to it. */
  startPath: string;
  hostName: string;
}

export interface EdgeContentSource {
  byId(id: string): EdgeSourceItem | undefined;
  /** Case-insensitive, like Sitecore paths. */
  byPath(path: string): EdgeSourceItem | undefined;
  /** Children in their sort order. */
  childrenOf(id: string): readonly EdgeSourceItem[];
  all(): Iterable<EdgeSourceItem>;
  template(id: string): EdgeTemplate | undefined;
  sites(): readonly EdgeSite[];
}

/** A plain record for createMemoryEdgeSource; `versions` defaults to one "en" version 1 holding `fields`. */
export interface EdgeItemRecord {
  id: string;
  parentId?: string;
  name: string;
  templateId: string;
  templateName: string;
  displayName?: string;
  fields?: Record<string, string>;
  versions?: Record<string, EdgeVersion>;
}

export interface MemoryEdgeSourceInput {
  items: readonly EdgeItemRecord[];
  templates?: readonly EdgeTemplate[];
  sites?: readonly EdgeSite[];
}

/** An in-memory source over plain records (parents before children); ids must be canonical. */
export function createMemoryEdgeSource(input: MemoryEdgeSourceInput): EdgeContentSource {
  const byId = new Map<string, EdgeSourceItem>();
  const byPath = new Map<string, EdgeSourceItem>();
  const children = new Map<string, EdgeSourceItem[]>();
  for (const record of input.items) {
    const parent = record.parentId === undefined ? undefined : byId.get(record.parentId);
    const path = parent ? `${parent.path}/${record.name}` : `/${record.name}`;
    const versions = record.versions ?? { en: { version: 1, displayName: record.displayName, fields: record.fields ?? {} } };
    const item: EdgeSourceItem = {
      id: record.id, parentId: record.parentId, name: record.name, path,
      templateId: record.templateId, templateName: record.templateName,
      languages: () => Object.keys(versions),
      versionIn: (language) => versions[language],
    };
    byId.set(item.id, item);
    byPath.set(path.toLowerCase(), item);
    if (record.parentId !== undefined) {
      const list = children.get(record.parentId) ?? [];
      list.push(item);
      children.set(record.parentId, list);
    }
  }
  const templates = new Map((input.templates ?? []).map((t) => [t.id, t]));
  return {
    byId: (id) => byId.get(id),
    byPath: (path) => byPath.get(path.replace(/\/+$/, '').toLowerCase()),
    childrenOf: (id) => children.get(id) ?? [],
    all: () => byId.values(),
    template: (id) => templates.get(id),
    sites: () => input.sites ?? [],
  };
}
