import { TEMPLATE_IDS } from '../../shared/well-known-ids.ts';
import { STANDARD_FIELDS } from '../tree/standard-fields.ts';
import type { FieldSpec } from './catalogue.ts';

/** Sitecore's own templates the generated items use, with the fields SSC shows for them. */
export interface SystemTemplate {
  id: string;
  name: string;
  folder: string;
  bases: string[];
  sections: Array<{ name: string; fields: FieldSpec[] }>;
  icon: string;
}

const t = (name: string, type = 'Single-Line Text', shared = true): FieldSpec => ({ name, type, shared });

const STANDARD_SECTIONS: Array<[string, RegExp]> = [
  ['Appearance', /^__(Display name|Icon|Sortorder|Hidden|Read Only|Style|Thumbnail|Subitems Sorting|Context Menu|Editors?|Ribbon|Skin)$/],
  ['Help', /^__(Help link|Long description|Short description)$/],
  ['Statistics', /^__(Created|Created by|Updated|Updated by|Revision|Owner|Originator|Source|Source Item)$/],
  ['Security', /^__Security$/],
  ['Workflow', /^__(Workflow|Workflow state|Default workflow|Lock)$/],
  ['Layout', /^__(Renderings|Final Renderings|Renderers|Controller|Controller Action|Preview)$/],
  ['Insert Options', /^__(Masters|Insert Rules)$/],
  ['Publishing', /^__(Never publish|Publish|Unpublish|Publishing groups|Valid from|Valid to|Hide version)$/],
  ['Tasks', /^__(Archive date|Archive Version date|Reminder date|Reminder recipients|Reminder text)$/],
  ['Item Buckets', /^__(Bucketable|Is Bucket)$/],
  ['Validation Rules', /Validation Rules$/],
];

const DATE_FIELDS = new Set(['__Created', '__Updated', '__Publish', '__Unpublish', '__Valid from', '__Valid to', '__Archive date', '__Archive Version date', '__Reminder date']);
const CHECKBOX_FIELDS = new Set(['__Hidden', '__Read Only', '__Never publish', '__Hide version', '__Bucketable', '__Is Bucket', '__Enable item fallback']);
const ID_FIELDS = new Set(['__Workflow', '__Workflow state', '__Default workflow', '__Standard values', '__Source Item']);

export function standardFieldType(name: string): string {
  if (DATE_FIELDS.has(name)) return 'Datetime';
  if (CHECKBOX_FIELDS.has(name)) return 'Checkbox';
  if (ID_FIELDS.has(name)) return 'Droplink';
  if (name === '__Renderings' || name === '__Final Renderings') return 'Layout';
  if (name === '__Security') return 'Security';
  if (name === '__Sortorder') return 'Integer';
  if (name === '__Masters') return 'Treelist';
  return 'Single-Line Text';
}

function standardTemplateSections(): SystemTemplate['sections'] {
  const sections = STANDARD_SECTIONS.map(([name]) => ({ name, fields: [] as FieldSpec[] }));
  const advanced = { name: 'Advanced', fields: [] as FieldSpec[] };
  for (const name of STANDARD_FIELDS) {
    const index = STANDARD_SECTIONS.findIndex(([, re]) => re.test(name));
    const section = index >= 0 ? sections[index] : advanced;
    const versioned = ['__Created', '__Created by', '__Updated', '__Updated by', '__Revision', '__Owner', '__Lock', '__Workflow', '__Workflow state',
      '__Final Renderings', '__Display name', '__Publish', '__Unpublish', '__Valid from', '__Valid to', '__Hide version', '__Originator',
      '__Archive Version date', '__Reminder date', '__Reminder recipients', '__Reminder text'].includes(name);
    section?.fields.push({ name, type: standardFieldType(name), shared: !versioned });
  }
  return [...sections, advanced];
}

const FILE_FIELDS: FieldSpec[] = [t('Title', 'Single-Line Text', false), t('Keywords', 'Single-Line Text', false), t('Description', 'Multi-Line Text', false),
  t('Blob', 'Attachment'), t('File Path'), t('Extension'), t('Mime Type'), t('Size', 'Integer')];
const IMAGE_FIELDS: FieldSpec[] = [t('Alt'), t('Width', 'Integer'), t('Height', 'Integer'), t('Dimensions')];
const JPEG_FIELDS: FieldSpec[] = [t('Artist'), t('Copyright'), t('Make'), t('Model'), t('Software')];
const RENDERING_FIELDS: FieldSpec[] = [t('Placeholder'), t('Datasource Location'), t('Datasource Template'), t('Parameters Template'),
  t('Cacheable', 'Checkbox'), t('Vary By Data', 'Checkbox')];

export function systemTemplates(ids: { condition: string; action: string }): SystemTemplate[] {
  const std = [TEMPLATE_IDS.standardTemplate];
  return [
    { id: TEMPLATE_IDS.standardTemplate, name: 'Standard template', folder: 'System/Templates', bases: [], sections: standardTemplateSections(), icon: 'Software/16x16/element.png' },
    { id: TEMPLATE_IDS.template, name: 'Template', folder: 'System/Templates', bases: std, sections: [{ name: 'Data', fields: [t('__Base template', 'Treelist')] }], icon: 'Software/16x16/element.png' },
    { id: TEMPLATE_IDS.templateSection, name: 'Template section', folder: 'System/Templates', bases: std, sections: [], icon: 'Software/16x16/elements.png' },
    { id: TEMPLATE_IDS.templateField, name: 'Template field', folder: 'System/Templates', bases: std, sections: [{ name: 'Data', fields: [
      t('Title', 'Single-Line Text', false), t('Type'), t('Source'), t('Shared', 'Checkbox'), t('Unversioned', 'Checkbox'), t('Validation')] }], icon: 'Software/16x16/element_selection.png' },
    { id: TEMPLATE_IDS.templateFolder, name: 'Template Folder', folder: 'System/Templates', bases: std, sections: [], icon: 'Applications/16x16/folder.png' },
    { id: TEMPLATE_IDS.root, name: 'Root', folder: 'System', bases: std, sections: [], icon: 'Applications/16x16/nav_right_blue.png' },
    { id: TEMPLATE_IDS.mainSection, name: 'Main section', folder: 'System', bases: std, sections: [], icon: 'Applications/16x16/folder.png' },
    { id: TEMPLATE_IDS.node, name: 'Node', folder: 'System', bases: std, sections: [], icon: 'Applications/16x16/folder.png' },
    { id: TEMPLATE_IDS.mediaFolder, name: 'Media folder', folder: 'System/Media', bases: std, sections: [], icon: 'Applications/16x16/folder.png' },
    { id: TEMPLATE_IDS.unversionedFile, name: 'File', folder: 'System/Media/Unversioned', bases: std, sections: [{ name: 'File', fields: FILE_FIELDS }], icon: 'Applications/16x16/document.png' },
    { id: TEMPLATE_IDS.unversionedImage, name: 'Image', folder: 'System/Media/Unversioned', bases: [TEMPLATE_IDS.unversionedFile], sections: [{ name: 'Image', fields: IMAGE_FIELDS }], icon: 'Applications/16x16/photo_scenery.png' },
    { id: TEMPLATE_IDS.unversionedJpeg, name: 'Jpeg', folder: 'System/Media/Unversioned', bases: [TEMPLATE_IDS.unversionedImage], sections: [{ name: 'Jpeg', fields: JPEG_FIELDS }], icon: 'Applications/16x16/photo_scenery.png' },
    { id: TEMPLATE_IDS.layout, name: 'Layout', folder: 'System/Layout', bases: std, sections: [{ name: 'Data', fields: [t('Path')] }], icon: 'Software/16x16/window_colors.png' },
    { id: TEMPLATE_IDS.device, name: 'Device', folder: 'System/Layout', bases: std, sections: [{ name: 'Data', fields: [t('Query string'), t('Browser agent'), t('Default', 'Checkbox')] }], icon: 'Applications/16x16/monitor.png' },
    { id: TEMPLATE_IDS.viewRendering, name: 'View rendering', folder: 'System/Layout/Renderings', bases: std, sections: [{ name: 'Data', fields: [t('Path'), ...RENDERING_FIELDS] }], icon: 'Software/16x16/element.png' },
    { id: TEMPLATE_IDS.controllerRendering, name: 'Controller rendering', folder: 'System/Layout/Renderings', bases: std, sections: [{ name: 'Data', fields: [t('Controller'), t('Controller Action'), ...RENDERING_FIELDS] }], icon: 'Software/16x16/element.png' },
    { id: TEMPLATE_IDS.workflow, name: 'Workflow', folder: 'System/Workflow', bases: std, sections: [{ name: 'Data', fields: [t('Initial state', 'Droplink')] }], icon: 'Applications/16x16/Workflow.png' },
    { id: TEMPLATE_IDS.workflowState, name: 'State', folder: 'System/Workflow', bases: std, sections: [{ name: 'Data', fields: [t('Final', 'Checkbox')] }], icon: 'Applications/16x16/Workflow_state.png' },
    { id: TEMPLATE_IDS.workflowCommand, name: 'Command', folder: 'System/Workflow', bases: std, sections: [{ name: 'Data', fields: [t('Next state', 'Droplink')] }], icon: 'Applications/16x16/Workflow_command.png' },
    { id: TEMPLATE_IDS.language, name: 'Language', folder: 'System/Language', bases: std, sections: [{ name: 'Data', fields: [
      t('Iso'), t('Regional Iso Code'), t('Charset'), t('Code page'), t('Encoding'), t('Fallback Language')] }], icon: 'Flags/16x16/flag_generic.png' },
    { id: ids.condition, name: 'Condition', folder: 'System/Rules', bases: std, sections: [{ name: 'Data', fields: [t('Type'), t('Text')] }], icon: 'Software/16x16/question_and_answer.png' },
    { id: ids.action, name: 'Action', folder: 'System/Rules', bases: std, sections: [{ name: 'Data', fields: [t('Type'), t('Text')] }], icon: 'Software/16x16/gears.png' },
    { id: TEMPLATE_IDS.folder, name: 'Folder', folder: 'Common', bases: std, sections: [], icon: 'Applications/16x16/folder.png' },
    { id: TEMPLATE_IDS.sampleItem, name: 'Sample Item', folder: 'Sample', bases: std, sections: [{ name: 'Data', fields: [
      t('Title', 'Single-Line Text', false), t('Text', 'Rich Text', false)] }], icon: 'Applications/16x16/document.png' },
  ];
}
