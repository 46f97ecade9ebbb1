import { ITEM_IDS, TEMPLATE_IDS } from '../../shared/well-known-ids.ts';
import type { SimItem, TemplateFieldDef } from '../tree/sim-item.ts';
import { STANDARD_VALUES_RENDERINGS, TEMPLATE_SPECS, RENDERING_SPECS, type FieldSpec, type TemplateSpec } from './catalogue.ts';
import { addItem, idOf, mustGet, type GenContext } from './gen-context.ts';
import { braced, guidList } from './field-values.ts';
import { fullLayout, renderingParameters, type FullRendering } from './layout-xml.ts';
import { ensurePath } from './scaffold-system.ts';
import { systemTemplates } from './system-templates.ts';

export interface TemplateDraft {
  id: string;
  name: string;
  folder: SimItem;
  bases: string[];
  sections: Array<{ name: string; fields: FieldSpec[] }>;
  icon: string;
  /** Field values of `__Standard Values`; omitted: no standard values item. */
  standardValues?: Record<string, string>;
  content?: boolean;
}

/** Creates a template as Sitecore stores it (template, sections, fields, standard values) and registers it. */
export function createTemplate(ctx: GenContext, draft: TemplateDraft): SimItem {
  const svId = draft.standardValues ? ctx.rng.guid() : undefined;
  const template = addItem(ctx, draft.folder, draft.name, TEMPLATE_IDS.template, {
    id: draft.id,
    shared: { '__Base template': guidList(draft.bases), '__Icon': draft.icon, ...(svId ? { '__Standard values': braced(svId) } : {}) },
  });
  const defs: TemplateFieldDef[] = [];
  for (const section of draft.sections) {
    const sectionItem = addItem(ctx, template, section.name, TEMPLATE_IDS.templateSection);
    section.fields.forEach((f, i) => {
      addItem(ctx, sectionItem, f.name, TEMPLATE_IDS.templateField, {
        shared: { 'Type': f.type, 'Source': f.source ?? '', 'Shared': f.shared ? '1' : '', 'Unversioned': f.unversioned ? '1' : '', '__Sortorder': String((i + 1) * 100) },
      });
      defs.push({ name: f.name, type: f.type, shared: f.shared ?? false, unversioned: f.unversioned ?? false });
    });
  }
  ctx.tree.defineTemplate({ id: draft.id, name: draft.name, baseIds: draft.bases, fields: defs, ...(svId ? { standardValuesId: svId } : {}) });
  if (svId && draft.standardValues) {
    const values = draft.standardValues;
    const shared: Record<string, string> = {};
    const en: Record<string, string> = {};
    for (const [name, value] of Object.entries(values)) (ctx.tree.isSharedField(draft.id, name) ? shared : en)[name] = value;
    addItem(ctx, template, '__Standard Values', draft.id, { id: svId, shared, en });
  }
  return template;
}

function scaffoldSystemTemplates(ctx: GenContext, templatesRoot: SimItem): void {
  const system = systemTemplates({ condition: idOf(ctx, 'sys.condition'), action: idOf(ctx, 'sys.action') });
  for (const spec of system) {
    const folder = ensurePath(ctx, templatesRoot, spec.folder, TEMPLATE_IDS.templateFolder);
    const standardValues = spec.id === TEMPLATE_IDS.sampleItem ? sampleItemStandardValues(ctx) : undefined;
    createTemplate(ctx, { ...spec, folder, ...(standardValues ? { standardValues } : {}) });
  }
}

function sampleItemStandardValues(ctx: GenContext): Record<string, string> {
  const layout = fullLayout(ITEM_IDS.defaultDevice, ITEM_IDS.sampleLayout, [
    { id: ITEM_IDS.sampleRendering, uid: ctx.rng.guid(), ph: '/main/centercolumn/content' },
  ]);
  return { '__Renderings': layout, 'Title': '$name' };
}

/** The shared layout of a page template's standard values: header, navigation, breadcrumb, footer + its own. */
function pageStandardValues(ctx: GenContext, spec: TemplateSpec, insertOptions: string[]): Record<string, string> {
  const renderings: FullRendering[] = [];
  for (const key of [...STANDARD_VALUES_RENDERINGS, ...(spec.page?.renderings ?? [])]) {
    const rendering = RENDERING_SPECS.find((r) => r.key === key);
    if (!rendering) throw new Error(`unknown rendering ${key}`);
    const uid = ctx.rng.guid();
    ctx.ids.set(`svuid.${spec.key}.${key}`, uid);
    const ds = key === 'header' ? braced(idOf(ctx, 'ds.header')) : key === 'footer' ? FOOTER_DATASOURCE_PATH : undefined;
    const par = key === 'container' ? renderingParameters({ GridParameters: braced(idOf(ctx, 'style.4')), DynamicPlaceholderId: '1' }) : undefined;
    renderings.push({ id: idOf(ctx, `r.${key}`), uid, ph: rendering.placeholder, ...(ds ? { ds } : {}), ...(par ? { par } : {}) });
  }
  return {
    '__Renderings': fullLayout(ITEM_IDS.defaultDevice, idOf(ctx, 'layout.main'), renderings),
    '__Default workflow': braced(ITEM_IDS.sampleWorkflow),
    '__Masters': guidList(insertOptions),
    'Show in Navigation': '1',
  };
}

/** The footer datasource is referenced by path from standard values (a path datasource that resolves). */
export const FOOTER_DATASOURCE_PATH = '/sitecore/content/Home/Data/Navigation/Main Footer';

function scaffoldProjectTemplates(ctx: GenContext, templatesRoot: SimItem): void {
  const roots: Record<string, string> = { Foundation: ITEM_IDS.templatesFoundation, Feature: ITEM_IDS.templatesFeature, Project: ITEM_IDS.templatesProject };
  for (const [name, id] of Object.entries(roots)) addItem(ctx, templatesRoot, name, TEMPLATE_IDS.templateFolder, { id });
  addItem(ctx, templatesRoot, 'User Defined', TEMPLATE_IDS.templateFolder, { id: ITEM_IDS.templatesUserDefined });
  const pageKeys = TEMPLATE_SPECS.filter((s) => s.page).map((s) => idOf(ctx, `t.${s.key}`));
  for (const spec of TEMPLATE_SPECS) {
    const [top, ...rest] = spec.folder.split('/');
    const folder = ensurePath(ctx, mustGet(ctx, roots[top ?? ''] ?? ''), rest.join('/'), TEMPLATE_IDS.templateFolder);
    const bases = spec.bases.map((b) => (b === 'std' ? TEMPLATE_IDS.standardTemplate : idOf(ctx, `t.${b}`)));
    const insert = spec.key === 'landingPage' ? pageKeys : [idOf(ctx, `t.${spec.key}`), idOf(ctx, 't.contentPage')];
    const standardValues = spec.page ? pageStandardValues(ctx, spec, insert) : undefined;
    createTemplate(ctx, { id: idOf(ctx, `t.${spec.key}`), name: spec.name, folder, bases, sections: spec.sections, icon: spec.icon, ...(standardValues ? { standardValues } : {}) });
  }
}

export function scaffoldTemplates(ctx: GenContext): void {
  const templatesRoot = mustGet(ctx, ITEM_IDS.templates);
  scaffoldSystemTemplates(ctx, templatesRoot);
  scaffoldProjectTemplates(ctx, templatesRoot);
}
