/**
 * Field names of Sitecore's Standard template (the `__` fields every item
 * inherits). SSC includes them only with includeStandardTemplateFields=true.
 * Which of them are shared decides where the generator stores their values.
 */
export const STANDARD_FIELDS: readonly string[] = [
  '__Display name', '__Icon', '__Sortorder', '__Hidden', '__Read Only', '__Style', '__Thumbnail', '__Subitems Sorting',
  '__Context Menu', '__Editor', '__Editors', '__Ribbon', '__Skin', '__Help link', '__Long description', '__Short description',
  '__Created', '__Created by', '__Updated', '__Updated by', '__Revision', '__Owner', '__Lock', '__Originator', '__Source', '__Source Item',
  '__Security', '__Workflow', '__Workflow state', '__Default workflow', '__Lock',
  '__Renderings', '__Final Renderings', '__Renderers', '__Controller', '__Controller Action', '__Preview',
  '__Standard values', '__Masters', '__Insert Rules', '__Tracking', '__Semantics', '__Bucketable', '__Is Bucket',
  '__Never publish', '__Publish', '__Unpublish', '__Publishing groups', '__Valid from', '__Valid to', '__Hide version',
  '__Archive date', '__Archive Version date', '__Reminder date', '__Reminder recipients', '__Reminder text',
  '__Enable item fallback', '__Quick Action Bar Validation Rules', '__Validate Button Validation Rules', '__Workflow Validation Rules',
].filter((name, i, all) => all.indexOf(name) === i);

const SHARED = new Set([
  '__Icon', '__Sortorder', '__Hidden', '__Read Only', '__Style', '__Thumbnail', '__Subitems Sorting', '__Context Menu', '__Editor',
  '__Editors', '__Ribbon', '__Skin', '__Help link', '__Long description', '__Short description', '__Security', '__Default workflow',
  '__Renderings', '__Renderers', '__Controller', '__Controller Action', '__Preview', '__Standard values', '__Masters', '__Insert Rules',
  '__Tracking', '__Semantics', '__Bucketable', '__Is Bucket', '__Never publish', '__Publishing groups', '__Base template',
  '__Enable item fallback', '__Quick Action Bar Validation Rules', '__Validate Button Validation Rules', '__Workflow Validation Rules',
  '__Source', '__Source Item',
]);

/** Whether a standard field is shared (stored once for all languages and versions). */
export function isSharedStandardField(name: string): boolean {
  return SHARED.has(name);
}

/** SSC treats every `__` field as a standard field. */
export function isStandardFieldName(name: string): boolean {
  return name.startsWith('__');
}
