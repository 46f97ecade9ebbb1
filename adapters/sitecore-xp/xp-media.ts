import type { MediaPart } from '../../src/adapter-kit/index.ts';
import { MEDIA_LIBRARY_PATH, toMediaItem } from './map-ssc-item.ts';
import { listChildren } from './xp-reads.ts';
import { fetchItem, mapOptions, readParams, type XpContext } from './xp-context.ts';

/**
 * Media library items (`/sitecore/media library`): the children of a media
 * folder (default: the library root), each with its media-handler URL, size,
 * mime type and alt text from the media template's fields. Folders appear too,
 * without a mime type.
 */
export function createMediaPart(ctx: XpContext): MediaPart {
  return {
    listMedia(query) {
      const options = mapOptions(ctx, query);
      return listChildren(ctx, query, { path: MEDIA_LIBRARY_PATH }, (item) => toMediaItem(item, options));
    },
    async getMedia(ref, options = {}) {
      // A field projection is not passed on: the media fields (Size, Mime Type, Alt, ...) are always needed.
      const item = await fetchItem(ctx, ref, readParams(ctx, { ...options, fields: [] }));
      return item ? toMediaItem(item, mapOptions(ctx, options)) : null;
    },
  };
}
