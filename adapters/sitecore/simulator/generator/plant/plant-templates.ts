import { ITEM_IDS, TEMPLATE_IDS } from '../../../shared/well-known-ids.ts';
import type { SimItem } from '../../tree/sim-item.ts';
import { mustGet, type GenContext } from '../gen-context.ts';
import { createTemplate } from '../scaffold-templates.ts';
import { createRendering, renderingsFolder } from '../scaffold-layout.ts';
import { ensurePath } from '../scaffold-system.ts';
import { record } from './plant-kit.ts';

export const TEMPLATE_ITEMS = 14 + 3 + 15;

function templateFolder(ctx: GenContext, root: string, path: string): SimItem {
  return ensurePath(ctx, mustGet(ctx, root), path, TEMPLATE_IDS.templateFolder);
}

const STD = TEMPLATE_IDS.standardTemplate;

/** Templates nothing uses, renderings no layout places, and `__Base template` cycles. */
export function plantTemplates(ctx: GenContext): void {
  const unused: Array<[string, string, string, boolean]> = [
    [ITEM_IDS.templatesFeature, 'Promo', 'Legacy Promo', true],
    [ITEM_IDS.templatesProject, 'Acme/Pages', 'Old Event Page', false],
    [ITEM_IDS.templatesFeature, 'Content', 'Unused Teaser Variant', true],
  ];
  for (const [root, path, name, withSv] of unused) {
    const template = createTemplate(ctx, {
      id: ctx.rng.guid(), name, folder: templateFolder(ctx, root, path), bases: [STD], icon: 'Office/16x16/document.png',
      sections: [{ name: 'Content', fields: [{ name: 'Heading', type: 'Single-Line Text' }, { name: 'Summary', type: 'Multi-Line Text' }] }],
      ...(withSv ? { standardValues: { 'Heading': '$name' } } : {}),
    });
    record(ctx, 'unused-template', template, { kind: 'no-usage' });
  }

  const renderings: Array<[string, string, 'view' | 'controller']> = [
    ['Feature/Promo', 'Legacy Carousel', 'view'], ['Feature/Navigation', 'Old Newsletter Signup', 'controller'], ['Project/Acme', 'Deprecated Map', 'view'],
  ];
  for (const [folder, name, kind] of renderings) {
    const item = createRendering(ctx, renderingsFolder(ctx, folder), ctx.rng.guid(), { name, kind, placeholder: 'main' });
    record(ctx, 'unused-rendering', item, { kind: 'no-usage' });
  }

  plantCycles(ctx);
}

function plantCycles(ctx: GenContext): void {
  const folder = templateFolder(ctx, ITEM_IDS.templatesFoundation, 'SEO');
  const cycles = [['_Has Campaign', '_Has Tracking'], ['_Schedulable', '_Publishable', '_Expirable']];
  for (const names of cycles) {
    const ids = names.map(() => ctx.rng.guid());
    const items = names.map((name, i) => createTemplate(ctx, {
      id: ids[i] ?? '', name, folder, icon: 'Office/16x16/refresh.png',
      bases: [ids[(i + 1) % ids.length] ?? '', STD],
      sections: [{ name: name.slice(1), fields: [{ name: `${name.slice(1)} Flag`, type: 'Checkbox', shared: true }] }],
    }));
    for (const item of items) {
      record(ctx, 'circular-reference', item, { kind: 'base-template-cycle', field: '__Base template', value: item.shared['__Base template'] ?? '' });
    }
  }
}

