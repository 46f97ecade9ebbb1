import { ITEM_IDS } from '../../../shared/well-known-ids.ts';
import type { SimItem } from '../../tree/sim-item.ts';
import type { GenContext } from '../gen-context.ts';
import { braced } from '../field-values.ts';
import { somePages } from '../page-content.ts';
import { enFields, plantPage, record } from './plant-kit.ts';

export const INVALID_ITEMS = 11;

function invalid(ctx: GenContext, item: SimItem, kind: string, field: string, value: string, language?: string): void {
  record(ctx, 'invalid-field', item, { kind, field, value, ...(language ? { language } : {}) });
}

/** Malformed dates, link XML and GUIDs, and names that break Sitecore's naming rules. */
export function plantInvalidFields(ctx: GenContext): void {
  const existingPage = somePages(ctx, 1)[0] ?? ITEM_IDS.home;
  const existingMedia = ctx.media[0] ?? ITEM_IDS.mediaLibrary;

  let page = plantPage(ctx, { name: 'Release Notes', templateKey: 'contentPage' }).item;
  enFields(page)['__Updated'] = '2024-06-11T10:00:00';
  invalid(ctx, page, 'malformed-date', '__Updated', '2024-06-11T10:00:00', 'en');

  page = plantPage(ctx, { name: 'Autumn Summit', templateKey: 'eventPage' }).item;
  enFields(page)['Start Date'] = '20241345T250000Z';
  invalid(ctx, page, 'malformed-date', 'Start Date', '20241345T250000Z', 'en');

  page = plantPage(ctx, { name: 'Year in Review', templateKey: 'articlePage' }).item;
  enFields(page)['Publish Date'] = '31/12/2023';
  invalid(ctx, page, 'malformed-date', 'Publish Date', '31/12/2023', 'en');

  page = plantPage(ctx, { name: 'Support Hours', templateKey: 'contentPage' }).item;
  const unclosed = `<link linktype="internal" id="${braced(existingPage)}" text="Contact support"`;
  enFields(page)['Side Link'] = unclosed;
  invalid(ctx, page, 'malformed-link-xml', 'Side Link', unclosed, 'en');

  page = plantPage(ctx, { name: 'Leadership', templateKey: 'contentPage' }).item;
  const badImage = `<image mediaid="${braced(existingMedia)}" alt="Leadership team />`;
  enFields(page)['Image'] = badImage;
  invalid(ctx, page, 'malformed-link-xml', 'Image', badImage, 'en');

  page = plantPage(ctx, { name: 'Market Update', templateKey: 'articlePage' }).item;
  enFields(page)['Author'] = '{6C2F7E1A-0B5D-4E3A-9F1C-2B8D4E6A7C9}';
  invalid(ctx, page, 'malformed-guid', 'Author', '{6C2F7E1A-0B5D-4E3A-9F1C-2B8D4E6A7C9}', 'en');

  page = plantPage(ctx, { name: 'Further Reading', templateKey: 'contentPage' }).item;
  enFields(page)['Related Pages'] = `${braced(existingPage)}|not-a-guid`;
  invalid(ctx, page, 'malformed-guid', 'Related Pages', 'not-a-guid', 'en');

  const longName = 'Annual General Meeting Minutes and Shareholder Resolutions for the Financial Year Ending December Twenty Twenty Four';
  for (const name of ['Summer Sale?', 'Q&A', longName, '.hidden page']) {
    page = plantPage(ctx, { name, templateKey: 'contentPage' }).item;
    invalid(ctx, page, 'invalid-name', 'ItemName', name);
  }
}
