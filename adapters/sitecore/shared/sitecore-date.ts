/**
 * Sitecore stores dates as `yyyyMMddTHHmmssZ` in UTC (`20190718T152234Z`); some
 * older Date fields omit the `Z` or the time. Parsed with a fixed-width pattern,
 * never Date.parse, so that malformed values are recognised as malformed.
 */

const SITECORE_DATE = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(?:Z)?)?$/;

/** Epoch ms of a Sitecore date string, or null when it is empty or malformed. */
export function parseSitecoreDate(value: string): number | null {
  const m = SITECORE_DATE.exec(value.trim());
  if (!m) return null;
  const [year, month, day, hour = 0, minute = 0, second = 0] = m.slice(1).map((p) => (p === undefined ? 0 : Number(p)));
  if (year === undefined || month === undefined || day === undefined) return null;
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls 31 Feb over into March; a real calendar date round-trips.
  if (new Date(ms).getUTCDate() !== day) return null;
  return ms;
}

/** Whether a non-empty value is a malformed date (empty means "no date" and is fine). */
export function isMalformedSitecoreDate(value: string): boolean {
  return value.trim() !== '' && parseSitecoreDate(value) === null;
}

const TWO_DIGITS: readonly string[] = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));

/** Formats epoch ms or a Date as `yyyyMMddTHHmmssZ` (years 0–9999). */
export function formatSitecoreDate(at: number | Date): string {
  const d = typeof at === 'number' ? new Date(at) : at;
  // Joined from parts: a flat string (the generator keeps hundreds of thousands of these).
  return [String(d.getUTCFullYear()).padStart(4, '0'), TWO_DIGITS[d.getUTCMonth() + 1], TWO_DIGITS[d.getUTCDate()], 'T',
    TWO_DIGITS[d.getUTCHours()], TWO_DIGITS[d.getUTCMinutes()], TWO_DIGITS[d.getUTCSeconds()], 'Z'].join('');
}

/** ISO 8601 form of a Sitecore date, or null when empty or malformed. */
export function sitecoreDateToIso(value: string): string | null {
  const ms = parseSitecoreDate(value);
  return ms === null ? null : new Date(ms).toISOString();
}
