import { ITEM_IDS, TEMPLATE_IDS } from '../../shared/well-known-ids.ts';
import type { SimItem } from '../tree/sim-item.ts';
import { RENDERING_SPECS, TEMPLATE_SPECS, type RenderingSpec } from './catalogue.ts';
import { addItem, idOf, mustGet, type GenContext } from './gen-context.ts';
import { ensurePath } from './scaffold-system.ts';

const NODE = TEMPLATE_IDS.node;

export function renderingFields(spec: Pick<RenderingSpec, 'name' | 'kind' | 'placeholder' | 'datasourceTemplate'>): Record<string, string> {
  const dsTemplate = spec.datasourceTemplate ? TEMPLATE_SPECS.find((t) => t.key === spec.datasourceTemplate) : undefined;
  const common = {
    'Placeholder': spec.placeholder,
    'Datasource Location': dsTemplate ? 'query:./ancestor-or-self::*[@@templatename=\'Landing Page\']/Data' : '',
    'Datasource Template': dsTemplate ? `/sitecore/templates/${dsTemplate.folder}/${dsTemplate.name}` : '',
    'Parameters Template': '', 'Cacheable': '1', 'Vary By Data': dsTemplate ? '1' : '',
  };
  const file = spec.name.replaceAll(' ', '');
  return spec.kind === 'view'
    ? { 'Path': `/Views/Acme/${file}.cshtml`, ...common }
    : { 'Controller': `Acme.Feature.${file}.Controllers.${file}Controller, Acme.Feature.${file}`, 'Controller Action': 'Index', ...common };
}

export function createRendering(ctx: GenContext, folder: SimItem, id: string, spec: Pick<RenderingSpec, 'name' | 'kind' | 'placeholder' | 'datasourceTemplate'>): SimItem {
  const template = spec.kind === 'view' ? TEMPLATE_IDS.viewRendering : TEMPLATE_IDS.controllerRendering;
  return addItem(ctx, folder, spec.name, template, { id, shared: renderingFields(spec) });
}

export function renderingsFolder(ctx: GenContext, folderPath: string): SimItem {
  return ensurePath(ctx, mustGet(ctx, ITEM_IDS.renderings), folderPath, TEMPLATE_IDS.folder);
}

/** Devices, layouts and renderings under /sitecore/layout. */
export function scaffoldLayout(ctx: GenContext): void {
  const layoutRoot = mustGet(ctx, ITEM_IDS.layoutRoot);
  const devices = addItem(ctx, layoutRoot, 'Devices', NODE, { id: ITEM_IDS.devices });
  addItem(ctx, devices, 'Default', TEMPLATE_IDS.device, { id: ITEM_IDS.defaultDevice, shared: { 'Default': '1', 'Query string': '', 'Browser agent': '' } });
  addItem(ctx, devices, 'Print', TEMPLATE_IDS.device, { shared: { 'Default': '', 'Query string': 'p=1', 'Browser agent': '' } });

  const layouts = addItem(ctx, layoutRoot, 'Layouts', NODE, { id: ITEM_IDS.layouts });
  addItem(ctx, layouts, 'Sample Layout', TEMPLATE_IDS.layout, { id: ITEM_IDS.sampleLayout, shared: { 'Path': '/layouts/Sample layout.aspx' } });
  const projectLayouts = ensurePath(ctx, layouts, 'Project/Acme', TEMPLATE_IDS.folder);
  addItem(ctx, projectLayouts, 'Main Layout', TEMPLATE_IDS.layout, { id: idOf(ctx, 'layout.main'), shared: { 'Path': '/Views/Shared/Main.cshtml' } });

  addItem(ctx, layoutRoot, 'Renderings', NODE, { id: ITEM_IDS.renderings });
  addItem(ctx, layoutRoot, 'Placeholder Settings', NODE, { id: ITEM_IDS.placeholderSettings });
  const sample = renderingsFolder(ctx, 'Sample');
  addItem(ctx, sample, 'Sample Rendering', TEMPLATE_IDS.viewRendering, { id: ITEM_IDS.sampleRendering, shared: { 'Path': '/layouts/Sample Rendering.xslt', 'Placeholder': 'content' } });
  for (const spec of RENDERING_SPECS) {
    createRendering(ctx, renderingsFolder(ctx, spec.folder), idOf(ctx, `r.${spec.key}`), spec);
  }
}
