import { toCompactGuid } from '../../../shared/guid.ts';
import { formatSitecoreDate } from '../../../shared/sitecore-date.ts';
import { ITEM_IDS, TEMPLATE_IDS } from '../../../shared/well-known-ids.ts';
import { addItem, DAY_MS, hasChildNamed, idOf, mustGet, type GenContext } from '../gen-context.ts';
import { braced, externalLink, guidList, richTextImage, richTextLink } from '../field-values.ts';
import { deltaLayout, personalizationRules } from '../layout-xml.ts';
import { addMediaItem, mediaCategoryFolder } from '../media-library.ts';
import { control, enFields, plantPage, plantParent, randomSection } from './plant-kit.ts';

/** Items the control planter adds (always planted, with or without defects). */
export const CONTROL_ITEMS = 27;
const DEVICE = ITEM_IDS.defaultDevice;

function otherLanguageControls(ctx: GenContext): void {
  const parent = plantParent(ctx);
  const karriere = addItem(ctx, parent.item, 'Karriere', idOf(ctx, 't.contentPage'), { content: true, noEn: true,
    de: { 'Title': 'Karriere', 'Body': '<p>Offene Stellen.</p>', '__Workflow': braced(ITEM_IDS.sampleWorkflow), '__Workflow state': braced(ITEM_IDS.stateApproved) } });
  control(ctx, 'other-language-only', karriere, 'Exists only in de-DE: SSC answers it in en with ItemVersion "0"; it exists, so links to it are not broken.');
  const page = plantPage(ctx, { name: 'Jobs Overview', templateKey: 'contentPage' }).item;
  enFields(page)['Body'] = `<p>German-speaking applicants: ${richTextLink(karriere.id, 'Karriere')}.</p>`;
  control(ctx, 'link-to-other-language', page, 'Links to an item that has no en version: not a broken link.', { field: 'Body', value: toCompactGuid(karriere.id) });
}

function datasourceControls(ctx: GenContext): void {
  let page = plantPage(ctx, { name: 'Solutions Tour', templateKey: 'contentPage' }).item;
  let data = addItem(ctx, page, 'Data', TEMPLATE_IDS.folder, { content: true });
  addItem(ctx, data, 'Hero', idOf(ctx, 't.hero'), { content: true, en: { 'Heading': 'Tour', 'Subheading': '', 'Image': '', 'Call To Action': '' } });
  page.shared['__Renderings'] = deltaLayout(DEVICE, [{ uid: ctx.rng.guid(), id: idOf(ctx, 'r.hero'), ds: 'local:/Data/Hero', ph: 'main' }]);
  control(ctx, 'local-datasource', page, 'local:/Data/Hero resolves against the page path: not broken, and the Hero is not an orphan.', { field: '__Renderings', value: 'local:/Data/Hero' });

  page = plantPage(ctx, { name: 'Personalized Landing', templateKey: 'contentPage' }).item;
  data = addItem(ctx, page, 'Data', TEMPLATE_IDS.folder, { content: true });
  const [main, variant] = ['Promo', 'Promo Returning'].map((name) => addItem(ctx, data, name, idOf(ctx, 't.promo'), { content: true, en: { 'Heading': name, 'Text': '', 'Link': '', 'Image': '' } }));
  if (!main || !variant) throw new Error('generator: personalization promos missing');
  const uid = ctx.rng.guid();
  page.shared['__Renderings'] = deltaLayout(DEVICE, [{ uid, id: idOf(ctx, 'r.promo'), ds: braced(main.id), ph: 'main' }]);
  enFields(page)['__Final Renderings'] = deltaLayout(DEVICE, [{ uid, rules: personalizationRules({ ruleUid: ctx.rng.guid(), name: 'Returning visitors',
    conditionUid: ctx.rng.guid(), conditionId: idOf(ctx, 'rule.returning'), actionUid: ctx.rng.guid(), actionId: idOf(ctx, 'rule.setDataSource'), dataSource: variant.id },
  ctx.rng.guid(), idOf(ctx, 'rule.true')) }]);
  control(ctx, 'personalization-datasource', variant, 'Referenced only by a personalization rule action (DataSource) in __Final Renderings: not an orphan.');

  page = plantPage(ctx, { name: 'Campaign Finale', templateKey: 'contentPage' }).item;
  data = addItem(ctx, page, 'Data', TEMPLATE_IDS.folder, { content: true });
  const finale = addItem(ctx, data, 'Teaser', idOf(ctx, 't.teaser'), { content: true, en: { 'Title': 'Finale', 'Summary': '', 'Target': '' } });
  enFields(page)['__Final Renderings'] = deltaLayout(DEVICE, [{ uid: ctx.rng.guid(), id: idOf(ctx, 'r.teaser'), ds: 'local:/Data/Teaser', ph: 'main' }]);
  control(ctx, 'final-renderings-only-datasource', finale, 'Referenced only from the en __Final Renderings (local: form): not an orphan.');

  page = plantPage(ctx, { name: 'Latest Articles', templateKey: 'contentPage' }).item;
  page.shared['__Renderings'] = deltaLayout(DEVICE, [{ uid: ctx.rng.guid(), id: idOf(ctx, 'r.linkList'), ds: 'query:./Data/*', ph: 'main' }]);
  control(ctx, 'query-datasource', page, 'query: datasources are dynamic: skipped, not broken.', { field: '__Renderings', value: 'query:./Data/*' });
}

function mediaControls(ctx: GenContext): void {
  const folder = mediaCategoryFolder(ctx, 'People');
  const set = ctx.tree.children(folder).find((c) => c.childIds.length < 55) ?? folder;
  const [dash, tilde, boundary] = ['offsite-group', 'offsite-stage', 'keynote-poster'].map((name, i) =>
    addMediaItem(ctx, set, { name, kind: 'image', size: i === 2 ? 256_000 : 90_000 }));
  if (!dash || !tilde || !boundary) throw new Error('generator: control media missing');
  const page = plantPage(ctx, { name: 'Offsite Recap', templateKey: 'contentPage' }).item;
  enFields(page)['Body'] = `<p>${richTextImage(dash.id, 'Group photo')}</p><p>${richTextImage(tilde.id, 'Stage', '~')}</p>`;
  control(ctx, 'rich-text-only-media', dash, 'Referenced only from Rich Text (-/media/<id>.ashx): not an orphan.');
  control(ctx, 'rich-text-only-media', tilde, 'Referenced only from Rich Text (~/media/<id>.ashx): not an orphan.');
  const kit = plantPage(ctx, { name: 'Keynote Assets', templateKey: 'contentPage' }).item;
  enFields(kit)['Downloads'] = guidList([boundary.id]);
  control(ctx, 'media-size-boundary', boundary, 'Size is exactly 256000 bytes (250 KB): not larger than the threshold.', { field: 'Size', value: '256000' });
  const sample = mustGet(ctx, ctx.media[0] ?? '');
  control(ctx, 'non-reference-guid', sample, 'The Blob field holds a blob id, not an item: not a link.', { field: 'Blob', value: sample.shared['Blob'] ?? '' });
}

function staleControls(ctx: GenContext): void {
  const inWorkflow = ctx.now - 500 * DAY_MS;
  let page = plantPage(ctx, { name: 'Pending Policy Update', templateKey: 'contentPage', updatedAt: inWorkflow, workflowState: ITEM_IDS.stateAwaitingApproval }).item;
  control(ctx, 'stale-in-workflow', page, 'Not updated for 500 days but in a non-final workflow state: excluded from stale-content.', { field: '__Updated', value: formatSitecoreDate(inWorkflow) });
  // An hour inside the limit, so the control holds for a scan that starts a while after the simulator (conduit demo).
  const boundary = ctx.now - 365 * DAY_MS + 3_600_000;
  page = plantPage(ctx, { name: 'Annual Checklist', templateKey: 'contentPage', updatedAt: boundary }).item;
  control(ctx, 'stale-boundary', page, 'Updated an hour less than 365 days before now: not more than 365 days.', { field: '__Updated', value: formatSitecoreDate(boundary) });
}

function accessControls(ctx: GenContext): void {
  const board = plantPage(ctx, { name: 'Board Minutes', parent: randomSection(ctx), templateKey: 'contentPage', readable: false });
  board.item.shared['__Security'] = 'ar|sitecore\\Board Members|p*|+item:read|';
  for (const year of ['2024', '2025']) {
    const child = plantPage(ctx, { name: year, parent: board, templateKey: 'contentPage', readable: false }).item;
    ctx.truth.markUnreadable(child.id);
  }
  ctx.truth.markUnreadable(board.item.id);
  const page = plantPage(ctx, { name: 'Governance', templateKey: 'contentPage' }).item;
  enFields(page)['Related Pages'] = guidList([board.item.id]);
  control(ctx, 'link-to-unreadable', page, 'Links to an item the API account cannot read: SSC answers 404; report it as unresolvable, not broken.', { field: 'Related Pages', value: braced(board.item.id) });

  const external = plantPage(ctx, { name: 'Status Page', templateKey: 'contentPage' }).item;
  enFields(external)['Side Link'] = externalLink('https://www.example.com/retired-page', 'System status');
  control(ctx, 'external-link', external, 'External General Links are not item references (no HTTP probe).', { field: 'Side Link' });

  const used = new Set<string>();
  while (used.size < 2) {
    const parent = plantParent(ctx);
    if (used.has(parent.item.id) || hasChildNamed(ctx, parent.item, 'Team')) continue;
    used.add(parent.item.id);
    const team = plantPage(ctx, { name: 'Team', parent, templateKey: 'contentPage' }).item;
    control(ctx, 'same-name-different-parent', team, 'Same name as an item under another parent: not a duplicate.');
  }
}

function baselineControls(ctx: GenContext): void {
  for (const key of ['header', 'navigation', 'breadcrumb', 'footer']) {
    control(ctx, 'standard-values-rendering', mustGet(ctx, idOf(ctx, `r.${key}`)), 'Placed only by page templates\' standard values __Renderings: used.');
  }
  control(ctx, 'standard-values-datasource', mustGet(ctx, idOf(ctx, 'ds.header')), 'Datasource (by GUID) of a standard-values rendering: not an orphan.');
  control(ctx, 'standard-values-datasource', mustGet(ctx, idOf(ctx, 'ds.footer')), 'Datasource (by path) of a standard-values rendering: not an orphan.');
  control(ctx, 'layout-from-standard-values', mustGet(ctx, ITEM_IDS.home), 'Has no own __Renderings: SSC returns the Sample Item standard values layout (Sample Rendering), which is therefore used.');
  control(ctx, 'rendering-parameter-guid', mustGet(ctx, idOf(ctx, 'style.4')), 'Referenced from rendering parameters (GridParameters=%7B…%7D): resolves.');
  control(ctx, 'old-system-item', mustGet(ctx, TEMPLATE_IDS.sampleItem), 'Old __Updated outside /sitecore/content: out of stale-content scope.');
}

/** Things that look like defects and are not: an analyzer that reports them is wrong. */
export function plantControls(ctx: GenContext): void {
  otherLanguageControls(ctx);
  datasourceControls(ctx);
  mediaControls(ctx);
  staleControls(ctx);
  accessControls(ctx);
  baselineControls(ctx);
}
