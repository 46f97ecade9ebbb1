import { setTimeout as sleep } from 'node:timers/promises';
import type { CrawlPage, CrawlTask, XrayItem } from '../../adapter-kit/xray-source-types.ts';
import { hasCode } from '../../core/conduit-error.ts';
import type { ScanStore } from '../../store/scan-store.ts';
import type { CommitResult, ItemReference, PageCommit } from '../../store/scan-store-types.ts';

export interface CommittedPage {
  result: CommitResult;
  items: number;
  references: number;
  requests: number;
}

/** The page as the store takes it: the items' references flattened into rows of their own. */
export function toPageCommit(page: CrawlPage): PageCommit {
  const references: ItemReference[] = [];
  for (const item of page.items) {
    for (const r of item.references ?? []) {
      const targetId = r.targetId ?? '';
      const targetPath = r.targetPath ?? '';
      // A reference with no target cannot be stored (and means nothing); adapters should not produce one.
      if (targetId === '' && targetPath === '') continue;
      references.push({
        sourceId: item.id, field: r.field, kind: r.kind,
        ...(item.language ? { sourceLanguage: item.language } : {}),
        ...(targetId ? { targetId } : {}), ...(targetPath ? { targetPath } : {}),
      });
    }
  }
  return { items: page.items.map(withoutReferences), references, nextTasks: page.next, requests: page.requests };
}

function withoutReferences(item: XrayItem): XrayItem {
  if (item.references === undefined) return item;
  const { references: _references, ...rest } = item;
  return rest;
}

const COMMIT_RETRIES = [100, 300, 1_000, 2_000];

/**
 * Commits a fetched page. A busy or briefly unreachable store is retried here,
 * with the page in memory, so a store hiccup never costs a second fetch
 * (commitPage is replay-safe). Anything else, or a store that stays down, throws.
 */
export async function commitFetchedPage(store: ScanStore, scanId: string, task: CrawlTask, owner: string, page: CrawlPage, signal: AbortSignal): Promise<CommittedPage> {
  const commit = toPageCommit(page);
  for (let attempt = 0; ; attempt++) {
    try {
      const result = await store.commitPage(scanId, task.key, owner, commit);
      return { result, items: commit.items.length, references: commit.references?.length ?? 0, requests: page.requests };
    } catch (error) {
      const delay = COMMIT_RETRIES[attempt];
      if (!hasCode(error, 'STORE_UNAVAILABLE') || delay === undefined || signal.aborted) throw error;
      await sleep(delay, undefined, { signal });
    }
  }
}
