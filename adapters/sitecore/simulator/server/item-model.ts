import { TEMPLATE_IDS } from '../../shared/well-known-ids.ts';
import { dynamicItemUrl } from '../generator/field-values.ts';
import type { SimItem } from '../tree/sim-item.ts';
import type { SimTree } from '../tree/sim-tree.ts';

/** SSC's ItemModel: every value a string (CloneSource null), field keys by field name. */
export type ItemModel = Record<string, string | null>;

export interface ModelOptions {
  language: string;
  /** Version number to report; the latest when absent. */
  version?: number;
  includeStandardFields: boolean;
  /** Lower-cased key names to keep (the `fields` projection); all when absent. */
  fields?: ReadonlySet<string>;
}

const MEDIA_TEMPLATES = new Set<string>([TEMPLATE_IDS.unversionedJpeg, TEMPLATE_IDS.unversionedImage, TEMPLATE_IDS.unversionedFile]);
const NULL_ID = '00000000-0000-0000-0000-000000000000';
const MEDIA_ROOT = '/sitecore/media library';

export function isMediaItem(item: SimItem): boolean {
  return MEDIA_TEMPLATES.has(item.templateId);
}

/** The version SSC reports in a language: the latest, or 0 when the item has none there. */
export function versionIn(item: SimItem, language: string): { key: string | undefined; number: number } {
  const key = Object.keys(item.langs).find((l) => l.toLowerCase() === language.toLowerCase());
  return { key, number: key === undefined ? 0 : (item.langs[key]?.version ?? 0) };
}

function icon(tree: SimTree, item: SimItem): string {
  return tree.items.get(item.templateId)?.shared['__Icon'] ?? 'Applications/16x16/document.png';
}

/** Sitecore media URL of a media item (Sitecore 9+ `-/media` prefix, path based). */
export function mediaUrl(path: string): string {
  const below = path.slice(MEDIA_ROOT.length);
  return `/-/media${below.split('/').map((s) => encodeURIComponent(s)).join('/')}.ashx`;
}

export function buildItemModel(tree: SimTree, item: SimItem, options: ModelOptions): ItemModel {
  const version = versionIn(item, options.language);
  const language = version.key ?? options.language;
  const path = tree.pathOf(item);
  const iconPath = icon(tree, item);
  const model: ItemModel = {
    ItemID: item.id,
    ItemName: item.name,
    ItemPath: path,
    ParentID: item.parentId ?? NULL_ID,
    TemplateID: item.templateId,
    TemplateName: tree.templates.get(item.templateId)?.name ?? tree.items.get(item.templateId)?.name ?? '',
    CloneSource: null,
    ItemLanguage: language,
    ItemVersion: String(version.number === 0 ? 0 : (options.version ?? version.number)),
    DisplayName: tree.fieldValue(item, '__Display name', language) || item.name,
    HasChildren: item.childIds.some((id) => tree.items.get(id)?.readable === true) ? 'True' : 'False',
    ItemIcon: `/temp/IconCache/${iconPath}`,
    ItemMedialUrl: isMediaItem(item) && path.startsWith(MEDIA_ROOT) ? mediaUrl(path) : `/temp/IconCache/${iconPath.replace('16x16', '48x48')}`,
    ItemUrl: dynamicItemUrl(item.id),
  };
  for (const field of tree.templateFields(item.templateId)) {
    if (!options.includeStandardFields && field.name.startsWith('__')) continue;
    model[field.name] = tree.fieldValue(item, field.name, language);
  }
  if (!options.fields) return model;
  const projected: ItemModel = {};
  for (const [key, value] of Object.entries(model)) if (options.fields.has(key.toLowerCase())) projected[key] = value;
  return projected;
}
