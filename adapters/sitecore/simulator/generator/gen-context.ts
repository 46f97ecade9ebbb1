import { formatSitecoreDate } from '../../shared/sitecore-date.ts';
import type { SimItem, SimVersion } from '../tree/sim-item.ts';
import type { SimTree } from '../tree/sim-tree.ts';
import type { GroundTruthBuilder } from './ground-truth.ts';
import type { Prng } from './prng.ts';

export const DAY_MS = 86_400_000;
export const ADMIN = 'sitecore\\admin';

/** A content page the generator may link to or hang children under. */
export interface PageRecord {
  item: SimItem;
  /** Depth below /sitecore/content (Home = 1). */
  depth: number;
  path: string;
  /** Template key of pages created below it (inherited from the section). */
  childTemplate: string;
  /** Children it may still take before it is full. */
  cap: number;
}

export interface GenContext {
  rng: Prng;
  tree: SimTree;
  /** The generator's clock (epoch ms): every date is relative to it. */
  now: number;
  truth: GroundTruthBuilder;
  /** Template key → id; rendering key → id; plus named items (layouts, folders, styles…). */
  ids: Map<string, string>;
  pages: PageRecord[];
  /** Baseline image and document media ids, in creation order (each gets referenced by some page). */
  media: string[];
  documents: string[];
  /** Cursors that hand out media and promos round-robin, so each is referenced at least once. */
  cursors: { image: number; document: number; promo: number; datasource: number };
  referenced: Set<string>;
  /** Global promo datasources (each gets referenced by some page). */
  globalPromos: string[];
  tags: string[];
  authors: string[];
  styles: string[];
  /** Lower-cased child names per parent id, so unique names cost O(1). */
  childNames: Map<string, Set<string>>;
}

export function idOf(ctx: GenContext, key: string): string {
  const id = ctx.ids.get(key);
  if (id === undefined) throw new Error(`generator has no id for "${key}"`);
  return id;
}

export interface AddOptions {
  id?: string;
  shared?: Record<string, string>;
  /** en version fields (merged over the standard ones). */
  en?: Record<string, string>;
  /** de-DE version fields; omit for an en-only item. */
  de?: Record<string, string>;
  /** Drop the en version (the item exists only in de-DE). */
  noEn?: boolean;
  /** Content items get recent dates; system items old ones. */
  content?: boolean;
  /** Override `__Updated` (epoch ms) of every version. */
  updatedAt?: number;
  readable?: boolean;
}

function stamp(ctx: GenContext, content: boolean, updatedAt: number | undefined): Record<string, string> {
  const r = ctx.rng;
  const updated = updatedAt ?? (content
    ? ctx.now - r.int(1, 300) * DAY_MS - r.int(0, 86_399) * 1000
    : ctx.now - r.int(700, 2500) * DAY_MS - r.int(0, 86_399) * 1000);
  const created = Math.min(updated, ctx.now - DAY_MS) - r.int(0, 400) * DAY_MS;
  return {
    '__Created': formatSitecoreDate(created), '__Created by': ADMIN,
    '__Updated': formatSitecoreDate(updated), '__Updated by': ADMIN,
    '__Revision': r.guid(), '__Owner': ADMIN,
  };
}

/** Adds an item with the standard fields a real Sitecore stamps on it. */
export function addItem(ctx: GenContext, parent: SimItem, name: string, templateId: string, opts: AddOptions = {}): SimItem {
  const content = opts.content ?? false;
  const langs: Record<string, SimVersion> = {};
  if (!opts.noEn) {
    langs['en'] = { version: ctx.rng.int(1, 3), fields: Object.assign(stamp(ctx, content, opts.updatedAt), opts.en) };
  }
  if (opts.de) langs['de-DE'] = { version: 1, fields: Object.assign(stamp(ctx, content, opts.updatedAt), opts.de) };
  const shared = Object.assign({ '__Sortorder': String((parent.childIds.length + 1) * 100) }, opts.shared);
  const item = ctx.tree.add({
    id: opts.id ?? ctx.rng.guid(), name, parentId: parent.id, templateId, shared, langs, readable: opts.readable ?? true,
  });
  let names = ctx.childNames.get(parent.id);
  if (!names) ctx.childNames.set(parent.id, (names = new Set()));
  names.add(name.toLowerCase());
  return item;
}

export function hasChildNamed(ctx: GenContext, parent: SimItem, name: string): boolean {
  return ctx.childNames.get(parent.id)?.has(name.toLowerCase()) ?? false;
}

/** A name not yet used (case-insensitively) by a child of `parent`: "Name", "Name 2", "Name 3"… */
export function uniqueChildName(ctx: GenContext, parent: SimItem, base: string): string {
  const taken = ctx.childNames.get(parent.id) ?? new Set<string>();
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base} ${n}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

export function mustGet(ctx: GenContext, id: string): SimItem {
  const item = ctx.tree.items.get(id);
  if (!item) throw new Error(`generator lost item ${id}`);
  return item;
}
