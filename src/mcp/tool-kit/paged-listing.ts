import type { Page } from '../../core/content-model.ts';
import { budgetNote, fitRecord, itemsThatFit, jsonSize, type FittedRecord, type ResponseBudget } from './response-budget.ts';
import { decodeCursor, encodeCursor, queryHash } from './tool-cursor.ts';

export interface ListingRequest {
  tool: string;
  adapter: string;
  /** The opaque cursor the client passed back, if any. */
  cursor: string | undefined;
  /** The arguments that decide which items the listing holds (not the page size or projection). */
  query: Record<string, unknown>;
}

export interface Listing<T> {
  [key: string]: unknown;
  adapter: string;
  items: T[];
  nextCursor?: string;
  total?: number;
  truncated?: boolean;
  truncatedFields?: string[];
  note?: string;
}

type Fit<T> = (item: T, maxChars: number) => FittedRecord<T>;

/**
 * One page of a listing tool. The adapter's cursor is wrapped in an opaque
 * one bound to the adapter and the query; a page over the response budget is
 * cut and its cursor resumes at the first item left out, on the same
 * adapter page.
 */
export async function pagedListing<T>(
  request: ListingRequest, budget: ResponseBudget, fetchPage: (adapterCursor: string | undefined) => Promise<Page<T>>, fit: Fit<T>,
): Promise<Listing<T>> {
  const hash = queryHash(request.tool, request.query);
  const state = request.cursor === undefined ? { adapter: request.adapter, skip: 0 } : decodeCursor(request.cursor, { adapter: request.adapter, hash });
  const page = await fetchPage(state.page);
  const items = page.items.slice(state.skip);
  const envelope = { adapter: request.adapter, ...(page.total === undefined ? {} : { total: page.total }) };
  let count = itemsThatFit(envelope, items, budget);
  if (count === items.length) {
    const next = page.nextCursor === undefined ? undefined : encodeCursor({ adapter: request.adapter, page: page.nextCursor, skip: 0 }, hash);
    return { ...envelope, items, ...(next === undefined ? {} : { nextCursor: next }) };
  }
  let kept: T[] = items.slice(0, count);
  let truncatedFields: string[] = [];
  const first = items[0];
  if (count === 0 && first !== undefined) {
    // Not even one item fits: return the first one with shortened fields rather than nothing.
    const fitted = fit(first, budget.chars - jsonSize(envelope) - 600);
    kept = [fitted.value];
    truncatedFields = fitted.truncatedFields;
    count = 1;
  }
  const nextCursor = encodeCursor({ adapter: request.adapter, ...(state.page === undefined ? {} : { page: state.page }), skip: state.skip + count }, hash);
  const what = `returned ${count} of the ${items.length} items on this page${truncatedFields.length > 0 ? `, with shortened fields ${truncatedFields.join(', ')}` : ''}. `
    + 'Pass nextCursor as cursor for the rest, or ask for fewer fields with `fields` or a smaller `limit`.';
  return {
    ...envelope, items: kept, nextCursor, truncated: true,
    ...(truncatedFields.length > 0 ? { truncatedFields } : {}),
    note: budgetNote(budget, what),
  };
}

/** The default fit for records whose `fields` is a name → value map (content and media items). */
export function fitFieldsRecord<T extends { fields?: Record<string, unknown>; raw?: unknown }>(item: T, maxChars: number): FittedRecord<T> {
  return fitRecord(item, maxChars);
}
