import type { Row, SqlValue } from './db-port.ts';
import { bool, int, intOrNull, json, text, textOrNull } from './row.ts';
import type { IterateItemsOptions, IterateOptions, ScanCounts, StoredItem, StoredReference } from './scan-store-types.ts';
import { chunks, fieldsSchema, paramList, type StoreContext } from './store-context.ts';

/**
 * Read side for analyzers and reports. Everything that can be large streams
 * in batches by keyset pagination (one bounded query per batch, no open
 * cursor or transaction between batches), so memory stays flat at 1M items.
 */
export interface ItemReads {
  iterateItems(scanId: string, options?: IterateItemsOptions): AsyncGenerator<StoredItem[]>;
  /** Items by id (all languages). */
  getItems(scanId: string, ids: readonly string[]): Promise<StoredItem[]>;
  /** Items by path, compared case-insensitively (as Sitecore does). */
  getItemsByPath(scanId: string, paths: readonly string[]): Promise<StoredItem[]>;
  iterateReferences(scanId: string, options?: IterateOptions): AsyncGenerator<StoredReference[]>;
  /** References whose target is not among the scan's items (by id, or by path for path-only references). */
  iterateDanglingReferences(scanId: string, options?: IterateOptions): AsyncGenerator<StoredReference[]>;
  /** Number of distinct child items per parent id, ordered by parent id. */
  iterateChildCounts(scanId: string, options?: IterateOptions): AsyncGenerator<{ parentId: string; children: number }[]>;
  /** Row counts of the scan's items, references and findings. */
  rowCounts(scanId: string): Promise<Omit<ScanCounts, 'tasks'>>;
}

const ITEM_COLS = 'item_id, language, version, parent_id, path, name, template_id, template_name, created_at, updated_at, depth, has_children';
const REF_COLS = 'r.source_id, r.source_language, r.field, r.kind, r.target_id, r.target_path';
const REF_ORDER = 'ORDER BY r.source_id, r.source_language, r.field, r.kind, r.target_id, r.target_path';

export function itemFromRow(r: Row): StoredItem {
  return {
    id: text(r, 'item_id'),
    language: text(r, 'language'),
    version: intOrNull(r, 'version'),
    parentId: textOrNull(r, 'parent_id'),
    path: text(r, 'path'),
    name: text(r, 'name'),
    templateId: textOrNull(r, 'template_id'),
    templateName: textOrNull(r, 'template_name'),
    createdAt: intOrNull(r, 'created_at'),
    updatedAt: intOrNull(r, 'updated_at'),
    depth: int(r, 'depth'),
    hasChildren: bool(r, 'has_children'),
    fields: r['fields'] === undefined ? {} : stringRecord(json(r, 'fields')),
  };
}

/**
 * The fields JSON as a record of strings. A plain loop, not a zod record: the
 * analysis reads a million of these, and the check costs ten times less.
 */
function stringRecord(value: unknown): Record<string, string> {
  if (!isStringRecord(value)) return fieldsSchema.parse(value);
  return value;
}

function isStringRecord(value: unknown): value is Record<string, string> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  for (const v of Object.values(value)) if (typeof v !== 'string') return false;
  return true;
}

function refFromRow(r: Row): StoredReference {
  return {
    sourceId: text(r, 'source_id'),
    sourceLanguage: text(r, 'source_language'),
    field: text(r, 'field'),
    kind: text(r, 'kind'),
    targetId: text(r, 'target_id'),
    targetPath: text(r, 'target_path'),
  };
}

function batchSize(options: IterateOptions | undefined): number {
  return Math.min(Math.max(options?.batchSize ?? 500, 1), 10_000);
}

export function createItemReads(ctx: StoreContext): ItemReads {
  const { db } = ctx;

  /** Runs `page(after)` until a short batch; `after` is the last row of the previous batch. */
  async function* keyset<T>(size: number, page: (after: Row | undefined) => Promise<Row[]>, map: (r: Row) => T): AsyncGenerator<T[]> {
    let after: Row | undefined;
    for (;;) {
      const rows = await page(after);
      if (rows.length > 0) yield rows.map(map);
      if (rows.length < size) return;
      after = rows[rows.length - 1];
    }
  }

  function referencePages(scanId: string, options: IterateOptions | undefined, filter: string) {
    const size = batchSize(options);
    return keyset(size, async (after) => {
      const params: SqlValue[] = [scanId, size];
      let where = '';
      if (after) {
        params.push(...['source_id', 'source_language', 'field', 'kind', 'target_id', 'target_path'].map((c) => text(after, c)));
        where = 'AND (r.source_id, r.source_language, r.field, r.kind, r.target_id, r.target_path) > ($3, $4, $5, $6, $7, $8)';
      }
      const { rows } = await db.query(`SELECT ${REF_COLS} FROM item_references r WHERE r.scan_id = $1 ${filter} ${where} ${REF_ORDER} LIMIT $2`, params);
      return rows;
    }, refFromRow);
  }

  return {
    iterateItems(scanId, options = {}) {
      const size = batchSize(options);
      const cols = options.withoutFields === true ? ITEM_COLS : `${ITEM_COLS}, fields`;
      return keyset(size, async (after) => {
        const params: SqlValue[] = [scanId, size];
        const where = ['scan_id = $1'];
        const add = (sql: (n: number) => string, value: SqlValue) => { params.push(value); where.push(sql(params.length)); };
        if (options.language !== undefined) add((n) => `language = $${n}`, options.language);
        if (options.templateId !== undefined) add((n) => `template_id = $${n}`, options.templateId);
        if (after) {
          params.push(text(after, 'item_id'), text(after, 'language'));
          const k = params.length - 1;
          where.push(`item_id >= $${k} AND (item_id > $${k} OR language > $${k + 1})`);
        }
        const { rows } = await db.query(`SELECT ${cols} FROM items WHERE ${where.join(' AND ')} ORDER BY item_id, language LIMIT $2`, params);
        return rows;
      }, itemFromRow);
    },

    async getItems(scanId, ids) {
      const out: StoredItem[] = [];
      for (const batch of chunks([...new Set(ids)], 500)) {
        const { rows } = await db.query(`SELECT ${ITEM_COLS}, fields FROM items WHERE scan_id = $1 AND item_id IN (${paramList(batch.length, 2)}) ORDER BY item_id, language`, [scanId, ...batch]);
        out.push(...rows.map(itemFromRow));
      }
      return out;
    },

    async getItemsByPath(scanId, paths) {
      const out: StoredItem[] = [];
      for (const batch of chunks([...new Set(paths)], 500)) {
        const list = batch.map((_, i) => `lower($${i + 2})`).join(', ');
        // No ORDER BY here: with one, SQLite walks the primary key over the whole scan instead of the path index.
        const { rows } = await db.query(`SELECT ${ITEM_COLS}, fields FROM items WHERE scan_id = $1 AND lower(path) IN (${list})`, [scanId, ...batch]);
        out.push(...rows.map(itemFromRow));
      }
      return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.language < b.language ? -1 : a.language > b.language ? 1 : 0));
    },

    iterateReferences: (scanId, options) => referencePages(scanId, options, ''),

    iterateDanglingReferences: (scanId, options) => referencePages(scanId, options, `AND (
      (r.target_id <> '' AND NOT EXISTS (SELECT 1 FROM items i WHERE i.scan_id = r.scan_id AND i.item_id = r.target_id))
      OR (r.target_id = '' AND NOT EXISTS (SELECT 1 FROM items i WHERE i.scan_id = r.scan_id AND lower(i.path) = lower(r.target_path))))`),

    iterateChildCounts(scanId, options) {
      const size = batchSize(options);
      return keyset(size, async (after) => {
        const params: SqlValue[] = [scanId, size];
        if (after) params.push(text(after, 'parent_id'));
        const { rows } = await db.query(
          `SELECT parent_id, COUNT(DISTINCT item_id) AS children FROM items WHERE scan_id = $1 AND parent_id IS NOT NULL
           ${after ? 'AND parent_id > $3' : ''} GROUP BY parent_id ORDER BY parent_id LIMIT $2`,
          params,
        );
        return rows;
      }, (r) => ({ parentId: text(r, 'parent_id'), children: int(r, 'children') }));
    },

    async rowCounts(scanId) {
      const count = async (table: string) => int((await db.query(`SELECT COUNT(*) AS n FROM ${table} WHERE scan_id = $1`, [scanId])).rows[0] ?? { n: 0 }, 'n');
      return { items: await count('items'), references: await count('item_references'), findings: await count('findings') };
    },
  };
}
