// The pieces of the SSC walk benchmark: a breadth-first crawl pool over an XraySource, an RSS sampler,
// and the number of items a crawl from the tree root must reach.
import type { CrawlTask, XraySource } from '../../src/adapter-kit/index.ts';
import type { SimTree } from '../../adapters/sitecore/simulator/sitecore-simulator.ts';

export interface WalkResult {
  items: number;
  uniqueItems: number;
  requests: number;
  tasks: number;
  ms: number;
}

/**
 * Crawls breadth first (tasks in FIFO order) with at most `concurrency` pages in flight, as the
 * X-Ray engine does, deduplicating task keys. Rejects on the first failed page.
 */
export async function walkBreadthFirst(source: XraySource, root: string, concurrency: number): Promise<WalkResult> {
  const started = performance.now();
  const queue: CrawlTask[] = await source.rootTasks(root);
  const seenTasks = new Set<string>();
  const ids = new Set<string>();
  let head = 0;
  let inFlight = 0;
  let items = 0;
  let requests = 1; // rootTasks resolved the root path
  await new Promise<void>((resolve, reject) => {
    let failed = false;
    const pump = (): void => {
      while (!failed && inFlight < concurrency && head < queue.length) {
        const task = queue[head++];
        if (!task || seenTasks.has(task.key)) continue;
        seenTasks.add(task.key);
        inFlight += 1;
        source.crawl(task).then((page) => {
          inFlight -= 1;
          items += page.items.length;
          requests += page.requests;
          for (const item of page.items) ids.add(item.id);
          queue.push(...page.next);
          pump();
        }, (error: unknown) => { failed = true; reject(error); });
      }
      if (!failed && inFlight === 0 && head >= queue.length) resolve();
    };
    pump();
  });
  return { items, uniqueItems: ids.size, requests, tasks: seenTasks.size, ms: performance.now() - started };
}

/** Peak resident set size seen by sampling every 50 ms (the process-lifetime peak is resourceUsage().maxRSS). */
export function sampleRss(): { stop(): number } {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage.rss()); }, 50);
  timer.unref();
  return { stop: () => { clearInterval(timer); return Math.max(peak, process.memoryUsage.rss()); } };
}

/** Items a crawl from the tree root must yield: the root and every readable descendant. */
export function reachableReadable(tree: SimTree): number {
  const root = tree.get(tree.rootId);
  if (!root) return 0;
  let count = 0;
  const stack = [root];
  for (let item = stack.pop(); item; item = stack.pop()) {
    count += 1;
    stack.push(...tree.children(item, true));
  }
  return count;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[mid] ?? Number.NaN;
  return ((sorted[mid - 1] ?? Number.NaN) + (sorted[mid] ?? Number.NaN)) / 2;
}
