import { ITEM_IDS, TEMPLATE_IDS } from '../../shared/well-known-ids.ts';
import type { SimItem } from '../tree/sim-item.ts';
import { DATASOURCE_TEMPLATES } from './catalogue.ts';
import { addItem, idOf, uniqueChildName, type GenContext, type PageRecord } from './gen-context.ts';
import { braced, externalLink, guidList, imageField, internalLink, richTextLink } from './field-values.ts';
import { nextImage, pageFields, somePages } from './page-content.ts';
import { deltaLayout, renderingParameters } from './layout-xml.ts';
import { buildPageLayout, type LocalDatasource, type PageLayout } from './page-layout.ts';
import { SUBJECTS, TOPICS } from './names.ts';

/** Deepest content depth a generated page may have (Home = 1); Data items sit two below. */
export const MAX_PAGE_DEPTH = 7;

function datasourceFields(ctx: GenContext, key: string, name: string): Record<string, string> {
  const [page] = somePages(ctx, 1);
  const img = (): string => { const id = nextImage(ctx); return id === undefined ? '' : imageField(id, name); };
  switch (key) {
    case 'hero': return { 'Heading': name, 'Subheading': 'Built for what comes next', 'Image': img(), 'Call To Action': page ? internalLink(page, 'Get started') : '' };
    case 'promo': return { 'Heading': name, 'Text': '<p>Save 20% this quarter.</p>', 'Link': ctx.rng.chance(0.5) && page ? internalLink(page, 'Details') : externalLink('https://shop.example.com/offers', 'Shop'), 'Image': img() };
    case 'textBlock': return { 'Text': page ? `<p>More in ${richTextLink(page, 'this article')}.</p>` : '<p>Text.</p>' };
    case 'teaser': return { 'Title': name, 'Summary': 'A short summary.', 'Target': page ? braced(page) : '' };
    default: return { 'Title': name, 'Links': guidList(somePages(ctx, ctx.rng.int(1, 4))) };
  }
}

const DS_NAMES: Readonly<Record<string, string>> = { hero: 'Hero', promo: 'Promo', textBlock: 'Text', teaser: 'Teaser', linkList: 'Links' };

/** A page's Data folder with `count` datasource items (templates round-robin first, so each is used). */
export function addLocalData(ctx: GenContext, page: SimItem, count: number): LocalDatasource[] {
  const folder = addItem(ctx, page, 'Data', TEMPLATE_IDS.folder, { content: true });
  const out: LocalDatasource[] = [];
  for (let i = 0; i < count; i++) {
    const key = DATASOURCE_TEMPLATES[ctx.cursors.datasource++ % DATASOURCE_TEMPLATES.length] ?? 'promo';
    const name = uniqueChildName(ctx, folder, DS_NAMES[key] ?? 'Block');
    const item = addItem(ctx, folder, name, idOf(ctx, `t.${key}`), { content: true, en: datasourceFields(ctx, key, name) });
    out.push({ item, templateKey: key });
  }
  return out;
}

/** The German version hides the breadcrumb and restyles the navigation: a per-language delta with no new references. */
function germanFinalRenderings(ctx: GenContext, templateKey: string): string {
  return deltaLayout(ITEM_IDS.defaultDevice, [
    { uid: idOf(ctx, `svuid.${templateKey}.breadcrumb`), remove: true },
    { uid: idOf(ctx, `svuid.${templateKey}.navigation`), par: renderingParameters({ Styles: braced(ctx.rng.pick(ctx.styles)) }) },
  ]);
}

export interface NewPage {
  parent: PageRecord;
  name?: string;
  templateKey?: string;
  /** Datasource items to create in a Data folder under the page. */
  localData?: number;
  /** Add a de-DE version. */
  german?: boolean;
  /** Keep the page out of the pool of parents and link targets (planted pages). */
  detached?: boolean;
  updatedAt?: number;
  readable?: boolean;
  /** Only titles and workflow: no links, media or layout (planted pages set their own evidence). */
  bare?: boolean;
  /** Workflow state id (default: Approved, or random for non-bare pages). */
  workflowState?: string;
}

/** Fields of a bare page: nothing that references another item except its workflow. */
function bareFields(name: string, state: string): { en: Record<string, string>; shared: Record<string, string> } {
  return { en: { 'Title': name, 'Meta Title': `${name} | Acme`, 'Meta Description': '', 'Navigation Title': name,
    '__Workflow': braced(ITEM_IDS.sampleWorkflow), '__Workflow state': braced(state) }, shared: {} };
}

/** Creates a page with realistic fields and layout; returns its record. */
export function addPage(ctx: GenContext, spec: NewPage): PageRecord {
  const key = spec.templateKey ?? spec.parent.childTemplate;
  const base = spec.name ?? `${ctx.rng.pick(TOPICS)} ${ctx.rng.pick(SUBJECTS)}`;
  const name = spec.name ?? uniqueChildName(ctx, spec.parent.item, base);
  const { en, shared } = spec.bare ? bareFields(name, spec.workflowState ?? ITEM_IDS.stateApproved) : pageFields(ctx, key, name);
  if (spec.workflowState && !spec.bare) en['__Workflow state'] = braced(spec.workflowState);
  const de = spec.german ? { 'Title': `${name} (DE)`, 'Navigation Title': `${name} (DE)`, 'Body': `<p>${name} auf Deutsch.</p>`, '__Workflow': en['__Workflow'] ?? '', '__Workflow state': en['__Workflow state'] ?? '' } : undefined;
  const item = addItem(ctx, spec.parent.item, name, idOf(ctx, `t.${key}`), {
    content: true, shared, en, ...(de ? { de } : {}), ...(spec.updatedAt === undefined ? {} : { updatedAt: spec.updatedAt }),
    ...(spec.readable === undefined ? {} : { readable: spec.readable }),
  });
  const record: PageRecord = { item, depth: spec.parent.depth + 1, path: `${spec.parent.path}/${name}`, childTemplate: spec.parent.childTemplate, cap: ctx.rng.int(4, 40) };
  const locals = spec.localData ? addLocalData(ctx, item, spec.localData) : [];
  const layout: PageLayout = spec.bare ? {} : buildPageLayout(ctx, record.path, key, locals);
  if (layout.renderings !== undefined) item.shared['__Renderings'] = layout.renderings;
  const enVersion = item.langs['en'];
  if (layout.finalEn !== undefined && enVersion) enVersion.fields['__Final Renderings'] = layout.finalEn;
  const deVersion = item.langs['de-DE'];
  if (deVersion && !spec.bare && ctx.rng.chance(0.4)) deVersion.fields['__Final Renderings'] = germanFinalRenderings(ctx, key);
  if (!spec.detached) ctx.pages.push(record);
  return record;
}

/** Fills the site with pages until exactly `budget` items were added. */
export function fillPages(ctx: GenContext, budget: number): void {
  const candidates = ctx.pages.filter((p) => p.depth < MAX_PAGE_DEPTH);
  const start = ctx.tree.size;
  const left = (): number => budget - (ctx.tree.size - start);
  while (left() > 0) {
    if (candidates.length === 0) throw new Error('simulator generator ran out of parents; raise MAX_PAGE_DEPTH or caps');
    // Two random choices, keep the shallower: trees grow wide before deep, like real sites.
    const a = ctx.rng.int(0, candidates.length - 1);
    const b = ctx.rng.int(0, candidates.length - 1);
    const index = (candidates[a]?.depth ?? 0) <= (candidates[b]?.depth ?? 0) ? a : b;
    const parent = candidates[index];
    if (!parent) break;
    const room = left();
    const localData = room >= 3 && ctx.rng.chance(0.45) ? Math.min(ctx.rng.int(1, 3), room - 2) : 0;
    const page = addPage(ctx, { parent, localData, german: ctx.rng.chance(0.25) });
    if (page.depth < MAX_PAGE_DEPTH) candidates.push(page);
    if (parent.item.childIds.length >= parent.cap) {
      candidates[index] = candidates[candidates.length - 1] ?? parent;
      candidates.pop();
    }
  }
}
