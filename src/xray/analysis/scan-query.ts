import type { ScanStore } from '../../store/scan-store.ts';
import type { ScanRecord, StoredItem, StoredReference } from '../../store/scan-store-types.ts';
import type { SharedPass } from './shared-pass.ts';

/**
 * The read-only view of one stored scan that analyzers get. Whole-scan reads
 * go through the two shared passes; everything else is a bounded lookup.
 * Nothing here writes, and nothing calls the CMS.
 */
export interface ScanQuery {
  readonly scan: ScanRecord;
  /** Every item without fields, in batches (the shared structure pass). Declare the `structure` need. */
  structure(): AsyncIterable<readonly StoredItem[]>;
  /** Every item with its raw fields, in batches (the shared content pass, after the structure pass). Declare `content`. */
  content(): AsyncIterable<readonly StoredItem[]>;
  /** Items by id (all their languages). */
  itemsById(ids: readonly string[]): Promise<StoredItem[]>;
  /** Items by path, case-insensitively. */
  itemsByPath(paths: readonly string[]): Promise<StoredItem[]>;
  /** Number of child items per parent, ordered by parent id (one SQL aggregate, streamed). */
  childCounts(): AsyncIterable<Array<{ parentId: string; children: number }>>;
  /** References the crawl stored (the adapter's crawl-time parse), streamed. */
  storedReferences(): AsyncIterable<StoredReference[]>;
}

export interface ScanQueryPasses {
  structure: SharedPass<readonly StoredItem[]>;
  content: SharedPass<readonly StoredItem[]>;
}

/** Builds the view for one analyzer: `consumer` names it in the shared passes. */
export function createScanQuery(store: ScanStore, scan: ScanRecord, passes: ScanQueryPasses, consumer: string): ScanQuery {
  return {
    scan,
    structure: () => passes.structure.subscribe(consumer),
    content: () => passes.content.subscribe(consumer),
    itemsById: (ids) => store.getItems(scan.id, ids),
    itemsByPath: (paths) => store.getItemsByPath(scan.id, paths),
    childCounts: () => store.iterateChildCounts(scan.id, { batchSize: 5000 }),
    storedReferences: () => store.iterateReferences(scan.id, { batchSize: 5000 }),
  };
}

/** Batch sizes of the shared passes: big enough to amortise a query, small enough to keep memory flat. */
export const STRUCTURE_BATCH = 5000;
export const CONTENT_BATCH = 500;

export function openStructurePass(store: ScanStore, scanId: string): () => AsyncIterator<readonly StoredItem[]> {
  return () => store.iterateItems(scanId, { withoutFields: true, batchSize: STRUCTURE_BATCH });
}

export function openContentPass(store: ScanStore, scanId: string): () => AsyncIterator<readonly StoredItem[]> {
  return () => store.iterateItems(scanId, { batchSize: CONTENT_BATCH });
}
