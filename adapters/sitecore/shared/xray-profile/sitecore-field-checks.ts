import type { FieldIssue, ProfileItem } from '../../../../src/adapter-kit/index.ts';
import { normalizeGuid, splitGuidList } from '../guid.ts';
import { parseSitecoreDate } from '../sitecore-date.ts';
import { GUID_STANDARD_FIELDS, type FieldResolver } from './sitecore-field-types.ts';

/**
 * Raw values that break their field type's storage format (simulator README,
 * invalid-field): dates not `yyyyMMdd[THHmmss[Z]]`; General Link/Image/File
 * values (or values starting `<link`/`<image`) that are not one well-formed
 * self-closing element; Droplink/Multilist-style fields and the GUID standard
 * fields with an entry that is not a braced GUID; and fields with a Required
 * validator left empty.
 */
const BRACED_ONE = /^\{[^}]+\}$/;
const SINGLE_ELEMENT = /^<(link|image|file)((?:\s+[\w:.-]+="[^"<]*")*)\s*\/>$/i;

/** One well-formed self-closing `<link>`, `<image>` or `<file>` element; attribute values hold no `<` or `"`. */
export function isSingleLinkElement(value: string): boolean {
  return SINGLE_ELEMENT.test(value.trim());
}

function badGuidEntry(value: string): string | undefined {
  return splitGuidList(value).find((entry) => !BRACED_ONE.test(entry) || normalizeGuid(entry) === null);
}

export function fieldIssues(resolve: FieldResolver, item: ProfileItem): FieldIssue[] {
  const out: FieldIssue[] = [];
  const fields = item.fields;
  const typeOf = resolve(item.templateId);
  // for…in, not Object.entries: this runs for every field of every item, and the pairs array is garbage.
  for (const field in fields) {
    const value = fields[field] ?? '';
    const resolved = typeOf(field, value);
    if (value === '' || value.trim() === '') {
      if (resolved.required) out.push({ field, kind: 'required-empty', value, detail: 'the field has a Required validator but no value' });
      continue;
    }
    if (resolved.family === 'date' && parseSitecoreDate(value) === null) {
      out.push({ field, kind: 'malformed-date', value, detail: 'not a Sitecore date (yyyyMMddTHHmmssZ)' });
    }
    const looksLikeLinkXml = value.startsWith('<link') || value.startsWith('<image');
    if ((resolved.family === 'link-xml' || looksLikeLinkXml) && !isSingleLinkElement(value)) {
      out.push({ field, kind: 'malformed-link-xml', value, detail: 'not one well-formed self-closing <link>, <image> or <file> element' });
    }
    if (resolved.family === 'id' || resolved.family === 'id-list' || GUID_STANDARD_FIELDS.has(field)) {
      const bad = badGuidEntry(value);
      if (bad !== undefined) out.push({ field, kind: 'malformed-guid', value: bad, detail: 'an entry is not a braced GUID' });
    }
  }
  return out;
}
