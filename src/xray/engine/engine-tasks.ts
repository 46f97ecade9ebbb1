import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { CrawlTask } from '../../adapter-kit/xray-source-types.ts';
import { ConduitError } from '../../core/conduit-error.ts';

/**
 * Tasks the engine queues for itself next to the adapter's crawl tasks, so
 * they get the same leases, heartbeats and exactly-once commits. Keys start
 * with "xray:", which no adapter uses.
 *
 * xray:finish       the last step of a scan (deep fetch, analysis, completion); whoever leases it finishes the scan.
 * xray:full:<hash>  full (tier-2) fields of a batch of items at one depth.
 */
export const ENGINE_TASK_PREFIX = 'xray:';
export const FINISH_TASK: CrawlTask = { key: 'xray:finish', cursor: 'xray:finish', depth: 0 };

export function isEngineTask(task: CrawlTask): boolean {
  return task.key.startsWith(ENGINE_TASK_PREFIX);
}

const fullCursorSchema = z.object({ ids: z.array(z.string()).min(1) });

export function fullFetchTask(ids: readonly string[], depth: number): CrawlTask {
  const sorted = [...ids].sort();
  const hash = createHash('sha256').update(sorted.join(',')).digest('base64url').slice(0, 22);
  return { key: `xray:full:${depth}:${hash}`, cursor: JSON.stringify({ ids: sorted }), depth };
}

export function fullFetchIds(task: CrawlTask): string[] {
  let json: unknown;
  try {
    json = JSON.parse(task.cursor);
  } catch (cause) {
    throw new ConduitError('INTERNAL', `Engine task ${task.key} has an unreadable cursor.`, { cause });
  }
  const parsed = fullCursorSchema.safeParse(json);
  if (!parsed.success) throw new ConduitError('INTERNAL', `Engine task ${task.key} has an unreadable cursor.`, { cause: parsed.error });
  return parsed.data.ids;
}
