import type { CrawlTask, XrayItem } from '../adapter-kit/xray-source-types.ts';
import { ConduitError } from '../core/conduit-error.ts';
import type { Queryable, SqlValue } from './db-port.ts';
import { int, text } from './row.ts';
import type { CommitResult, ItemReference, PageCommit } from './scan-store-types.ts';
import { chunks, dedupeBy, epochMs, jsonParam, valuesList, type StoreContext } from './store-context.ts';
import { insertTasks } from './task-queue.ts';

const ITEM_COLS = 13;
const REF_COLS = 6;
/** Rows per INSERT: few distinct statement shapes (so prepared statements are reused), far below parameter limits. */
const ITEM_BATCH = 100;
const REF_BATCH = 250;

const UPSERT_ITEMS_HEAD = `INSERT INTO items (scan_id, item_id, language, version, parent_id, path, name, template_id, template_name,
  created_at, updated_at, depth, has_children, fields) VALUES `;
const UPSERT_ITEMS_TAIL = ` ON CONFLICT (scan_id, item_id, language) DO UPDATE SET version = excluded.version,
  parent_id = excluded.parent_id, path = excluded.path, name = excluded.name, template_id = excluded.template_id,
  template_name = excluded.template_name, created_at = excluded.created_at, updated_at = excluded.updated_at,
  depth = excluded.depth, has_children = excluded.has_children, fields = excluded.fields`;

/** Thrown inside the transaction to roll it back when the scan stopped running mid-commit. */
class ScanNotRunning extends Error {}

/** One fetched page waiting to be committed (see commitPages). */
export interface PendingPage { taskKey: string; owner: string; page: PageCommit }

/**
 * The durability invariant of a crawl: a page's items and references, the
 * tasks it spawns and its task's transition to done commit in one
 * transaction. The transition happens at most once (the UPDATE matches only a
 * task not yet done), so a replay after a crash, or a second worker whose lease
 * expired, changes nothing; items and references are upserts either way.
 *
 * Several pages of one scan share the transaction (group commit: far fewer
 * B-tree pages rewritten and WAL frames written than one transaction each).
 * Each page keeps its own outcome: a duplicate or rejected page is skipped,
 * the others commit. If the scan is no longer running, nothing commits.
 */
export async function commitPages(ctx: StoreContext, scanId: string, pending: readonly PendingPage[]): Promise<CommitResult[]> {
  // Prepared outside the transaction to keep it short. Sorted so concurrent Postgres commits lock rows in one order.
  const prepared = pending.map((p) => ({ ...p, ...preparePage(p.page) }));
  try {
    return await ctx.db.transaction(async (tx) => {
      const now = ctx.clock.now();
      const results: CommitResult[] = [];
      const totals = { pages: 0, items: 0, refs: 0, requests: 0 };
      for (const p of prepared) {
        const claim = await claimTask(tx, scanId, p.taskKey, p.owner, now, p.itemCount);
        if (claim.kind !== 'claimed') {
          results.push({ outcome: claim.kind, newTasks: 0, ...(claim.reason ? { reason: claim.reason } : {}) });
          continue;
        }
        await upsertItems(tx, scanId, claim.depth, p.items);
        await insertReferences(tx, scanId, p.refs);
        const newTasks = await insertTasks(tx, scanId, p.tasks, now);
        totals.pages += 1;
        totals.items += p.itemCount;
        totals.refs += p.refs.length;
        totals.requests += p.page.requests ?? 0;
        results.push({ outcome: 'committed', newTasks, ...(claim.leaseLost ? { leaseLost: true } : {}) });
      }
      if (totals.pages === 0) return results;
      const scan = await tx.query(
        `UPDATE scans SET pages_committed = pages_committed + $6, items_crawled = items_crawled + $2,
           references_crawled = references_crawled + $3, requests = requests + $4, last_commit_at = $5, updated_at = $5
         WHERE id = $1 AND status = 'running' RETURNING id`,
        [scanId, totals.items, totals.refs, totals.requests, now, totals.pages],
      );
      if (scan.rowCount === 0) throw new ScanNotRunning();
      return results;
    });
  } catch (error) {
    if (error instanceof ScanNotRunning) return pending.map(() => ({ outcome: 'rejected', newTasks: 0, reason: 'the scan is not running' }));
    throw error;
  }
}

/** `itemCount` counts items, not rows: an item read in several languages is one row per language. */
function preparePage(page: PageCommit): { items: XrayItem[]; itemCount: number; refs: ItemReference[]; tasks: CrawlTask[] } {
  const items = dedupeBy(page.items, itemKey).sort((a, b) => compare(itemKey(a), itemKey(b)));
  const itemCount = new Set(items.map((item) => item.id)).size;
  const refs = dedupeBy(page.references ?? [], refKey).sort((a, b) => compare(refKey(a), refKey(b)));
  const targetless = refs.find((r) => (r.targetId ?? '') === '' && (r.targetPath ?? '') === '');
  if (targetless) {
    throw new ConduitError('INTERNAL', `A reference from item ${targetless.sourceId} (field "${targetless.field}") has neither a target id nor a target path.`);
  }
  return { items, itemCount, refs, tasks: [...(page.nextTasks ?? [])].sort((a, b) => compare(a.key, b.key)) };
}

type Claim =
  | { kind: 'claimed'; depth: number; leaseLost: boolean }
  | { kind: 'duplicate' | 'rejected'; reason?: string };

/** Marks the task done if nobody has yet: first as its lease owner, else (lease lost) from any unfinished state. */
async function claimTask(tx: Queryable, scanId: string, taskKey: string, owner: string, now: number, itemCount: number): Promise<Claim> {
  const done = `UPDATE crawl_tasks SET state = 'done', lease_owner = NULL, lease_expires_at = NULL, done_at = $3, items = $4
    WHERE scan_id = $1 AND task_key = $2`;
  const mine = await tx.query(`${done} AND state = 'leased' AND lease_owner = $5 RETURNING depth`, [scanId, taskKey, now, itemCount, owner]);
  if (mine.rows[0] !== undefined) return { kind: 'claimed', depth: int(mine.rows[0], 'depth'), leaseLost: false };
  const other = await tx.query(`${done} AND state IN ('pending', 'leased') RETURNING depth`, [scanId, taskKey, now, itemCount]);
  if (other.rows[0] !== undefined) return { kind: 'claimed', depth: int(other.rows[0], 'depth'), leaseLost: true };
  const { rows } = await tx.query('SELECT state FROM crawl_tasks WHERE scan_id = $1 AND task_key = $2', [scanId, taskKey]);
  if (rows[0] === undefined) return { kind: 'rejected', reason: `the scan has no task "${taskKey}"` };
  const state = text(rows[0], 'state');
  return state === 'done' ? { kind: 'duplicate' } : { kind: 'rejected', reason: `the task is ${state}` };
}

async function upsertItems(tx: Queryable, scanId: string, depth: number, items: readonly XrayItem[]): Promise<void> {
  for (const batch of chunks(items, ITEM_BATCH)) {
    const params: SqlValue[] = [scanId];
    for (const i of batch) {
      params.push(i.id, i.language ?? '', i.version ?? null, i.parentId ?? null, noNul(i.path), noNul(i.name), i.templateId ?? null,
        nulOrNoNul(i.templateName), epochMs(i.createdAt), epochMs(i.updatedAt), depth, i.hasChildren, jsonParam(fieldsWithoutNul(i.fields)));
    }
    await tx.query(UPSERT_ITEMS_HEAD + valuesList(batch.length, ITEM_COLS, 2, ['$1']) + UPSERT_ITEMS_TAIL, params);
  }
}

async function insertReferences(tx: Queryable, scanId: string, refs: readonly ItemReference[]): Promise<void> {
  for (const batch of chunks(refs, REF_BATCH)) {
    const params: SqlValue[] = [scanId];
    for (const r of batch) params.push(r.sourceId, r.sourceLanguage ?? '', noNul(r.field), r.kind, r.targetId ?? '', noNul(r.targetPath ?? ''));
    await tx.query(
      `INSERT INTO item_references (scan_id, source_id, source_language, field, kind, target_id, target_path)
       VALUES ${valuesList(batch.length, REF_COLS, 2, ['$1'])} ON CONFLICT DO NOTHING`,
      params,
    );
  }
}

/**
 * Postgres rejects U+0000 in TEXT and JSONB, SQLite keeps it. CMS content
 * occasionally has one; it becomes U+FFFD on both databases so a page never
 * fails on one dialect only.
 */
function noNul(s: string): string {
  return s.includes('\u0000') ? s.replaceAll('\u0000', '\uFFFD') : s;
}

function nulOrNoNul(s: string | undefined): string | null {
  return s === undefined ? null : noNul(s);
}

function fieldsWithoutNul(fields: Record<string, string>): Record<string, string> {
  let dirty = false;
  for (const [k, v] of Object.entries(fields)) if (k.includes('\u0000') || v.includes('\u0000')) { dirty = true; break; }
  if (!dirty) return fields;
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [noNul(k), noNul(v)]));
}

function itemKey(i: XrayItem): string {
  return `${i.id}\u0000${i.language ?? ''}`;
}

function refKey(r: ItemReference): string {
  return [r.sourceId, r.sourceLanguage ?? '', r.field, r.kind, r.targetId ?? '', r.targetPath ?? ''].join('\u0000');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
