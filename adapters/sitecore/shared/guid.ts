/**
 * Sitecore writes one GUID three ways (reference §1.6): SSC metadata uses
 * lower-case dashed (`110d559f-dea5-…`), raw field values use upper-case braced
 * (`{110D559F-DEA5-…}`), and dynamic links / media URLs / the index use 32 hex
 * digits without dashes. Everything in Conduit keys on the canonical form:
 * lower-case, dashed, no braces.
 */

const DASHED = /^\{?([0-9a-fA-F]{8})-([0-9a-fA-F]{4})-([0-9a-fA-F]{4})-([0-9a-fA-F]{4})-([0-9a-fA-F]{12})\}?$/;
const COMPACT = /^\{?([0-9a-fA-F]{32})\}?$/;

/** The canonical spelling of any GUID spelling, or null when `value` is not a GUID. */
export function normalizeGuid(value: string): string | null {
  const text = value.trim();
  const dashed = DASHED.exec(text);
  if (dashed) {
    if (text.startsWith('{') !== text.endsWith('}')) return null;
    return dashed.slice(1, 6).join('-').toLowerCase();
  }
  const compact = COMPACT.exec(text);
  if (compact?.[1]) {
    if (text.startsWith('{') !== text.endsWith('}')) return null;
    const h = compact[1].toLowerCase();
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
  return null;
}

export function isGuid(value: string): boolean {
  return normalizeGuid(value) !== null;
}

function canonicalOrThrow(value: string): string {
  const id = normalizeGuid(value);
  if (id === null) throw new TypeError(`not a GUID: ${JSON.stringify(value)}`);
  return id;
}

/** `{110D559F-DEA5-42EA-9C1C-8A5DF7E70EF9}`: the spelling of raw field values and layout XML. */
export function toBracedGuid(value: string): string {
  return `{${canonicalOrThrow(value).toUpperCase()}}`;
}

/** `110D559FDEA542EA9C1C8A5DF7E70EF9`: dynamic links and media URLs (upper case). */
export function toCompactGuid(value: string): string {
  return canonicalOrThrow(value).replaceAll('-', '').toUpperCase();
}

/** `110d559fdea542ea9c1c8a5df7e70ef9`: the content-search `_group`, `_path` and `_template` form. */
export function toIndexGuid(value: string): string {
  return canonicalOrThrow(value).replaceAll('-', '');
}

/** Splits a pipe-joined GUID list (Multilist, Treelist, `__Base template`); empty entries dropped. */
export function splitGuidList(value: string): string[] {
  return value.split('|').map((s) => s.trim()).filter((s) => s.length > 0);
}
