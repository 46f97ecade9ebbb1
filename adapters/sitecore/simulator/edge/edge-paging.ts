import { GraphQLError } from 'graphql';

/** Edge's documented default and maximum page sizes. */
export const EDGE_DEFAULT_FIRST = 10;
export const EDGE_MAX_FIRST = 1000;

/** Message of the Edge preview docs for `first` above the maximum. */
export const FIRST_TOO_LARGE_MESSAGE = "The 'first' value should not be greater than 1000";

export interface EdgePage<T> {
  total: number;
  pageInfo: { endCursor: string; hasNext: boolean };
  results: T[];
}

/** Cursors are base64 of the offset after the page ("NQ==" = "5"), as in Sitecore's recorded search response. */
export function encodeEdgeCursor(offset: number): string {
  return Buffer.from(String(offset), 'utf8').toString('base64');
}

export function decodeEdgeCursor(after: string): number {
  const decoded = Buffer.from(after, 'base64').toString('utf8');
  if (!/^\d+$/.test(decoded)) throw new GraphQLError(`Invalid cursor value "${after}".`);
  return Number(decoded);
}

/** One page of `all` for `first`/`after`; field errors become GraphQL errors with partial data. */
export function edgePage<T>(all: readonly T[], first: number | null | undefined, after: string | null | undefined): EdgePage<T> {
  const size = first ?? EDGE_DEFAULT_FIRST;
  if (size > EDGE_MAX_FIRST) throw new GraphQLError(FIRST_TOO_LARGE_MESSAGE);
  if (size < 0) throw new GraphQLError("The 'first' value should not be negative");
  const offset = after === null || after === undefined || after === '' ? 0 : decodeEdgeCursor(after);
  const results = all.slice(offset, offset + size);
  const end = Math.min(offset + results.length, all.length);
  return {
    total: all.length,
    pageInfo: { endCursor: encodeEdgeCursor(end), hasNext: end < all.length },
    results,
  };
}
