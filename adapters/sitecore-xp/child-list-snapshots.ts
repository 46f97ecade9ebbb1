import { randomBytes } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { ConduitError, quoted } from '../../src/adapter-kit/index.ts';
import type { SscItem } from './ssc-schemas.ts';

/** Items kept across all snapshots: one 20,000-child folder fits; a bigger one is re-fetched per page as before. */
export const SNAPSHOT_MAX_ITEMS = 20_000;
/** A paging session idle this long loses its snapshot (the next page then re-fetches the list). */
export const SNAPSHOT_IDLE_MS = 5 * 60_000;

/** A listing cursor: the offset of the next page and, past page one, the snapshot it continues. */
export interface ListCursor { offset: number; snapshot?: string }

export function encodeListCursor(cursor: ListCursor): string {
  return `o${cursor.offset}${cursor.snapshot ? `.${cursor.snapshot}` : ''}`;
}

export function decodeListCursor(cursor: string | undefined): ListCursor {
  if (cursor === undefined || cursor === '') return { offset: 0 };
  const m = /^o(\d{1,9})(?:\.([0-9a-f]{16}))?$/.exec(cursor);
  if (!m) {
    throw new ConduitError('TOOL_CURSOR_INVALID', `The cursor ${quoted(cursor)} does not belong to this listing.`, {
      hint: 'Pass back the nextCursor of the previous page unchanged, or omit the cursor to start again.',
    });
  }
  return { offset: Number.parseInt(m[1] ?? '0', 10), ...(m[2] ? { snapshot: m[2] } : {}) };
}

/**
 * A parent's whole child list, kept from the first page of a listing for the
 * pages after it. SSC returns all of a parent's children in one answer and
 * cannot page them, so without this every page of a folder with N children
 * fetched all N again. Not a read cache (those live in the content service):
 * a fresh listing always fetches, and a paging session reads one consistent
 * list, so a folder that changes meanwhile neither skips nor repeats items.
 */
export class ChildListSnapshots {
  private readonly lists = new LRUCache<string, { key: string; children: SscItem[] }>({
    maxSize: SNAPSHOT_MAX_ITEMS, sizeCalculation: (s) => Math.max(1, s.children.length), ttl: SNAPSHOT_IDLE_MS, updateAgeOnGet: true,
  });

  /** The list a cursor's snapshot holds, when it is still kept and was taken for the same listing (`key`). */
  take(snapshot: string | undefined, key: string): SscItem[] | undefined {
    const kept = snapshot === undefined ? undefined : this.lists.get(snapshot);
    return kept?.key === key ? kept.children : undefined;
  }

  /** Keeps the list for the next page and names it (the same name when it already was kept). */
  keep(key: string, children: SscItem[], snapshot: string | undefined): string {
    const name = snapshot !== undefined && this.lists.get(snapshot)?.key === key ? snapshot : randomBytes(8).toString('hex');
    this.lists.set(name, { key, children });
    return name;
  }

  /** The last page was read: nothing will ask for this snapshot again. */
  release(snapshot: string | undefined): void {
    if (snapshot !== undefined) this.lists.delete(snapshot);
  }
}
