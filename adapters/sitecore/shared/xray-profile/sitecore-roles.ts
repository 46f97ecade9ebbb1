import type { ItemRole, ItemScope, ProfileItem } from '../../../../src/adapter-kit/index.ts';
import { TEMPLATE_IDS } from '../well-known-ids.ts';
import type { SitecoreSchema } from './sitecore-schema.ts';

/** Where Sitecore keeps what (reference §4; simulator README "What counts as one finding"). */
export const CONTENT_ROOT = '/sitecore/content';
export const MEDIA_ROOT = '/sitecore/media library';
export const TEMPLATES_ROOT = '/sitecore/templates';
const CUSTOM_TEMPLATES = /^\/sitecore\/templates\/(project|feature|foundation|user defined)\//;
/** A folder with this name below the content root holds datasource items (SXA/Helix convention). */
export const DATASOURCE_FOLDER_NAME = 'data';

const MEDIA_TEMPLATES = new Set<string>([TEMPLATE_IDS.unversionedJpeg, TEMPLATE_IDS.unversionedImage, TEMPLATE_IDS.unversionedFile]);
const RENDERING_TEMPLATES = new Set<string>([TEMPLATE_IDS.viewRendering, TEMPLATE_IDS.controllerRendering]);
const TYPE_PART_TEMPLATES = new Set<string>([TEMPLATE_IDS.templateSection, TEMPLATE_IDS.templateField]);

function under(lowerPath: string, root: string): boolean {
  return lowerPath.startsWith(`${root}/`);
}

function isMedia(schema: SitecoreSchema, templateId: string): boolean {
  if (MEDIA_TEMPLATES.has(templateId)) return true;
  // Versioned or custom media templates inherit from the File template.
  return schema.hasTemplates && schema.lineage(templateId).has(TEMPLATE_IDS.unversionedFile);
}

export function roleOf(schema: SitecoreSchema, item: ProfileItem): ItemRole {
  const t = item.templateId;
  if (t === null) return 'entry';
  if (t === TEMPLATE_IDS.folder || t === TEMPLATE_IDS.bucketFolder) return 'container';
  if (t === TEMPLATE_IDS.mediaFolder) return 'media-container';
  if (t === TEMPLATE_IDS.template) return 'type';
  if (TYPE_PART_TEMPLATES.has(t) || (t === item.parentId && item.name === '__Standard Values')) return 'type-part';
  if (RENDERING_TEMPLATES.has(t)) return 'component';
  if (t === TEMPLATE_IDS.workflowState) return 'workflow-state';
  if (isMedia(schema, t)) return 'media';
  return 'entry';
}

export function scopeOf(item: ProfileItem): ItemScope {
  const lower = item.path.toLowerCase();
  const content = under(lower, CONTENT_ROOT);
  return {
    content,
    media: under(lower, MEDIA_ROOT),
    customType: CUSTOM_TEMPLATES.test(lower),
    typeArea: under(lower, TEMPLATES_ROOT),
    // '/sitecore/content/Home' is level 1.
    contentDepth: content ? lower.slice(CONTENT_ROOT.length + 1).split('/').length : null,
  };
}
