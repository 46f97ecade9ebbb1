/**
 * A FIFO lock for async work. The SQLite driver holds one connection; an async
 * transaction yields between statements, so without this lock another caller's
 * statement would run inside it (or its BEGIN would fail).
 */
export class AsyncMutex {
  private tail: Promise<void> = Promise.resolve();

  async run<T>(fn: () => Promise<T>): Promise<T> {
    const previous = this.tail;
    let release: () => void = () => undefined;
    this.tail = new Promise<void>((resolve) => { release = resolve; });
    await previous;
    try {
      return await fn();
    } finally {
      release();
    }
  }
}
