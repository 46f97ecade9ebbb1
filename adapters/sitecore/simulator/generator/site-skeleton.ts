import { ITEM_IDS, TEMPLATE_IDS } from '../../shared/well-known-ids.ts';
import { SECTIONS } from './catalogue.ts';
import { addItem, idOf, mustGet, uniqueChildName, type GenContext } from './gen-context.ts';
import { braced, guidList, richTextLink } from './field-values.ts';
import { CITIES, FIRST_NAMES, LAST_NAMES, TAG_WORDS } from './names.ts';

const FOLDER = TEMPLATE_IDS.folder;
export const STYLE_NAMES = ['Theme Light', 'Theme Dark', 'Spacing Small', 'Spacing Large', 'Grid 12', 'Grid 6'] as const;
export const AUTHORING_ROLES = 'ar|sitecore\\Author|p*|+item:write|+item:create|+item:rename|';

export interface SkeletonSizes {
  tags: number;
  authors: number;
  promos: number;
}

/** Home, its sections, the site's Data and Presentation folders, and Shared Content. */
export function scaffoldSite(ctx: GenContext, sizes: SkeletonSizes): void {
  const content = mustGet(ctx, ITEM_IDS.content);
  const home = addItem(ctx, content, 'Home', TEMPLATE_IDS.sampleItem, {
    id: ITEM_IDS.home, content: true,
    shared: { '__Security': 'ar|extranet\\Anonymous|p*|+item:read|' },
    en: { 'Title': 'Acme', 'Text': '' }, de: { 'Title': 'Acme', 'Text': '<p>Willkommen bei Acme.</p>' },
  });
  const workflow = { '__Workflow': braced(ITEM_IDS.sampleWorkflow), '__Workflow state': braced(ITEM_IDS.stateApproved) };
  const sectionIds: string[] = [];
  for (const section of SECTIONS) {
    const item = addItem(ctx, home, section.name, idOf(ctx, 't.landingPage'), {
      content: true, shared: { '__Security': AUTHORING_ROLES },
      en: { 'Title': section.name, 'Navigation Title': section.name, 'Intro': `<p>Everything about ${section.name.toLowerCase()} at Acme.</p>`, ...workflow },
      de: { 'Title': section.name, ...workflow },
    });
    sectionIds.push(item.id);
    ctx.pages.push({ item, depth: 2, path: `/sitecore/content/Home/${section.name}`, childTemplate: section.child, cap: 60 });
  }
  const homeEn = home.langs['en'];
  if (homeEn) homeEn.fields['Text'] = `<p>Welcome to Acme. Start with ${richTextLink(sectionIds[0] ?? ITEM_IDS.home, 'who we are')}.</p>`;

  const data = addItem(ctx, home, 'Data', FOLDER, { content: true });
  const navigation = addItem(ctx, data, 'Navigation', FOLDER, { content: true });
  addItem(ctx, navigation, 'Main Header', idOf(ctx, 't.header'), { id: idOf(ctx, 'ds.header'), content: true, shared: {}, en: { 'Logo': '', 'Utility Links': guidList(sectionIds.slice(0, 3)) } });
  addItem(ctx, navigation, 'Main Footer', idOf(ctx, 't.footer'), { id: idOf(ctx, 'ds.footer'), content: true, en: { 'Copyright': '© Acme', 'Footer Links': guidList(sectionIds.slice(-3)) } });
  const promos = addItem(ctx, data, 'Promos', FOLDER, { content: true });
  ctx.ids.set('folder.promos', promos.id);
  for (let i = 0; i < sizes.promos; i++) {
    const promo = addItem(ctx, promos, `Campaign ${i + 1}`, idOf(ctx, 't.promo'), { content: true, en: { 'Heading': `Campaign ${i + 1}`, 'Text': '<p>Limited offer.</p>', 'Link': '', 'Image': '' } });
    ctx.globalPromos.push(promo.id);
  }

  const presentation = addItem(ctx, home, 'Presentation', FOLDER, { content: true });
  const styles = addItem(ctx, presentation, 'Styles', FOLDER, { content: true });
  STYLE_NAMES.forEach((name, i) => {
    const style = addItem(ctx, styles, name, idOf(ctx, 't.style'), { id: idOf(ctx, `style.${i}`), content: true, shared: { 'Value': name.toLowerCase().replaceAll(' ', '-') } });
    ctx.styles.push(style.id);
  });

  const shared = addItem(ctx, content, 'Shared Content', FOLDER, { content: true });
  ctx.ids.set('folder.shared', shared.id);
  const tags = addItem(ctx, shared, 'Tags', FOLDER, { content: true });
  for (let i = 0; i < sizes.tags; i++) {
    const base = i < TAG_WORDS.length ? TAG_WORDS[i] ?? 'Tag' : `${ctx.rng.pick(TAG_WORDS)} ${ctx.rng.pick(CITIES)}`;
    const tag = addItem(ctx, tags, uniqueChildName(ctx, tags, base), idOf(ctx, 't.tag'), { content: true, en: { 'Tag Name': base } });
    ctx.tags.push(tag.id);
  }
  const authors = addItem(ctx, shared, 'Authors', FOLDER, { content: true });
  for (let i = 0; i < sizes.authors; i++) {
    const name = uniqueChildName(ctx, authors, `${ctx.rng.pick(FIRST_NAMES)} ${ctx.rng.pick(LAST_NAMES)}`);
    const author = addItem(ctx, authors, name, idOf(ctx, 't.author'), { content: true, en: { 'Full Name': name, 'Photo': '', 'Bio': `${name} writes about technology.` } });
    ctx.authors.push(author.id);
  }
}
