import type { ContentType } from '../../core/content-model.ts';
import { jsonSize, type FittedRecord } from './response-budget.ts';

/** Fits a content type into `maxChars`: drops the vendor payload, then keeps as many fields as fit. */
export function fitType(type: ContentType, maxChars: number): FittedRecord<ContentType> {
  if (jsonSize(type) <= maxChars) return { value: type, truncatedFields: [] };
  const { raw: _raw, ...rest } = type;
  if (jsonSize(rest) <= maxChars) return { value: rest, truncatedFields: [] };
  let size = jsonSize({ ...rest, fields: [] });
  let keep = 0;
  for (const field of rest.fields) {
    size += jsonSize(field) + 1;
    if (size > maxChars) break;
    keep++;
  }
  return { value: { ...rest, fields: rest.fields.slice(0, keep) }, truncatedFields: ['fields'] };
}
