import { z } from 'zod';
import { isGuid } from '../sitecore/shared/index.ts';

/**
 * zod shapes of what the SSC Item Service sends. Every ItemModel value is
 * documented as a string (`"HasChildren":"True"`) with `CloneSource` null;
 * numbers and booleans are accepted too because older Sitecore builds and
 * proxies have been seen to send them, and the mapper turns them into strings.
 */
const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const guidLike = z.string().refine(isGuid, 'expected a GUID');

export const sscItemSchema = z.object({
  ItemID: guidLike,
  ItemName: z.string(),
  ItemPath: z.string(),
  ParentID: scalar.optional(),
  TemplateID: scalar.optional(),
  TemplateName: scalar.optional(),
  ItemLanguage: scalar.optional(),
  ItemVersion: scalar.optional(),
  DisplayName: scalar.optional(),
  HasChildren: scalar.optional(),
}).catchall(scalar);

export type SscItem = z.infer<typeof sscItemSchema>;

/** `/item/{id}/children`: a bare array, no envelope, no paging. */
export const sscChildrenSchema = z.array(sscItemSchema);

/**
 * `/item/search`. `TotalCount` counts items the caller cannot read (they are
 * dropped from `Results` only); `Links` and `Facets` have no verified inner
 * shape, so they stay opaque.
 */
export const sscSearchSchema = z.object({
  TotalCount: z.number().int().nonnegative(),
  TotalPage: z.number().int().nonnegative(),
  Links: z.array(z.unknown()).nullish(),
  Facets: z.array(z.unknown()).nullish(),
  Results: z.array(sscItemSchema),
});

export type SscSearchResult = z.infer<typeof sscSearchSchema>;

/** ASP.NET Web API error body, e.g. `{"Message":"An error has occurred."}`. */
export const sscErrorBodySchema = z.looseObject({
  Message: z.string().optional(),
  ExceptionMessage: z.string().optional(),
  ExceptionType: z.string().optional(),
});

/** Metadata keys of an ItemModel: everything else is a field named by its field name. */
export const SSC_METADATA_KEYS: ReadonlySet<string> = new Set([
  'ItemID', 'ItemName', 'ItemPath', 'ParentID', 'TemplateID', 'TemplateName', 'CloneSource', 'ItemLanguage',
  'ItemVersion', 'DisplayName', 'HasChildren', 'ItemIcon', 'ItemMedialUrl', 'ItemUrl',
]);
