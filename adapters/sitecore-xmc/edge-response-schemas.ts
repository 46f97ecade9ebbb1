import { z } from 'zod';

/**
 * zod shapes of Edge responses. Only what the adapter reads is required;
 * unknown keys pass (Edge adds fields over time).
 */
export const edgeErrorSchema = z.looseObject({
  message: z.string(),
  path: z.array(z.union([z.string(), z.number()])).optional(),
  locations: z.array(z.looseObject({ line: z.number(), column: z.number() })).optional(),
  extensions: z.record(z.string(), z.unknown()).optional(),
});
export type EdgeGraphqlError = z.infer<typeof edgeErrorSchema>;

/** The GraphQL-over-HTTP envelope: data may be null or partial when errors[] is present. */
export const edgeEnvelopeSchema = z.looseObject({
  data: z.record(z.string(), z.unknown()).nullish(),
  errors: z.array(edgeErrorSchema).optional(),
});

export const edgeFieldSchema = z.looseObject({
  name: z.string(),
  value: z.string().nullish(),
  jsonValue: z.unknown().optional(),
});

export const edgeItemSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  displayName: z.string().nullish(),
  path: z.string(),
  version: z.number().int().optional(),
  hasChildren: z.boolean(),
  template: z.looseObject({ id: z.string(), name: z.string() }),
  url: z.looseObject({ path: z.string(), url: z.string() }).nullish(),
  language: z.looseObject({ name: z.string() }).nullish(),
  parent: z.looseObject({ id: z.string() }).nullish(),
  fields: z.array(edgeFieldSchema.nullable()),
});
export type EdgeItem = z.infer<typeof edgeItemSchema>;

const pageInfoSchema = z.looseObject({ hasNext: z.boolean(), endCursor: z.string() });

export const edgeResultsSchema = z.looseObject({
  total: z.number().int(),
  pageInfo: pageInfoSchema,
  results: z.array(edgeItemSchema.nullable()),
});
export type EdgeResults = z.infer<typeof edgeResultsSchema>;

export const healthDataSchema = z.looseObject({ item: z.looseObject({ id: z.string() }).nullable() });

export const getItemDataSchema = z.looseObject({ item: edgeItemSchema.nullable() });

export const itemLanguagesDataSchema = z.looseObject({
  item: z.looseObject({ languages: z.array(z.looseObject({ language: z.looseObject({ name: z.string() }) }).nullable()) }).nullable(),
});

export const childrenDataSchema = z.looseObject({
  item: z.looseObject({ id: z.string(), children: edgeResultsSchema }).nullable(),
});

export const searchDataSchema = z.looseObject({ search: edgeResultsSchema.nullable() });

export const templateScanDataSchema = z.looseObject({
  search: z.looseObject({
    total: z.number().int(),
    pageInfo: pageInfoSchema,
    results: z.array(z.looseObject({ template: z.looseObject({ id: z.string(), name: z.string() }) }).nullable()),
  }).nullable(),
});

export type TemplateScanData = z.infer<typeof templateScanDataSchema>;

const templateFieldSchema = z.looseObject({
  id: z.string().nullish(),
  name: z.string(),
  type: z.string(),
  section: z.string().nullish(),
  shared: z.boolean().nullish(),
});

export const edgeTemplateSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  fields: z.array(templateFieldSchema.nullable()).nullish(),
});
export type EdgeTemplate = z.infer<typeof edgeTemplateSchema>;

export const templateDetailDataSchema = z.looseObject({
  search: z.looseObject({
    results: z.array(z.looseObject({
      template: edgeTemplateSchema.extend({ baseTemplates: z.array(edgeTemplateSchema.nullable()).nullish() }),
    }).nullable()),
  }).nullable(),
});

export const layoutDataSchema = z.looseObject({
  layout: z.looseObject({
    item: z.looseObject({ id: z.string(), path: z.string(), rendered: z.unknown() }).nullable(),
  }).nullable(),
});
