import { z } from 'zod';
import { ARGUMENT_LIMITS, idString } from '../tool-kit/tool-input.ts';

/**
 * Output shapes of Conduit's normalised content model (src/core/content-model.ts)
 * as tools return them. Objects are loose so an adapter adding a property
 * never makes a result fail its own output schema.
 */
export const contentItemSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  path: z.string().optional(),
  displayName: z.string().optional(),
  type: z.looseObject({ id: z.string().optional(), name: z.string().optional() }),
  locale: z.string().optional(),
  version: z.number().optional(),
  parentId: z.string().optional(),
  hasChildren: z.boolean().optional(),
  fields: z.record(z.string(), z.unknown()).describe('Field values by field name'),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
  references: z.array(z.looseObject({
    targetId: z.string().optional(), targetPath: z.string().optional(), kind: z.string(), field: z.string(),
  })).optional(),
  url: z.string().optional(),
});

export const mediaItemSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  path: z.string().optional(),
  url: z.string().optional(),
  mimeType: z.string().optional(),
  sizeBytes: z.number().optional(),
  alt: z.string().optional(),
  width: z.number().optional(),
  height: z.number().optional(),
  updatedAt: z.string().optional(),
});

export const contentTypeSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  path: z.string().optional(),
  baseTypes: z.array(z.string()).optional(),
  fields: z.array(z.looseObject({
    name: z.string(), type: z.string().optional(), id: z.string().optional(), section: z.string().optional(),
    required: z.boolean().optional(), shared: z.boolean().optional(),
  })),
});

/** What every budget-cut result adds: whether it was cut, and a note saying how to get the rest. */
export const cutShape = {
  truncated: z.boolean().optional().describe('True when the result was cut to fit the response budget'),
  truncatedFields: z.array(z.string()).optional().describe('Fields whose values were shortened'),
  note: z.string().optional(),
};

/** The success shape of a listing tool. */
export function listOutput<T extends z.ZodType>(item: T) {
  return z.object({
    adapter: z.string(),
    items: z.array(item),
    nextCursor: z.string().optional().describe('Pass back as `cursor` for the next page; absent on the last page'),
    total: z.number().optional().describe('Total matches when the CMS reports one'),
    ...cutShape,
  });
}

export const fieldsArg = z.array(idString()).min(1).max(ARGUMENT_LIMITS.fieldNames).optional()
  .describe('Only return these fields (projection); keeps results small');
export const localeArg = idString().optional().describe('Language/locale, e.g. "en" (the adapter default when left out)');
export const cursorArg = z.string().min(1).max(ARGUMENT_LIMITS.cursor).optional().describe('The nextCursor of the previous page, unchanged');
export const limitArg = z.number().int().min(1).max(500).optional().describe('Items per page (the adapter default when left out)');
