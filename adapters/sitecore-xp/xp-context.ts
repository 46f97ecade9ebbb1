import { ConduitError, quoted, type ItemRef, type Logger, type ReadOptions } from '../../src/adapter-kit/index.ts';
import type { SitecoreXpConfig } from './sitecore-xp-config.ts';
import type { SscApi, SscReadParams } from './ssc-api.ts';
import type { ItemMapOptions } from './map-ssc-item.ts';
import type { SscItem } from './ssc-schemas.ts';
import { normalizeGuid } from '../sitecore/shared/index.ts';
import { notFoundError } from './ssc-errors.ts';
import type { ChildListSnapshots } from './child-list-snapshots.ts';

/** What every part of the client shares. */
export interface XpContext {
  api: SscApi;
  config: SitecoreXpConfig;
  adapter: string;
  logger: Logger;
  /** Child lists kept between the pages of one listing (see child-list-snapshots.ts). */
  childLists: ChildListSnapshots;
}

export function readParams(ctx: XpContext, options: ReadOptions = {}, extra: Partial<SscReadParams> = {}): SscReadParams {
  const params: SscReadParams = { database: ctx.config.database, language: options.locale ?? ctx.config.language, ...extra };
  if (options.version !== undefined) params.version = options.version;
  if (options.fields && options.fields.length > 0) params.fields = options.fields;
  // Dates (__Created/__Updated) and other `__` fields only come with standard fields.
  if (options.includeSystemFields) params.includeStandardTemplateFields = true;
  return params;
}

export function mapOptions(ctx: XpContext, options: ReadOptions = {}): ItemMapOptions {
  return {
    baseUrl: ctx.config.url,
    ...(options.includeSystemFields ? { includeSystemFields: true } : {}),
    ...(options.fields ? { fields: options.fields } : {}),
    ...(options.includeRaw ? { includeRaw: true } : {}),
  };
}

/** An ItemRef as what SSC needs: a canonical id, or a path. A malformed id is the caller's mistake, not a "not found". */
export function parseRef(ref: ItemRef): { id: string } | { path: string } {
  if (ref.path !== undefined) return { path: ref.path };
  const raw = ref.id ?? '';
  if (raw.startsWith('/')) return { path: raw };
  const id = normalizeGuid(raw);
  if (!id) {
    throw new ConduitError('TOOL_INVALID_ARGS', `${quoted(raw)} is not a Sitecore item id (a GUID) or path.`, {
      hint: 'Pass a GUID such as 110d559f-dea5-42ea-9c1c-8a5df7e70ef9 (braces and dashes optional) or a path such as /sitecore/content/Home.',
    });
  }
  return { id };
}

export function refLabel(ref: ItemRef): string {
  return ref.id ?? ref.path ?? '';
}

/** One item by id or path; null only on 404. */
export function fetchItem(ctx: XpContext, ref: ItemRef, params: SscReadParams, signal?: AbortSignal): Promise<SscItem | null> {
  const parsed = parseRef(ref);
  return 'id' in parsed ? ctx.api.getItemById(parsed.id, params, signal) : ctx.api.getItemByPath(parsed.path, params, signal);
}

/** The canonical id of a ref, fetching the item only when the ref is a path; ADP_NOT_FOUND when missing. */
export async function resolveId(ctx: XpContext, ref: ItemRef, signal?: AbortSignal): Promise<string> {
  const parsed = parseRef(ref);
  if ('id' in parsed) return parsed.id;
  const item = await ctx.api.getItemByPath(parsed.path, { database: ctx.config.database, language: ctx.config.language, fields: ['ItemID'] }, signal);
  if (!item) throw notFoundError({ adapter: ctx.adapter, operation: 'getItem', path: '/sitecore/api/ssc/item/', target: parsed.path });
  return normalizeGuid(item.ItemID) ?? item.ItemID;
}

/** Cursors are opaque to callers; the prefix keeps a listing cursor from being fed to a search. */
export function encodeCursor(kind: 'o' | 'p', n: number): string {
  return `${kind}${n}`;
}

export function decodeCursor(kind: 'o' | 'p', cursor: string | undefined): number {
  if (cursor === undefined || cursor === '') return 0;
  const m = /^([op])(\d{1,9})$/.exec(cursor);
  if (!m || m[1] !== kind) {
    throw new ConduitError('TOOL_CURSOR_INVALID', `The cursor "${cursor.slice(0, 40)}" does not belong to this listing.`, {
      hint: 'Pass back the nextCursor of the previous page unchanged, or omit the cursor to start again.',
    });
  }
  return Number.parseInt(m[2] ?? '0', 10);
}

export function clampLimit(limit: number | undefined, fallback: number, max: number): number {
  if (limit === undefined || !Number.isFinite(limit)) return fallback;
  return Math.min(Math.max(Math.trunc(limit), 1), max);
}
