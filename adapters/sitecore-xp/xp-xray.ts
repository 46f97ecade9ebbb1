import { ConduitError, quoted, hasCode, type CrawlPage, type CrawlTask, type XrayCategory, type XrayItem, type XraySource } from '../../src/adapter-kit/index.ts';
import { LRUCache } from 'lru-cache';
import { hasChildrenOf, itemIdOf, toXrayItem } from './map-ssc-item.ts';
import type { SscReadParams } from './ssc-api.ts';
import type { SscItem } from './ssc-schemas.ts';
import { normalizeGuid, withXrayReferences } from '../sitecore/shared/index.ts';
import { resolveId, type XpContext } from './xp-context.ts';
import { probeXpTargets } from './xp-xray-probe.ts';
import { sitecoreXrayProfile } from '../sitecore/shared/xray-profile/sitecore-xray-profile.ts';

/** Every category: SSC with standard fields returns layout, links, __Security, dates and workflow. */
export const XP_XRAY_CATEGORIES: readonly XrayCategory[] = [
  'broken-link', 'orphan', 'unused-template', 'unused-rendering', 'duplicate', 'security', 'deep-nesting',
  'too-many-children', 'large-media', 'stale-content', 'circular-reference', 'empty-container', 'invalid-field',
];

export const XRAY_DEFAULT_PAGE_SIZE = 200;

/**
 * Children of parents crawled in several slices, kept from one slice to the next. SSC cannot page children
 * (each request returns all of them), so without this a parent with N children is fetched ceil(N / 200)
 * times and the crawl is quadratic in N: a folder of 6,000 items took 30 fetches of all 6,000 and 15.1 s,
 * and takes 1 fetch and 5.7 s with it (5 ms simulated latency). A list that is not here (too big, evicted,
 * its next slice leased by another worker, lost in a restart) is fetched again, so correctness never
 * depends on it. Bounded by item count: ~3 KB each once parsed, so at most ~60 MB.
 */
const CACHED_CHILDREN_MAX_ITEMS = 20_000;

/** `item:<id>` yields one item; `children:<id>:<offset>` yields a slice of its children. */
type TaskCursor = { kind: 'item'; id: string } | { kind: 'children'; id: string; offset: number };

export function itemTask(id: string, depth: number): CrawlTask {
  const cursor = `item:${id}`;
  return { key: cursor, cursor, depth };
}

export function childrenTask(parentId: string, offset: number, depth: number): CrawlTask {
  const cursor = `children:${parentId}:${offset}`;
  return { key: cursor, cursor, depth };
}

export function parseTaskCursor(cursor: string): TaskCursor {
  const m = /^(item|children):([0-9a-f-]{36})(?::(\d+))?$/.exec(cursor);
  const id = m?.[2] ? normalizeGuid(m[2]) : undefined;
  if (m && id && m[1] === 'item' && m[3] === undefined) return { kind: 'item', id };
  if (m && id && m[1] === 'children' && m[3] !== undefined) return { kind: 'children', id, offset: Number.parseInt(m[3], 10) };
  throw new ConduitError('TOOL_CURSOR_INVALID', `The X-Ray task cursor ${quoted(cursor)} is not a sitecore-xp cursor.`, {
    hint: 'The scan was probably started by another adapter type; start a new scan.',
  });
}

/**
 * Breadth-first enumeration of the tree for X-Ray. A task is one parent's
 * children (sliced into pages of `pageSize`, since SSC cannot page them; a
 * parent with N children is fetched ceil(N / pageSize) times), or the scan root
 * itself. Task keys derive only from ids and offsets, so the same tree gives the
 * same keys and a replayed page is deduplicated by the engine.
 */
export function createXraySource(ctx: XpContext, pageSize = XRAY_DEFAULT_PAGE_SIZE): XraySource {
  const params: SscReadParams = { database: ctx.config.database, language: ctx.config.language, includeStandardTemplateFields: true };
  const unsliced = new LRUCache<string, SscItem[]>({ maxSize: CACHED_CHILDREN_MAX_ITEMS, sizeCalculation: (children) => Math.max(1, children.length) });

  async function crawlItem(id: string, depth: number, signal?: AbortSignal): Promise<CrawlPage> {
    const item = await ctx.api.getItemById(id, params, signal);
    // Deleted since the scan started: nothing to yield.
    if (!item) return { items: [], next: [], requests: 1 };
    return { items: [withXrayReferences(toXrayItem(item))], next: hasChildrenOf(item) ? [childrenTask(itemIdOf(item), 0, depth + 1)] : [], requests: 1 };
  }

  async function crawlChildren(id: string, offset: number, depth: number, signal?: AbortSignal): Promise<CrawlPage> {
    const cached = offset > 0 ? unsliced.get(id) : undefined;
    let children: SscItem[];
    if (cached !== undefined) {
      children = cached;
    } else {
      try {
        children = await ctx.api.getChildren(id, params, signal);
      } catch (error) {
        // The parent was deleted (or hidden) since it was listed: an empty page, not a failed scan.
        if (hasCode(error, 'ADP_NOT_FOUND')) return { items: [], next: [], requests: 1 };
        throw error;
      }
    }
    const slice = children.slice(offset, offset + pageSize);
    const items: XrayItem[] = slice.map((c) => withXrayReferences(toXrayItem(c)));
    const next = slice.filter(hasChildrenOf).map((c) => childrenTask(itemIdOf(c), 0, depth + 1));
    if (offset + pageSize < children.length) {
      next.push(childrenTask(id, offset + pageSize, depth));
      unsliced.set(id, children);
    } else {
      unsliced.delete(id);
    }
    return { items, next, requests: cached === undefined ? 1 : 0 };
  }

  return {
    supportedCategories: XP_XRAY_CATEGORIES,
    profile: sitecoreXrayProfile,
    probeTargets: (targets, signal) => probeXpTargets(ctx, targets, signal),
    async rootTasks(root, signal) {
      const ref = root === undefined || root === '' ? { path: ctx.config.rootPath } : root.startsWith('/') ? { path: root } : { id: root };
      const id = await resolveId(ctx, ref, signal);
      if (ref.id !== undefined) {
        // An id root must exist too: fail now rather than yield an empty scan.
        const item = await ctx.api.getItemById(id, { database: ctx.config.database, language: ctx.config.language, fields: ['ItemID'] }, signal);
        if (!item) throw new ConduitError('ADP_NOT_FOUND', `Adapter "${ctx.adapter}": the X-Ray root ${root} does not exist or is not readable.`);
      }
      return [itemTask(id, 0)];
    },
    async crawl(task, signal) {
      const cursor = parseTaskCursor(task.cursor);
      return cursor.kind === 'item' ? crawlItem(cursor.id, task.depth, signal) : crawlChildren(cursor.id, cursor.offset, task.depth, signal);
    },
    async fetchFull(ids, signal) {
      const out: XrayItem[] = [];
      const unique = [...new Set(ids.map((id) => normalizeGuid(id)).filter((id): id is string => id !== null))];
      // A few at a time: the bulkhead bounds concurrency anyway, this bounds memory and queueing.
      for (let i = 0; i < unique.length; i += 8) {
        const batch = await Promise.all(unique.slice(i, i + 8).map((id) => ctx.api.getItemById(id, params, signal)));
        for (const item of batch) if (item) out.push(withXrayReferences(toXrayItem(item)));
      }
      return out;
    },
  };
}
