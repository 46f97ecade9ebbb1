import { ConduitError, quoted, hasCode, type CrawlPage, type CrawlTask, type XrayCategory, type XrayItem, type XraySource } from '../../src/adapter-kit/index.ts';
import { LRUCache } from 'lru-cache';
import { hasChildrenOf, itemIdOf, toXrayItem } from './map-ssc-item.ts';
import type { SscReadParams } from './ssc-api.ts';
import type { SscItem } from './ssc-schemas.ts';
import { normalizeGuid, withXrayReferences } from '../sitecore/shared/index.ts';
import { resolveId, type XpContext } from './xp-context.ts';
import { probeXpTargets } from './xp-xray-probe.ts';
import { xrayLanguages } from './xp-xray-languages.ts';
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

/**
 * `item:<id>` yields one item; `children:<id>:<offset>` yields a slice of its children. A scan that reads
 * several languages (xp-xray-languages.ts) carries them in every cursor, `@en,de-DE`, so a resumed or shared
 * scan reads the languages it started with even if the config changed since. The key leaves them out.
 */
type TaskCursor = ({ kind: 'item'; id: string } | { kind: 'children'; id: string; offset: number }) & { languages?: string[] };

const languageSuffix = (languages: readonly string[] | undefined): string => (languages === undefined ? '' : `@${languages.join(',')}`);

export function itemTask(id: string, depth: number, languages?: readonly string[]): CrawlTask {
  const key = `item:${id}`;
  return { key, cursor: key + languageSuffix(languages), depth };
}

export function childrenTask(parentId: string, offset: number, depth: number, languages?: readonly string[]): CrawlTask {
  const key = `children:${parentId}:${offset}`;
  return { key, cursor: key + languageSuffix(languages), depth };
}

export function parseTaskCursor(cursor: string): TaskCursor {
  const m = /^(item|children):([0-9a-f-]{36})(?::(\d+))?(?:@([\w-]+(?:,[\w-]+)*))?$/.exec(cursor);
  const id = m?.[2] ? normalizeGuid(m[2]) : undefined;
  const languages = m?.[4] ? { languages: m[4].split(',') } : {};
  if (m && id && m[1] === 'item' && m[3] === undefined) return { kind: 'item', id, ...languages };
  if (m && id && m[1] === 'children' && m[3] !== undefined) return { kind: 'children', id, offset: Number.parseInt(m[3], 10), ...languages };
  throw new ConduitError('TOOL_CURSOR_INVALID', `The X-Ray task cursor ${quoted(cursor)} is not a sitecore-xp cursor.`, {
    hint: 'The scan was probably started by another adapter type; start a new scan.',
  });
}

/** A row per language the item has a version in; the first language's row always (it carries the tree). */
function languageRows(first: SscItem, others: ReadonlyArray<SscItem | null | undefined>): XrayItem[] {
  const rows = [withXrayReferences(toXrayItem(first))];
  for (const version of others) {
    if (!version) continue;
    const row = toXrayItem(version);
    if (row.version !== 0) rows.push(withXrayReferences(row));
  }
  return rows;
}

/**
 * Breadth-first enumeration of the tree for X-Ray. A task is one parent's
 * children (sliced into pages of `pageSize`, since SSC cannot page them; a
 * parent with N children is fetched ceil(N / pageSize) times), or the scan root
 * itself. Task keys derive only from ids and offsets, so the same tree gives the
 * same keys and a replayed page is deduplicated by the engine. Each further
 * language costs one more request per task.
 */
export function createXraySource(ctx: XpContext, pageSize = XRAY_DEFAULT_PAGE_SIZE): XraySource {
  const params: SscReadParams = { database: ctx.config.database, language: ctx.config.language, includeStandardTemplateFields: true };
  const languageChoice = xrayLanguages(ctx);
  const unsliced = new LRUCache<string, SscItem[]>({ maxSize: CACHED_CHILDREN_MAX_ITEMS, sizeCalculation: (children) => Math.max(1, children.length) });

  async function crawlItem(id: string, depth: number, languages: readonly string[] | undefined, signal?: AbortSignal): Promise<CrawlPage> {
    const [first = ctx.config.language, ...others] = languages ?? [ctx.config.language];
    const item = await ctx.api.getItemById(id, { ...params, language: first }, signal);
    // Deleted since the scan started: nothing to yield.
    if (!item) return { items: [], next: [], requests: 1 };
    const versions = await Promise.all(others.map((language) => ctx.api.getItemById(id, { ...params, language }, signal)));
    return {
      items: languageRows(item, versions),
      next: hasChildrenOf(item) ? [childrenTask(itemIdOf(item), 0, depth + 1, languages)] : [],
      requests: 1 + others.length,
    };
  }

  /** One parent's children in one language, from the slices' cache or SSC; [] if the parent is gone. */
  async function childList(id: string, language: string, offset: number, signal?: AbortSignal): Promise<{ children: SscItem[]; fetched: boolean }> {
    const cached = offset > 0 ? unsliced.get(`${id}|${language}`) : undefined;
    if (cached !== undefined) return { children: cached, fetched: false };
    try {
      return { children: await ctx.api.getChildren(id, { ...params, language }, signal), fetched: true };
    } catch (error) {
      // The parent was deleted (or hidden) since it was listed: an empty page, not a failed scan.
      if (hasCode(error, 'ADP_NOT_FOUND')) return { children: [], fetched: true };
      throw error;
    }
  }

  async function crawlChildren(id: string, offset: number, depth: number, languages: readonly string[] | undefined, signal?: AbortSignal): Promise<CrawlPage> {
    const all = languages ?? [ctx.config.language];
    const lists = await Promise.all(all.map((language) => childList(id, language, offset, signal)));
    // The first language's list decides the slice and the next tasks; the others only add their versions.
    const [firstList = [], ...translated] = lists.map((l) => l.children);
    const slice = firstList.slice(offset, offset + pageSize);
    const byId = translated.map((list) => new Map(list.map((c) => [itemIdOf(c), c])));
    const items = slice.flatMap((c) => languageRows(c, byId.map((versions) => versions.get(itemIdOf(c)))));
    const next = slice.filter(hasChildrenOf).map((c) => childrenTask(itemIdOf(c), 0, depth + 1, languages));
    const more = offset + pageSize < firstList.length;
    if (more) next.push(childrenTask(id, offset + pageSize, depth, languages));
    all.forEach((language, i) => {
      const list = lists[i];
      if (more && list) unsliced.set(`${id}|${language}`, list.children);
      else unsliced.delete(`${id}|${language}`);
    });
    return { items, next, requests: lists.filter((l) => l.fetched).length };
  }

  return {
    supportedCategories: XP_XRAY_CATEGORIES,
    profile: sitecoreXrayProfile,
    probeTargets: (targets, signal) => probeXpTargets(ctx, targets, signal),
    async rootTasks(root, signal, scope) {
      const ref = root === undefined || root === '' ? { path: ctx.config.rootPath } : root.startsWith('/') ? { path: root } : { id: root };
      const id = await resolveId(ctx, ref, signal);
      if (ref.id !== undefined) {
        // An id root must exist too: fail now rather than yield an empty scan.
        const item = await ctx.api.getItemById(id, { database: ctx.config.database, language: ctx.config.language, fields: ['ItemID'] }, signal);
        if (!item) throw new ConduitError('ADP_NOT_FOUND', `Adapter "${ctx.adapter}": the X-Ray root ${root} does not exist or is not readable.`);
      }
      const read = await languageChoice.forScan(scope?.languages, signal);
      // The adapter's language alone is what a cursor without languages means (and meant before they existed).
      return [itemTask(id, 0, read.length === 1 && read[0] === ctx.config.language ? undefined : read)];
    },
    scopeNotes: (_root, signal, scope) => languageChoice.scopeNotes(scope?.languages, signal),
    async crawl(task, signal) {
      const cursor = parseTaskCursor(task.cursor);
      return cursor.kind === 'item'
        ? crawlItem(cursor.id, task.depth, cursor.languages, signal)
        : crawlChildren(cursor.id, cursor.offset, task.depth, cursor.languages, signal);
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
