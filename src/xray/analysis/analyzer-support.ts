import type { XrayModel } from '../../adapter-kit/index.ts';
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

/** Whether some proper ancestor path of `lowerPath` is in `folders` (lower-cased paths). */
export function belowAny(lowerPath: string, folders: ReadonlySet<string>): boolean {
  if (folders.size === 0) return false;
  for (let i = lowerPath.lastIndexOf('/'); i > 0; i = lowerPath.lastIndexOf('/', i - 1)) {
    if (folders.has(lowerPath.slice(0, i))) return true;
  }
  return false;
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
