/**
 * Sitecore's default item-name rules (reference §4.3): `ItemNameValidation`,
 * `InvalidItemNameChars` and `MaxItemNameLength`. Names created through the API
 * or imports bypass the editor's check, so an audit re-applies them.
 */

// .NET's \w includes Unicode letters and digits; \p{L}\p{N}_ is the same set in JavaScript.
const ITEM_NAME_PATTERN = /^[\p{L}\p{Mn}\p{Nd}\p{Pc}*$][\p{L}\p{Mn}\p{Nd}\p{Pc}\s\-$]*(\(\d+\))?$/u;
export const INVALID_ITEM_NAME_CHARS = ['\\', '/', ':', '?', '"', '<', '>', '|', '[', ']'] as const;
export const MAX_ITEM_NAME_LENGTH = 100;

/** Why `name` breaks the default naming rules, or null when it is valid. */
export function itemNameProblem(name: string): string | null {
  if (name.length === 0) return 'empty name';
  if (name.length > MAX_ITEM_NAME_LENGTH) return `longer than ${MAX_ITEM_NAME_LENGTH} characters`;
  const bad = INVALID_ITEM_NAME_CHARS.find((c) => name.includes(c));
  if (bad !== undefined) return `contains the invalid character ${JSON.stringify(bad)}`;
  if (!ITEM_NAME_PATTERN.test(name)) return 'does not match ItemNameValidation';
  return null;
}

export function isValidItemName(name: string): boolean {
  return itemNameProblem(name) === null;
}
