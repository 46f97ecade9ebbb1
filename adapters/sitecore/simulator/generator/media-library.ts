import { ITEM_IDS, TEMPLATE_IDS } from '../../shared/well-known-ids.ts';
import type { SimItem } from '../tree/sim-item.ts';
import { addItem, mustGet, type GenContext } from './gen-context.ts';
import { braced } from './field-values.ts';
import { ensurePath } from './scaffold-system.ts';

const MEDIA_FOLDER = TEMPLATE_IDS.mediaFolder;
const PER_FOLDER = 60;
export const IMAGE_CATEGORIES = ['Products', 'People', 'Events', 'Banners', 'Icons'] as const;
export const DOCUMENT_CATEGORIES = ['Brochures', 'Reports'] as const;

export interface MediaSpec {
  name: string;
  kind: 'image' | 'document';
  size: number;
  alt?: string;
}

/** Fields of a media item as the Unversioned Jpeg / File templates store them. */
export function mediaFields(ctx: GenContext, spec: MediaSpec): Record<string, string> {
  const common = { 'Blob': braced(ctx.rng.guid()), 'File Path': '', 'Size': String(spec.size), 'Title': spec.name, 'Keywords': '', 'Description': '' };
  if (spec.kind === 'document') return { ...common, 'Extension': 'pdf', 'Mime Type': 'application/pdf' };
  const width = ctx.rng.pick([320, 640, 800, 1200, 1600, 1920]);
  const height = Math.round(width * ctx.rng.pick([0.5, 0.5625, 0.75, 1]));
  return { ...common, 'Extension': 'jpg', 'Mime Type': 'image/jpeg', 'Alt': spec.alt ?? spec.name.replaceAll('-', ' '),
    'Width': String(width), 'Height': String(height), 'Dimensions': `${width} x ${height}`, 'Artist': '', 'Copyright': '© Acme', 'Make': '', 'Model': '', 'Software': '' };
}

export function addMediaItem(ctx: GenContext, folder: SimItem, spec: MediaSpec, id?: string): SimItem {
  const template = spec.kind === 'image' ? TEMPLATE_IDS.unversionedJpeg : TEMPLATE_IDS.unversionedFile;
  return addItem(ctx, folder, spec.name, template, { ...(id ? { id } : {}), shared: mediaFields(ctx, spec) });
}

export function mediaCategoryFolder(ctx: GenContext, category: string): SimItem {
  const kind = (DOCUMENT_CATEGORIES as readonly string[]).includes(category) ? 'Documents' : 'Images';
  return ensurePath(ctx, mustGet(ctx, ITEM_IDS.mediaLibrary), `Project/Acme/${kind}/${category}`, MEDIA_FOLDER);
}

/** Baseline media: `count` images and documents in category folders of at most 60 items. */
export function scaffoldMedia(ctx: GenContext, count: number): void {
  const categories = [...IMAGE_CATEGORIES, ...IMAGE_CATEGORIES, ...DOCUMENT_CATEGORIES];
  const setFolders = new Map<string, SimItem>();
  for (let i = 0; i < count; i++) {
    const category = categories[i % categories.length] ?? 'Products';
    const kind = (DOCUMENT_CATEGORIES as readonly string[]).includes(category) ? 'document' : 'image';
    let folder = setFolders.get(category);
    if (!folder || folder.childIds.length >= PER_FOLDER) {
      const parent = mediaCategoryFolder(ctx, category);
      folder = addItem(ctx, parent, `Set ${String(parent.childIds.length + 1).padStart(2, '0')}`, MEDIA_FOLDER);
      setFolders.set(category, folder);
    }
    const stem = kind === 'document' ? `${category.toLowerCase().slice(0, -1)}` : category.toLowerCase();
    const name = `${stem}-${String(i + 1).padStart(4, '0')}`;
    const size = kind === 'document' ? ctx.rng.int(40_000, 200_000) : ctx.rng.int(8_000, 200_000);
    const id = addMediaItem(ctx, folder, { name, kind, size }).id;
    (kind === 'document' ? ctx.documents : ctx.media).push(id);
  }
}
