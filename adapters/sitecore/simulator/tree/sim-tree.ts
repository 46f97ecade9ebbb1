import { normalizeGuid } from '../../shared/guid.ts';
import type { SimItem, SimVersion, TemplateFieldDef, TemplateInfo } from './sim-item.ts';
import { isSharedStandardField, isStandardFieldName } from './standard-fields.ts';

/**
 * Fields Sitecore stamps on each item itself: they never come from standard
 * values (an item without a version in a language reads them as "").
 */
const NO_STANDARD_VALUE = new Set(['__Created', '__Created by', '__Updated', '__Updated by', '__Revision', '__Owner', '__Sortorder',
  '__Security', '__Workflow', '__Workflow state', '__Lock', '__Display name', '__Standard values', '__Base template']);

export interface NewItem {
  id: string;
  name: string;
  parentId: string;
  templateId: string;
  shared?: Record<string, string>;
  langs?: Record<string, SimVersion>;
  readable?: boolean;
}

/**
 * The generated Sitecore instance: items by id, parent/child links, and the
 * template registry that decides which fields an item has. Mutable, so tests
 * can edit it and the SSC surface can create, patch and delete.
 */
export class SimTree {
  readonly items = new Map<string, SimItem>();
  readonly templates = new Map<string, TemplateInfo>();
  readonly rootId: string;
  private pathIndex: Map<string, string> | undefined;
  private readonly fieldCache = new Map<string, TemplateFieldDef[]>();

  constructor(root: { id: string; name: string; templateId: string }) {
    this.rootId = root.id;
    this.items.set(root.id, { ...root, parentId: null, childIds: [], shared: {}, langs: {}, readable: true });
  }

  get size(): number {
    return this.items.size;
  }

  /** Looks an item up by any GUID spelling. */
  get(idInAnySpelling: string): SimItem | undefined {
    const id = normalizeGuid(idInAnySpelling);
    return id === null ? undefined : this.items.get(id);
  }

  /** Case-insensitive path lookup, as Sitecore's `Database.GetItem(path)`. */
  getByPath(path: string): SimItem | undefined {
    this.pathIndex ??= this.buildPathIndex();
    const key = path.trim().replace(/\/+$/, '').toLowerCase();
    const id = this.pathIndex.get(key.startsWith('/') ? key : `/${key}`);
    return id === undefined ? undefined : this.items.get(id);
  }

  pathOf(item: SimItem): string {
    const names: string[] = [];
    for (let cur: SimItem | undefined = item; cur; cur = cur.parentId === null ? undefined : this.items.get(cur.parentId)) {
      names.push(cur.name);
    }
    return `/${names.reverse().join('/')}`;
  }

  /** Ancestors from the root down to the parent. */
  ancestorsOf(item: SimItem): SimItem[] {
    const out: SimItem[] = [];
    for (let id = item.parentId; id !== null;) {
      const parent = this.items.get(id);
      if (!parent) break;
      out.push(parent);
      id = parent.parentId;
    }
    return out.reverse();
  }

  children(item: SimItem, onlyReadable = false): SimItem[] {
    const out: SimItem[] = [];
    for (const id of item.childIds) {
      const child = this.items.get(id);
      if (child && (!onlyReadable || child.readable)) out.push(child);
    }
    return out;
  }

  add(spec: NewItem): SimItem {
    const parent = this.items.get(spec.parentId);
    if (!parent) throw new Error(`parent ${spec.parentId} of ${spec.name} does not exist`);
    if (this.items.has(spec.id)) throw new Error(`item ${spec.id} already exists`);
    const item: SimItem = {
      id: spec.id, name: spec.name, parentId: spec.parentId, templateId: spec.templateId, childIds: [],
      shared: spec.shared ?? {}, langs: spec.langs ?? {}, readable: spec.readable ?? true,
    };
    this.items.set(item.id, item);
    parent.childIds.push(item.id);
    this.pathIndex = undefined;
    return item;
  }

  /** Removes an item and its descendants; returns how many items were removed. */
  remove(item: SimItem): number {
    let removed = 0;
    const stack = [item.id];
    while (stack.length > 0) {
      const id = stack.pop() ?? '';
      const cur = this.items.get(id);
      if (!cur) continue;
      stack.push(...cur.childIds);
      this.items.delete(id);
      removed++;
    }
    const parent = item.parentId === null ? undefined : this.items.get(item.parentId);
    if (parent) parent.childIds = parent.childIds.filter((c) => c !== item.id);
    this.pathIndex = undefined;
    return removed;
  }

  rename(item: SimItem, name: string): void {
    item.name = name;
    this.pathIndex = undefined;
  }

  /** Registers (or replaces) a template definition. */
  defineTemplate(info: TemplateInfo): void {
    this.templates.set(info.id, info);
    this.fieldCache.clear();
  }

  /** All fields of a template, own first then inherited, each name once; cycles in `__Base template` are cut. */
  templateFields(templateId: string): TemplateFieldDef[] {
    const cached = this.fieldCache.get(templateId);
    if (cached) return cached;
    const seen = new Set<string>();
    const names = new Set<string>();
    const out: TemplateFieldDef[] = [];
    const visit = (id: string): void => {
      if (seen.has(id)) return;
      seen.add(id);
      const info = this.templates.get(id);
      if (!info) return;
      for (const f of info.fields) if (!names.has(f.name)) { names.add(f.name); out.push(f); }
      for (const base of info.baseIds) visit(base);
    };
    visit(templateId);
    this.fieldCache.set(templateId, out);
    return out;
  }

  /** Whether `name` is stored shared (once for all languages) on items of this template. */
  isSharedField(templateId: string, name: string): boolean {
    if (isStandardFieldName(name) && isSharedStandardField(name)) return true;
    const def = this.templateFields(templateId).find((f) => f.name === name);
    return def !== undefined && (def.shared || def.unversioned);
  }

  /** Whether items of this template can hold `name` (standard fields always). */
  hasField(templateId: string, name: string): boolean {
    return isStandardFieldName(name) || this.templateFields(templateId).some((f) => f.name === name);
  }

  /**
   * The raw value Sitecore returns for a field: the item's own value in the
   * language, else its shared value, else the template's standard value, else "".
   */
  fieldValue(item: SimItem, name: string, language: string): string {
    const own = item.langs[language]?.fields[name] ?? item.shared[name];
    if (own !== undefined) return own;
    if (NO_STANDARD_VALUE.has(name)) return '';
    const svId = this.templates.get(item.templateId)?.standardValuesId;
    if (svId === undefined || svId === item.id) return '';
    const sv = this.items.get(svId);
    return sv ? (sv.langs[language]?.fields[name] ?? sv.shared[name] ?? '') : '';
  }

  /** Writes a field where Sitecore would store it; creates version 1 in the language when needed. */
  setField(item: SimItem, name: string, value: string, language: string): void {
    if (this.isSharedField(item.templateId, name)) {
      item.shared[name] = value;
      return;
    }
    const version = (item.langs[language] ??= { version: 1, fields: {} });
    version.fields[name] = value;
  }

  private buildPathIndex(): Map<string, string> {
    const index = new Map<string, string>();
    const root = this.items.get(this.rootId);
    if (!root) return index;
    const stack: Array<[SimItem, string]> = [[root, `/${root.name.toLowerCase()}`]];
    while (stack.length > 0) {
      const [item, path] = stack.pop() ?? [root, ''];
      if (!index.has(path)) index.set(path, item.id);
      // Reverse push so the first sibling is indexed first: with duplicate names Sitecore resolves the first.
      const kids = this.children(item);
      for (let i = kids.length - 1; i >= 0; i--) {
        const child = kids[i];
        if (child) stack.push([child, `${path}/${child.name.toLowerCase()}`]);
      }
    }
    return index;
  }
}
