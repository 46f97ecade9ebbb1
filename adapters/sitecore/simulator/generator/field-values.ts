import { bracedId as toBracedGuid, compactId as toCompactGuid } from './fast-guid.ts';
import { xmlAttr } from './layout-xml.ts';

/** Raw field encodings (reference §3): the exact strings Sitecore stores. */

/** Joins parts into one flat string (template literals build ropes, which cost memory when kept). */
function cat(...parts: string[]): string {
  return parts.join('');
}

export const braced = toBracedGuid;

export function guidList(ids: readonly string[]): string {
  return ids.map((id) => toBracedGuid(id)).join('|');
}

export function internalLink(targetId: string, text: string): string {
  return cat('<link text="', xmlAttr(text), '" linktype="internal" class="" title="" target="" querystring="" id="', toBracedGuid(targetId), '" />');
}

export function externalLink(url: string, text: string): string {
  return cat('<link text="', xmlAttr(text), '" linktype="external" url="', xmlAttr(url), '" anchor="" target="_blank" />');
}

export function mediaLink(mediaId: string, mediaPath: string, text: string): string {
  return cat('<link text="', xmlAttr(text), '" linktype="media" url="', xmlAttr(mediaPath), '" title="" target="_blank" id="', toBracedGuid(mediaId), '" />');
}

export function imageField(mediaId: string, alt: string, legacyPath?: string): string {
  if (legacyPath !== undefined) {
    return cat('<image mediaid="', toBracedGuid(mediaId), '" mediapath="', xmlAttr(legacyPath), '" src="~/media/', toCompactGuid(mediaId), '.ashx" alt="', xmlAttr(alt), '" />');
  }
  return cat('<image mediaid="', toBracedGuid(mediaId), '" alt="', xmlAttr(alt), '" />');
}

/** Rich Text item link: the unresolved dynamic link Sitecore stores. */
export function richTextLink(targetId: string, text: string): string {
  return cat('<a href="~/link.aspx?_id=', toCompactGuid(targetId), '&amp;_z=z">', text, '</a>');
}

/** Rich Text image: `-/media/<32HEX>.ashx` (or the older `~/media/` prefix). */
export function richTextImage(mediaId: string, alt: string, prefix: '-' | '~' = '-'): string {
  return cat('<img src="', prefix, '/media/', toCompactGuid(mediaId), '.ashx?h=200&amp;w=300&amp;la=en" alt="', xmlAttr(alt), '" />');
}

/** Sitecore's URL form of a dynamic item link (ItemUrl metadata). */
export function dynamicItemUrl(id: string): string {
  return cat('~/link.aspx?_id=', toCompactGuid(id), '&amp;_z=z');
}
