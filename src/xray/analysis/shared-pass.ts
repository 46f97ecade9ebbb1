/**
 * One read of a stream, shared in lockstep by several consumers: each batch is
 * read from the store once and handed to every subscriber, and the next batch
 * is read only when all of them asked for it. So thirteen analyzers cost one
 * pass over the items, and memory holds one batch at a time.
 *
 * A pass starts once every expected consumer has subscribed or been released
 * (an analyzer that finished or failed is released by the runner), and not
 * before `startAfter` settles (the content pass follows the structure pass).
 */
export interface SharedPass<T> {
  /** The stream for consumer `id`; each consumer subscribes at most once. */
  subscribe(id: string): AsyncIterable<T>;
  /** The consumer is done (finished, failed, or never going to subscribe). */
  release(id: string): void;
  /** Settles when the pass has ended (read to the end, failed, or every consumer released). */
  readonly done: Promise<void>;
}

interface Waiter<T> { resolve(r: IteratorResult<T>): void; reject(e: unknown): void }

export function createSharedPass<T>(open: () => AsyncIterator<T>, expected: Iterable<string>, startAfter: Promise<void> = Promise.resolve(),
  /** Called with each batch before any consumer sees it (every consumer is done with the previous one). */
  onBatch?: (batch: T) => void): SharedPass<T> {
  const pending = new Set(expected);
  const active = new Set<string>();
  const waiting = new Map<string, Waiter<T>>();
  let source: AsyncIterator<T> | undefined;
  let started = false;
  let reading = false;
  let ended: { error: unknown } | undefined;
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => { finish = resolve; });
  void startAfter.then(() => { started = true; advance(); }, () => { started = true; advance(); });

  function end(error: unknown): void {
    if (ended) return;
    ended = { error };
    for (const w of waiting.values()) {
      if (error === undefined) w.resolve({ done: true, value: undefined });
      else w.reject(error);
    }
    waiting.clear();
    const s = source;
    source = undefined;
    if (s?.return) void s.return().then(() => undefined, () => undefined);
    finish();
  }

  function advance(): void {
    if (ended || reading || !started || pending.size > 0) return;
    if (active.size === 0) { end(undefined); return; }
    if (waiting.size < active.size) return;
    reading = true;
    source ??= open();
    source.next().then((result) => {
      reading = false;
      if (result.done === true) { end(undefined); return; }
      const waiters = [...waiting.values()];
      waiting.clear();
      onBatch?.(result.value);
      for (const w of waiters) w.resolve({ done: false, value: result.value });
    }, (error: unknown) => {
      reading = false;
      end(error);
    });
  }

  function release(id: string): void {
    pending.delete(id);
    active.delete(id);
    const w = waiting.get(id);
    waiting.delete(id);
    w?.resolve({ done: true, value: undefined });
    advance();
  }

  function subscribe(id: string): AsyncIterable<T> {
    if (!pending.delete(id)) throw new Error(`shared pass: "${id}" is not an expected consumer, or subscribed twice`);
    active.add(id);
    const iterator: AsyncIterator<T> = {
      next: () => new Promise<IteratorResult<T>>((resolve, reject) => {
        if (ended) {
          if (ended.error === undefined) resolve({ done: true, value: undefined });
          else reject(ended.error);
          return;
        }
        if (!active.has(id)) { resolve({ done: true, value: undefined }); return; }
        waiting.set(id, { resolve, reject });
        advance();
      }),
      return: () => {
        release(id);
        return Promise.resolve({ done: true, value: undefined });
      },
    };
    return { [Symbol.asyncIterator]: () => iterator };
  }

  return { subscribe, release, done };
}
