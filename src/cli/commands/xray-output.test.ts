import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { z } from 'zod';
import type { ScanProgress } from '../../xray/engine/engine-types.ts';
import { jsonLinesSink, ttyBarSink } from './xray-output.ts';

const progress = (over: Partial<ScanProgress>): ScanProgress => ({
  scanId: 'abcdef12-0000-4000-8000-000000000000', event: 'progress', at: 0, status: 'running', phase: 'crawl', items: 12_345, references: 9, pages: 8,
  requests: 7, errors: 2, itemsPerSecond: 800, requestsPerSecond: 151.6, tasksLeft: 10, etaSeconds: 42, elapsedMs: 42_000, ...over,
});

/** A terminal-like stream that records what was written (a real tty.WriteStream over a file would need a terminal). */
class Terminal extends Writable {
  out = '';
  readonly isTTY = true;
  readonly columns = 120;
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.out += chunk.toString();
    done();
  }
}

void test('the TTY bar redraws one line with items, requests/s, errors and ETA', () => {
  const stream = new Terminal();
  const sink = ttyBarSink(stream);
  sink.progress(progress({}));
  sink.progress(progress({ items: 20_000, etaSeconds: null, errors: 1 }));
  sink.end();
  const frames = stream.out.split('\r\u001b[2K');
  assert.match(frames[0] ?? '', /abcdef12 ▕█{12}░{12}▏ 12,345 items · 152 req\/s · 2 errors · ETA 0:42$/);
  assert.match(frames[1] ?? '', /abcdef12 20,000 items · 152 req\/s · 1 error · ETA …$/);
  assert.equal(frames.length, 3, 'cleared at the end');
});

void test('JSON lines: one object per progress event', () => {
  const lines: string[] = [];
  const sink = jsonLinesSink((l) => lines.push(l));
  sink.progress(progress({ event: 'started' }));
  sink.note('hello');
  const parsed = lines.map((l) => z.object({ type: z.string(), event: z.string().optional() }).loose().parse(JSON.parse(l)));
  assert.deepEqual(parsed.map((l) => l.type), ['progress', 'note']);
  assert.equal(parsed[0]?.event, 'started');
});
