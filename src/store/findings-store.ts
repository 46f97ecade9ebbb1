import { z } from 'zod';
import type { Row, SqlValue } from './db-port.ts';
import { int, json, text, textOrNull } from './row.ts';
import type {
  AcceptedFinding, FindingSeverity, IterateOptions, ListFindingsQuery, NewFinding, Page, ScoreEntry, StoredFinding,
} from './scan-store-types.ts';
import { chunks, decodeCursor, dedupeBy, encodeCursor, jsonObject, jsonParam, valuesList, type StoreContext } from './store-context.ts';

export interface FindingsStore {
  /** Upserts by (scan, fingerprint), so re-running an analyzer replaces its findings instead of duplicating them. */
  putFindings(scanId: string, findings: readonly NewFinding[]): Promise<void>;
  /** Deletes a scan's findings (of one analyzer when given); returns how many. */
  deleteFindings(scanId: string, analyzerId?: string): Promise<number>;
  /** Findings by fingerprint order, each with its acceptance (for the scan's adapter) if any. */
  listFindings(scanId: string, query?: ListFindingsQuery): Promise<Page<StoredFinding>>;
  iterateFindings(scanId: string, options?: IterateOptions & Omit<ListFindingsQuery, 'limit' | 'cursor'>): AsyncGenerator<StoredFinding[]>;
  acceptFinding(input: { adapter: string; fingerprint: string; reason: string; acceptedBy?: string; scanId?: string }): Promise<AcceptedFinding>;
  /** False when there was no such acceptance. */
  unacceptFinding(adapter: string, fingerprint: string): Promise<boolean>;
  listAcceptedFindings(adapter: string): Promise<AcceptedFinding[]>;
  /** Upserts scores by (scan, category). */
  putScores(scanId: string, scores: readonly ScoreEntry[]): Promise<void>;
  getScores(scanId: string): Promise<ScoreEntry[]>;
}

const SEVERITIES = ['critical', 'warning', 'info'] as const satisfies readonly FindingSeverity[];
const severitySchema = z.enum(SEVERITIES);
const FINDING_COLS = 12;
const ACCEPTED_COLS = 'adapter, fingerprint, reason, accepted_by, accepted_at, scan_id';
const FINDING_SELECT = `SELECT f.scan_id, f.fingerprint, f.analyzer_id, f.analyzer_version, f.category, f.severity, f.item_id, f.item_path,
    f.language, f.message, f.evidence, f.hint, f.created_at, a.adapter AS a_adapter, a.reason AS a_reason, a.accepted_by AS a_by, a.accepted_at AS a_at, a.scan_id AS a_scan
  FROM findings f JOIN scans s ON s.id = f.scan_id
  LEFT JOIN accepted_findings a ON a.adapter = s.adapter AND a.fingerprint = f.fingerprint`;

function acceptedFromRow(r: Row, prefix = ''): AcceptedFinding {
  return {
    adapter: text(r, `${prefix}adapter`),
    fingerprint: text(r, 'fingerprint'),
    reason: text(r, `${prefix}reason`),
    acceptedBy: textOrNull(r, prefix ? 'a_by' : 'accepted_by'),
    acceptedAt: int(r, prefix ? 'a_at' : 'accepted_at'),
    scanId: textOrNull(r, prefix ? 'a_scan' : 'scan_id'),
  };
}

function findingFromRow(r: Row): StoredFinding {
  return {
    scanId: text(r, 'scan_id'),
    fingerprint: text(r, 'fingerprint'),
    analyzerId: text(r, 'analyzer_id'),
    analyzerVersion: text(r, 'analyzer_version'),
    category: text(r, 'category'),
    severity: severitySchema.parse(text(r, 'severity')),
    itemId: textOrNull(r, 'item_id'),
    itemPath: textOrNull(r, 'item_path'),
    language: textOrNull(r, 'language'),
    message: text(r, 'message'),
    evidence: jsonObject.parse(json(r, 'evidence')),
    hint: textOrNull(r, 'hint'),
    createdAt: int(r, 'created_at'),
    accepted: r['a_adapter'] === null || r['a_adapter'] === undefined ? null : acceptedFromRow(r, 'a_'),
  };
}

export function createFindingsStore(ctx: StoreContext): FindingsStore {
  const { db, clock } = ctx;

  async function findingsPage(scanId: string, query: ListFindingsQuery, after: string | undefined, limit: number): Promise<Row[]> {
    const params: SqlValue[] = [scanId, limit];
    const where = ['f.scan_id = $1'];
    const add = (sql: (n: number) => string, value: SqlValue) => { params.push(value); where.push(sql(params.length)); };
    if (query.category !== undefined) add((n) => `f.category = $${n}`, query.category);
    if (query.severity !== undefined) add((n) => `f.severity = $${n}`, query.severity);
    if (query.analyzerId !== undefined) add((n) => `f.analyzer_id = $${n}`, query.analyzerId);
    if (after !== undefined) add((n) => `f.fingerprint > $${n}`, after);
    if (query.excludeAccepted === true) where.push('a.fingerprint IS NULL');
    return (await db.query(`${FINDING_SELECT} WHERE ${where.join(' AND ')} ORDER BY f.fingerprint LIMIT $2`, params)).rows;
  }

  return {
    async putFindings(scanId, findings) {
      const unique = dedupeBy(findings, (f) => f.fingerprint).sort((a, b) => (a.fingerprint < b.fingerprint ? -1 : 1));
      const now = clock.now();
      await db.transaction(async (tx) => {
        for (const batch of chunks(unique, 100)) {
          const params: SqlValue[] = [scanId];
          for (const f of batch) {
            params.push(f.fingerprint, f.analyzerId, f.analyzerVersion, f.category, f.severity, f.itemId ?? null, f.itemPath ?? null,
              f.language ?? null, f.message, jsonParam(f.evidence ?? {}), f.hint ?? null, now);
          }
          await tx.query(
            `INSERT INTO findings (scan_id, fingerprint, analyzer_id, analyzer_version, category, severity, item_id, item_path, language,
               message, evidence, hint, created_at) VALUES ${valuesList(batch.length, FINDING_COLS, 2, ['$1'])}
             ON CONFLICT (scan_id, fingerprint) DO UPDATE SET analyzer_id = excluded.analyzer_id, analyzer_version = excluded.analyzer_version,
               category = excluded.category, severity = excluded.severity, item_id = excluded.item_id, item_path = excluded.item_path,
               language = excluded.language, message = excluded.message, evidence = excluded.evidence, hint = excluded.hint`,
            params,
          );
        }
      });
    },

    async deleteFindings(scanId, analyzerId) {
      const { rowCount } = await db.transaction((tx) => analyzerId === undefined
        ? tx.query('DELETE FROM findings WHERE scan_id = $1', [scanId])
        : tx.query('DELETE FROM findings WHERE scan_id = $1 AND analyzer_id = $2', [scanId, analyzerId]));
      return rowCount;
    },

    async listFindings(scanId, query = {}) {
      const limit = Math.min(Math.max(query.limit ?? 100, 1), 1000);
      const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor, z.tuple([z.string()]))[0];
      const rows = await findingsPage(scanId, query, after, limit + 1);
      const entries = rows.slice(0, limit).map(findingFromRow);
      const last = entries[entries.length - 1];
      return { entries, nextCursor: rows.length > limit && last ? encodeCursor([last.fingerprint]) : null };
    },

    async *iterateFindings(scanId, options = {}) {
      const size = Math.min(Math.max(options.batchSize ?? 500, 1), 10_000);
      let after: string | undefined;
      for (;;) {
        const rows = await findingsPage(scanId, options, after, size);
        if (rows.length > 0) yield rows.map(findingFromRow);
        const last = rows[rows.length - 1];
        if (rows.length < size || last === undefined) return;
        after = text(last, 'fingerprint');
      }
    },

    async acceptFinding(input) {
      const { rows } = await db.transaction((tx) => tx.query(
        `INSERT INTO accepted_findings (adapter, fingerprint, reason, accepted_by, accepted_at, scan_id) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (adapter, fingerprint) DO UPDATE SET reason = excluded.reason, accepted_by = excluded.accepted_by,
           accepted_at = excluded.accepted_at, scan_id = excluded.scan_id
         RETURNING ${ACCEPTED_COLS}`,
        [input.adapter, input.fingerprint, input.reason, input.acceptedBy ?? null, clock.now(), input.scanId ?? null],
      ));
      return acceptedFromRow(rows[0] ?? {});
    },

    async unacceptFinding(adapter, fingerprint) {
      const { rowCount } = await db.transaction((tx) => tx.query('DELETE FROM accepted_findings WHERE adapter = $1 AND fingerprint = $2', [adapter, fingerprint]));
      return rowCount > 0;
    },

    async listAcceptedFindings(adapter) {
      const { rows } = await db.query(`SELECT ${ACCEPTED_COLS} FROM accepted_findings WHERE adapter = $1 ORDER BY fingerprint`, [adapter]);
      return rows.map((r) => acceptedFromRow(r));
    },

    async putScores(scanId, scores) {
      if (scores.length === 0) return;
      const unique = dedupeBy(scores, (s) => s.category);
      await db.transaction((tx) => tx.query(
        `INSERT INTO scan_scores (scan_id, category, score, details) VALUES ${valuesList(unique.length, 3, 2, ['$1'])}
         ON CONFLICT (scan_id, category) DO UPDATE SET score = excluded.score, details = excluded.details`,
        [scanId, ...unique.flatMap((s) => [s.category, s.score, jsonParam(s.details ?? {})])],
      ));
    },

    async getScores(scanId) {
      const { rows } = await db.query('SELECT category, score, details FROM scan_scores WHERE scan_id = $1 ORDER BY category', [scanId]);
      return rows.map((r) => ({ category: text(r, 'category'), score: scoreOf(r), details: jsonObject.parse(json(r, 'details')) }));
    },
  };
}

function scoreOf(r: Row): number {
  const v = r['score'];
  if (typeof v === 'number') return v;
  return z.coerce.number().parse(v);
}
