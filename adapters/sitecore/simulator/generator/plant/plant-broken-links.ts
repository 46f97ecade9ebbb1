import { toCompactGuid } from '../../../shared/guid.ts';
import { ITEM_IDS, TEMPLATE_IDS } from '../../../shared/well-known-ids.ts';
import type { SimItem } from '../../tree/sim-item.ts';
import { addItem, idOf, type GenContext } from '../gen-context.ts';
import { braced, guidList, imageField, internalLink, mediaLink, richTextImage, richTextLink } from '../field-values.ts';
import { deltaLayout } from '../layout-xml.ts';
import { somePages } from '../page-content.ts';
import { enFields, plantPage, record } from './plant-kit.ts';

/** Items this planter adds (the generator reserves them before filling the site). */
export const BROKEN_LINK_ITEMS = 15;

const DEVICE = ITEM_IDS.defaultDevice;

function broken(ctx: GenContext, item: SimItem, kind: string, field: string, value: string, target: string, language?: string): void {
  record(ctx, 'broken-link', item, { kind, field, value, target, ...(language ? { language } : {}) });
}

/** One page per kind of reference, each pointing at an item that does not exist. */
export function plantBrokenLinks(ctx: GenContext): void {
  const missing = (): string => ctx.rng.guid();
  const existing = (): string => somePages(ctx, 1)[0] ?? ITEM_IDS.home;

  let id = missing();
  let page = plantPage(ctx, { name: 'Partner Program', templateKey: 'contentPage' }).item;
  enFields(page)['Body'] = `<p>Our partner program moved. See ${richTextLink(id, 'the old program page')}.</p>`;
  broken(ctx, page, 'rich-text-link', 'Body', toCompactGuid(id), id, 'en');

  id = missing();
  page = plantPage(ctx, { name: 'Team Offsite', templateKey: 'contentPage' }).item;
  enFields(page)['Body'] = `<p>Photos from the offsite:</p><p>${richTextImage(id, 'Team offsite')}</p>`;
  broken(ctx, page, 'rich-text-media', 'Body', toCompactGuid(id), id, 'en');

  id = missing();
  page = plantPage(ctx, { name: 'Pricing Overview', templateKey: 'contentPage' }).item;
  enFields(page)['Side Link'] = internalLink(id, 'Compare plans');
  broken(ctx, page, 'general-link-internal', 'Side Link', braced(id), id, 'en');

  id = missing();
  page = plantPage(ctx, { name: 'Industrial Sensor X1', templateKey: 'productPage' }).item;
  enFields(page)['Brochure'] = mediaLink(id, '/Project/Acme/Documents/Brochures/sensor-x1', 'Download brochure');
  broken(ctx, page, 'general-link-media', 'Brochure', braced(id), id, 'en');

  id = missing();
  page = plantPage(ctx, { name: 'Customer Stories', templateKey: 'contentPage' }).item;
  enFields(page)['Related Pages'] = guidList([existing(), id, existing()]);
  broken(ctx, page, 'multilist', 'Related Pages', braced(id), id, 'en');

  id = missing();
  page = plantPage(ctx, { name: 'Quarterly Outlook', templateKey: 'articlePage' }).item;
  enFields(page)['Author'] = braced(id);
  broken(ctx, page, 'droplink', 'Author', braced(id), id, 'en');

  id = missing();
  page = plantPage(ctx, { name: 'Meet the Team', templateKey: 'contentPage' }).item;
  enFields(page)['Image'] = imageField(id, 'Team photo');
  broken(ctx, page, 'image', 'Image', braced(id), id, 'en');

  plantLayoutLinks(ctx, missing);

  const rt = missing();
  const ml = missing();
  page = plantPage(ctx, { name: 'Legacy Resources', templateKey: 'contentPage' }).item;
  enFields(page)['Body'] = `<p>Older material: ${richTextLink(rt, 'archive')}.</p>`;
  enFields(page)['Related Pages'] = guidList([ml]);
  broken(ctx, page, 'rich-text-link', 'Body', toCompactGuid(rt), rt, 'en');
  broken(ctx, page, 'multilist', 'Related Pages', braced(ml), ml, 'en');

  plantBrokenDatasourceField(ctx, missing());
}

function plantLayoutLinks(ctx: GenContext, missing: () => string): void {
  let id = missing();
  let page = plantPage(ctx, { name: 'Spring Campaign', templateKey: 'contentPage' }).item;
  page.shared['__Renderings'] = deltaLayout(DEVICE, [{ uid: ctx.rng.guid(), id: idOf(ctx, 'r.promo'), ds: braced(id), ph: 'main' }]);
  broken(ctx, page, 'rendering-datasource-id', '__Renderings', braced(id), id);

  const path = '/sitecore/content/Home/Data/Promos/Spring Campaign 2019';
  page = plantPage(ctx, { name: 'Seasonal Offers', templateKey: 'contentPage' }).item;
  page.shared['__Renderings'] = deltaLayout(DEVICE, [{ uid: ctx.rng.guid(), id: idOf(ctx, 'r.promo'), ds: path, ph: 'main' }]);
  broken(ctx, page, 'rendering-datasource-path', '__Renderings', path, path);

  page = plantPage(ctx, { name: 'Product Tour', templateKey: 'contentPage' }).item;
  enFields(page)['__Final Renderings'] = deltaLayout(DEVICE, [{ uid: ctx.rng.guid(), id: idOf(ctx, 'r.hero'), ds: 'local:/Data/Old Hero', ph: 'main', first: true }]);
  broken(ctx, page, 'rendering-datasource-path', '__Final Renderings', 'local:/Data/Old Hero', `${ctx.tree.pathOf(page)}/Data/Old Hero`, 'en');

  id = missing();
  page = plantPage(ctx, { name: 'Interactive Demo', templateKey: 'contentPage' }).item;
  page.shared['__Renderings'] = deltaLayout(DEVICE, [{ uid: ctx.rng.guid(), id, ph: 'main' }]);
  broken(ctx, page, 'rendering-id', '__Renderings', braced(id), id);
}

/** A datasource item (referenced, so not an orphan) whose own link field is broken. */
function plantBrokenDatasourceField(ctx: GenContext, id: string): void {
  const page = plantPage(ctx, { name: 'Summer Promotion', templateKey: 'contentPage' }).item;
  const data = addItem(ctx, page, 'Data', TEMPLATE_IDS.folder, { content: true });
  const promo = addItem(ctx, data, 'Promo', idOf(ctx, 't.promo'), { content: true, en: { 'Heading': 'Summer deals', 'Text': '<p>Up to 30% off.</p>', 'Link': internalLink(id, 'See deals'), 'Image': '' } });
  page.shared['__Renderings'] = deltaLayout(DEVICE, [{ uid: ctx.rng.guid(), id: idOf(ctx, 'r.promo'), ds: braced(promo.id), ph: 'main' }]);
  broken(ctx, promo, 'general-link-internal', 'Link', braced(id), id, 'en');
}
