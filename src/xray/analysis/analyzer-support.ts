import type { ItemRole, XrayModel } from '../../adapter-kit/index.ts';
import { ConduitError } from '../../core/conduit-error.ts';
import type { StoredItem } from '../../store/scan-store-types.ts';
import type { AnalyzerContext } from './analyzer-types.ts';
import type { ScanQuery } from './scan-query.ts';

/** Helpers shared by the analyzers: none of them knows a CMS. */

export function requireModel(ctx: Pick<AnalyzerContext<unknown>, 'model'>, analyzer: string): XrayModel {
  if (ctx.model === null) throw new ConduitError('INTERNAL', `Analyzer ${analyzer} ran without the adapter profile it declared it needs.`);
  return ctx.model;
}

/** Rows of a batch, one per item: language versions of one item are adjacent (ordered by id, language). */
export function* distinctItems(batch: readonly StoredItem[], last: { id: string | undefined }): Generator<StoredItem> {
  for (const item of batch) {
    if (item.id === last.id) continue;
    last.id = item.id;
    yield item;
  }
}

/**
 * A set of folder paths (lower-cased) that answers "is this path below one of
 * them?" cheaply: a substring test on the folders' names first, the exact
 * ancestor walk only for paths that pass it.
 */
export class FolderSet {
  private readonly paths = new Set<string>();
  private readonly names = new Set<string>();

  add(path: string): void {
    const lower = path.toLowerCase();
    this.paths.add(lower);
    this.names.add(`/${lower.slice(lower.lastIndexOf('/') + 1)}/`);
  }

  get size(): number {
    return this.paths.size;
  }

  /** Whether a proper ancestor of `path` is in the set. */
  contains(path: string): boolean {
    if (this.paths.size === 0) return false;
    const lower = path.toLowerCase();
    let candidate = false;
    for (const name of this.names) if (lower.includes(name)) { candidate = true; break; }
    if (!candidate) return false;
    for (let i = lower.lastIndexOf('/'); i > 0; i = lower.lastIndexOf('/', i - 1)) {
      if (this.paths.has(lower.slice(0, i))) return true;
    }
    return false;
  }
}

/**
 * Resolves paths to item ids through the store, caching each answer: a path
 * datasource on a template's standard values appears on thousands of pages
 * but is looked up once.
 */
export class PathResolver {
  private readonly known = new Map<string, string | null>();
  private readonly lookup: ScanQuery['itemsByPath'];

  constructor(lookup: ScanQuery['itemsByPath']) {
    this.lookup = lookup;
  }

  /** Looks up every path not yet known; afterwards `idOf` answers for all of them. */
  async load(paths: Iterable<string>): Promise<void> {
    const missing = [...new Set([...paths].map(pathKey))].filter((p) => !this.known.has(p));
    for (let i = 0; i < missing.length; i += 500) {
      const chunk = missing.slice(i, i + 500);
      for (const p of chunk) this.known.set(p, null);
      for (const item of await this.lookup(chunk)) this.known.set(pathKey(item.path), item.id);
    }
  }

  /** The id at `path`, null when no scanned item has it, undefined when not loaded. */
  idOf(path: string): string | null | undefined {
    return this.known.get(pathKey(path));
  }
}

/** Paths compare case-insensitively and without a trailing slash, as Sitecore resolves them. */
export function pathKey(path: string): string {
  return path.trim().replace(/(.)\/+$/, '$1').toLowerCase();
}

export const DAY_MS = 86_400_000;

/** A folder of content or of media. */
export function isFolderRole(role: ItemRole): boolean {
  return role === 'container' || role === 'media-container';
}

/**
 * A small set of recently seen ids, forgotten wholesale when full. Pages
 * repeat the same targets (their template's layout, header and footer
 * datasources), so most lookups of a million references hit here before
 * reaching a big id set.
 */
export class RecentIds {
  private readonly seen = new Set<string>();
  private readonly limit: number;

  constructor(limit = 4096) {
    this.limit = limit;
  }

  has(id: string): boolean {
    return this.seen.has(id);
  }

  add(id: string): void {
    if (this.seen.size >= this.limit) this.seen.clear();
    this.seen.add(id);
  }
}
