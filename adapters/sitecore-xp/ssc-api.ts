import type { z } from 'zod';
import type { HttpResponse } from '../../src/adapter-kit/index.ts';
import { badResponseError, sscFailure, type FailureContext } from './ssc-errors.ts';
import type { SscSession } from './ssc-session.ts';
import { sscChildrenSchema, sscItemSchema, sscSearchSchema, type SscItem, type SscSearchResult } from './ssc-schemas.ts';
import { normalizeGuid } from '../sitecore/shared/index.ts';

export const ITEM_PATH = '/sitecore/api/ssc/item';

export interface SscReadParams {
  database: string;
  language: string;
  version?: number;
  /** Projection; the metadata keys the mapper needs are always added. */
  fields?: string[];
  includeStandardTemplateFields?: boolean;
}

export interface SscSearchParams extends SscReadParams {
  term: string;
  /** Zero-based. */
  page: number;
  pageSize: number;
}

/** Metadata keys requested alongside a field projection so an item can still be mapped. */
const PROJECTION_METADATA = ['ItemID', 'ItemName', 'ItemPath', 'ParentID', 'TemplateID', 'TemplateName',
  'ItemLanguage', 'ItemVersion', 'DisplayName', 'HasChildren', 'ItemUrl'];

function readQuery(p: SscReadParams): Record<string, string | number | boolean | undefined> {
  const fields = p.fields && p.fields.length > 0 ? [...new Set([...PROJECTION_METADATA, ...p.fields])].join(',') : undefined;
  return {
    database: p.database,
    language: p.language,
    version: p.version,
    fields,
    includeStandardTemplateFields: p.includeStandardTemplateFields ? true : undefined,
  };
}

function summarise(error: z.ZodError): string {
  return error.issues.slice(0, 3).map((i) => `${i.path.map(String).join('.') || '(body)'}: ${i.message}`).join('; ');
}

function parseBody<T>(res: HttpResponse, schema: z.ZodType<T>, ctx: FailureContext): T {
  const parsed = schema.safeParse(res.json());
  if (!parsed.success) throw badResponseError(ctx, summarise(parsed.error), parsed.error);
  return parsed.data;
}

/** Path segment for writes: the parent path goes URL-encoded into the URL, without its leading slash. */
export function encodedItemPath(path: string): string {
  return encodeURIComponent(path.replace(/^\/+/, ''));
}

/** The new item's id from a create's `Location: http://host/sitecore/api/ssc/item/<id>?Database=…`. */
export function idFromLocation(location: string | null): string | undefined {
  if (!location) return undefined;
  const segment = /\/item\/([^/?#]+)/i.exec(location)?.[1];
  return segment ? normalizeGuid(decodeURIComponent(segment)) ?? undefined : undefined;
}

interface ApiDeps {
  session: SscSession;
  signalFor(signal?: AbortSignal): AbortSignal;
  ctx(operation: string, path: string, target?: string): FailureContext;
}

function readCalls({ session, signalFor, ctx }: ApiDeps) {
  async function getItem(path: string, query: Record<string, string | number | boolean | undefined>, target: string, signal?: AbortSignal): Promise<SscItem | null> {
    const res = await session.send({ method: 'GET', path, query, operation: 'getItem', acceptStatus: [404], signal: signalFor(signal) });
    if (res.status === 404) return null;
    return parseBody(res, sscItemSchema, ctx('getItem', path, target));
  }
  return {
    /** null only on 404 (missing, or not readable by the account). */
    getItemById(id: string, params: SscReadParams, signal?: AbortSignal): Promise<SscItem | null> {
      return getItem(`${ITEM_PATH}/${id}`, readQuery(params), id, signal);
    },
    getItemByPath(itemPath: string, params: SscReadParams, signal?: AbortSignal): Promise<SscItem | null> {
      return getItem(`${ITEM_PATH}/`, { path: itemPath, ...readQuery(params) }, itemPath, signal);
    },
    /** The whole child list (SSC does not page it); 404 → ADP_NOT_FOUND naming the parent. */
    async getChildren(id: string, params: SscReadParams, signal?: AbortSignal): Promise<SscItem[]> {
      const path = `${ITEM_PATH}/${id}/children`;
      const res = await session.send({ method: 'GET', path, query: readQuery(params), operation: 'getChildren', acceptStatus: [404], signal: signalFor(signal) });
      if (res.status === 404) throw sscFailure(404, res.text, ctx('getChildren', path, id));
      return parseBody(res, sscChildrenSchema, ctx('getChildren', path, id));
    },
    async search(params: SscSearchParams, signal?: AbortSignal): Promise<SscSearchResult> {
      const path = `${ITEM_PATH}/search`;
      const query = { ...readQuery(params), term: params.term, page: params.page, pageSize: params.pageSize };
      const res = await session.send({ method: 'GET', path, query, operation: 'search', signal: signalFor(signal) });
      return parseBody(res, sscSearchSchema, ctx('search', path));
    },
  };
}

/** Writes are sent once (idempotent: false), so the HTTP client never retries them. */
function writeCalls({ session, signalFor, ctx }: ApiDeps) {
  return {
    /** POST to the URL-encoded parent path; 201 + Location. Returns the new id. */
    async create(parentPath: string, body: Record<string, string>, params: { database: string; language: string }, signal?: AbortSignal): Promise<string> {
      const path = `${ITEM_PATH}/${encodedItemPath(parentPath)}`;
      const res = await session.send({
        method: 'POST', path, query: { database: params.database, language: params.language }, body, idempotent: false,
        operation: 'createItem', acceptStatus: [400, 404, 409, 500], signal: signalFor(signal),
      });
      if (res.status !== 201 && res.status !== 200) throw sscFailure(res.status, res.text, ctx('createItem', path, parentPath));
      const id = idFromLocation(res.headers.get('location'));
      if (!id) throw badResponseError(ctx('createItem', path), `HTTP ${res.status} without a Location header naming the new item`);
      return id;
    },
    /** PATCH; 204. */
    async update(id: string, body: Record<string, string>, params: SscReadParams, signal?: AbortSignal): Promise<void> {
      const path = `${ITEM_PATH}/${id}`;
      const res = await session.send({
        method: 'PATCH', path, query: readQuery(params), body, idempotent: false,
        operation: 'updateItem', acceptStatus: [400, 404, 500], signal: signalFor(signal),
      });
      if (res.status < 200 || res.status > 299) throw sscFailure(res.status, res.text, ctx('updateItem', path, id));
    },
    /** DELETE; 204. 404 → ADP_NOT_FOUND. */
    async remove(id: string, params: { database: string }, signal?: AbortSignal): Promise<void> {
      const path = `${ITEM_PATH}/${id}`;
      const res = await session.send({
        method: 'DELETE', path, query: { database: params.database }, idempotent: false,
        operation: 'deleteItem', acceptStatus: [404, 500], signal: signalFor(signal),
      });
      if (res.status < 200 || res.status > 299) throw sscFailure(res.status, res.text, ctx('deleteItem', path, id));
    },
  };
}

/** Thin typed calls to the SSC Item Service: status handling and zod parsing, nothing cached. */
export function createSscApi(session: SscSession, adapter: string, lifetime: AbortSignal) {
  const deps: ApiDeps = {
    session,
    signalFor: (signal) => (signal ? AbortSignal.any([lifetime, signal]) : lifetime),
    ctx: (operation, path, target) => ({ adapter, operation, path, ...(target ? { target } : {}) }),
  };
  return { ...readCalls(deps), ...writeCalls(deps) };
}

export type SscApi = ReturnType<typeof createSscApi>;
