/**
 * Spelling converters for ids the generator made itself (always canonical), so
 * the hot path skips the validating converters of shared/guid.ts.
 */
export function bracedId(canonicalId: string): string {
  // toUpperCase of the whole string yields one flat string instead of a three-part rope.
  return `{${canonicalId}}`.toUpperCase();
}

export function compactId(canonicalId: string): string {
  return canonicalId.replaceAll('-', '').toUpperCase();
}
