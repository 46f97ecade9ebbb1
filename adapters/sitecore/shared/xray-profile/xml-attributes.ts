/** Small, tolerant readers for the XML fragments Sitecore stores in fields (never a full XML parser). */

const ATTRIBUTE = /([\w:.-]+)\s*=\s*"([^"]*)"/g;

export function decodeXmlText(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(amp|quot|lt|gt|apos|#\d+|#x[0-9a-f]+);/gi, (whole, entity: string) => {
    const e = entity.toLowerCase();
    if (e === 'amp') return '&';
    if (e === 'quot') return '"';
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'apos') return "'";
    const code = e.startsWith('#x') ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Attributes of one start tag's text (`name="value"` pairs), decoded; the first of a repeated name wins. */
export function readAttributes(tagText: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tagText.matchAll(ATTRIBUTE)) {
    const name = m[1] ?? '';
    if (!out.has(name)) out.set(name, decodeXmlText(m[2] ?? ''));
  }
  return out;
}

/** URL-decodes rendering parameters; a malformed escape keeps its raw text instead of failing the whole value. */
export function decodeUrlComponentSafe(value: string): string {
  return value.replace(/(%[0-9a-f]{2})+/gi, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      // An invalid UTF-8 sequence: keep it as written, it holds no GUID either way.
      return run;
    }
  }).replaceAll('+', ' ');
}

/**
 * Whether a value is exactly one well-formed, self-closing element of one of
 * `names` (`<link a="…" … />`): what a General Link, Image or File field must
 * hold. Attribute values may not contain `<` or `"`.
 */
export function isSingleSelfClosingElement(value: string, names: readonly string[]): boolean {
  const m = /^<([a-z]+)((?:\s+[\w:.-]+="[^"<]*")*)\s*\/>$/i.exec(value.trim());
  return m !== null && names.includes((m[1] ?? '').toLowerCase());
}
