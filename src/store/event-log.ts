import { int, json, text } from './row.ts';
import type { ScanEvent } from './scan-store-types.ts';
import { jsonObject, jsonParam, type StoreContext } from './store-context.ts';
import { scanNotFound } from './scan-store-types.ts';

export interface EventLog {
  /**
   * Appends an event; its seq is the scan's next number. The number is taken
   * from the scan row inside the same transaction, so events of a scan commit
   * in seq order and a reader polling "after seq N" never skips one.
   */
  appendEvent(scanId: string, type: string, data?: Record<string, unknown>): Promise<ScanEvent>;
  /** Events with seq > afterSeq, oldest first. */
  listEvents(scanId: string, afterSeq?: number, limit?: number): Promise<ScanEvent[]>;
}

export function createEventLog(ctx: StoreContext): EventLog {
  const { db, clock } = ctx;
  return {
    appendEvent(scanId, type, data = {}) {
      return db.transaction(async (tx) => {
        const { rows } = await tx.query('UPDATE scans SET event_seq = event_seq + 1 WHERE id = $1 RETURNING event_seq', [scanId]);
        if (rows[0] === undefined) throw scanNotFound(scanId);
        const seq = int(rows[0], 'event_seq');
        const at = clock.now();
        await tx.query('INSERT INTO scan_events (scan_id, seq, at, type, data) VALUES ($1, $2, $3, $4, $5)', [scanId, seq, at, type, jsonParam(data)]);
        return { scanId, seq, at, type, data };
      });
    },

    async listEvents(scanId, afterSeq = 0, limit = 100) {
      const { rows } = await db.query(
        'SELECT seq, at, type, data FROM scan_events WHERE scan_id = $1 AND seq > $2 ORDER BY seq LIMIT $3',
        [scanId, afterSeq, Math.min(Math.max(limit, 1), 1000)],
      );
      return rows.map((r) => ({ scanId, seq: int(r, 'seq'), at: int(r, 'at'), type: text(r, 'type'), data: jsonObject.parse(json(r, 'data')) }));
    },
  };
}
