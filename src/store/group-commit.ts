import type { CommitResult } from './scan-store-types.ts';
import type { PendingPage } from './page-commit.ts';

/** At most this many pages per transaction: keeps one transaction (and a replay after a failure) short. */
const MAX_PAGES_PER_COMMIT = 32;

interface Waiting extends PendingPage {
  scanId: string;
  resolve(result: CommitResult): void;
  reject(error: unknown): void;
}

export type CommitPages = (scanId: string, pages: readonly PendingPage[]) => Promise<CommitResult[]>;

/**
 * Group commit for crawl pages. A page that arrives while a commit is running,
 * or in the same turn of the event loop as others, waits and goes into the
 * next transaction with them; an idle store commits at once (one setImmediate
 * later). Each caller still gets its own page's outcome. When a group fails,
 * its pages are committed one by one, so one bad page fails alone and a
 * transient store error reaches each caller as before.
 */
export function createGroupCommitter(commitPages: CommitPages): (scanId: string, page: PendingPage) => Promise<CommitResult> {
  const waiting: Waiting[] = [];
  let draining = false;

  async function commitGroup(group: Waiting[]): Promise<void> {
    const scanId = group[0]?.scanId ?? '';
    try {
      const results = await commitPages(scanId, group);
      group.forEach((w, i) => {
        const result = results[i];
        if (result) w.resolve(result);
        else w.reject(new Error('group commit returned fewer results than pages'));
      });
    } catch (error) {
      if (group.length === 1) {
        group[0]?.reject(error);
        return;
      }
      for (const w of group) await commitGroup([w]);
    }
  }

  async function drain(): Promise<void> {
    draining = true;
    try {
      while (waiting.length > 0) {
        const scanId = waiting[0]?.scanId;
        const group: Waiting[] = [];
        for (let i = 0; i < waiting.length && group.length < MAX_PAGES_PER_COMMIT;) {
          const w = waiting[i];
          if (w !== undefined && w.scanId === scanId) {
            group.push(w);
            waiting.splice(i, 1);
          } else {
            i += 1;
          }
        }
        await commitGroup(group);
      }
    } finally {
      draining = false;
    }
  }

  return (scanId, page) => new Promise<CommitResult>((resolve, reject) => {
    waiting.push({ ...page, scanId, resolve, reject });
    if (!draining) {
      draining = true;
      // One turn later: the other pages whose responses arrived in this turn join the same transaction.
      setImmediate(() => { void drain(); });
    }
  });
}
