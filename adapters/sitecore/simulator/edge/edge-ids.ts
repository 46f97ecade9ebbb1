/**
 * GUID spellings on the Edge surface. Items are keyed by the canonical
 * lower-case dashed spelling; Edge prints them with .NET format strings
 * (`id(format: "N")` is the default). Sitecore prints IDs upper-case, so the
 * simulator does too; the letter case of real Edge output is NOT verified and
 * clients must compare case-insensitively.
 */
import { normalizeGuid } from '../../shared/index.ts';

/** Canonical lower-case dashed GUID for any of the usual spellings, or undefined. */
export function edgeCanonicalId(value: string): string | undefined {
  return normalizeGuid(value) ?? undefined;
}

/** Formats a canonical id like .NET `Guid.ToString(format)` (N, D, B, P), upper-case as Sitecore prints IDs. */
export function formatEdgeId(canonical: string, format: string | null | undefined): string {
  const dashed = canonical.toUpperCase();
  switch ((format ?? 'N').toUpperCase()) {
    case 'D': return dashed;
    case 'B': return `{${dashed}}`;
    case 'P': return `(${dashed})`;
    default: return dashed.replace(/-/g, '');
  }
}
