import { formatSitecoreDate } from '../../shared/sitecore-date.ts';
import { ITEM_IDS } from '../../shared/well-known-ids.ts';
import { DAY_MS, type GenContext } from './gen-context.ts';
import { braced, externalLink, guidList, imageField, internalLink, mediaLink, richTextImage, richTextLink } from './field-values.ts';
import { CITIES, SUBJECTS, TOPICS } from './names.ts';

/** Hands out baseline media round-robin so every media item ends up referenced. */
export function nextImage(ctx: GenContext): string | undefined {
  const id = ctx.media[ctx.cursors.image++ % Math.max(ctx.media.length, 1)];
  if (id !== undefined) ctx.referenced.add(id);
  return id;
}

export function nextDocument(ctx: GenContext): string | undefined {
  const id = ctx.documents[ctx.cursors.document++ % Math.max(ctx.documents.length, 1)];
  if (id !== undefined) ctx.referenced.add(id);
  return id;
}

export function nextPromo(ctx: GenContext): string | undefined {
  const id = ctx.globalPromos[ctx.cursors.promo++ % Math.max(ctx.globalPromos.length, 1)];
  if (id !== undefined) ctx.referenced.add(id);
  return id;
}

/** `n` distinct readable pages created so far. */
export function somePages(ctx: GenContext, n: number): string[] {
  const out: string[] = [];
  for (let tries = 0; out.length < n && tries < n * 4 && ctx.pages.length > 0; tries++) {
    const page = ctx.rng.pick(ctx.pages).item;
    if (page.readable && !out.includes(page.id)) out.push(page.id);
  }
  return out;
}

function image(ctx: GenContext, alt: string): string {
  const id = nextImage(ctx);
  if (id === undefined) return '';
  return ctx.rng.chance(0.15) ? imageField(id, alt, `/Project/Acme/Images/${alt}`) : imageField(id, alt);
}

export function richBody(ctx: GenContext, topic: string): string {
  const parts = [`<p>${topic} helps teams move faster with fewer surprises.</p>`];
  const [link] = somePages(ctx, 1);
  if (link !== undefined && ctx.rng.chance(0.7)) parts.push(`<p>Read ${richTextLink(link, 'the related story')} next.</p>`);
  if (ctx.rng.chance(0.25)) {
    const img = nextImage(ctx);
    if (img !== undefined) parts.push(`<p>${richTextImage(img, topic)}</p>`);
  }
  return parts.join('');
}

function sideLink(ctx: GenContext): string {
  const roll = ctx.rng.next();
  const [page] = somePages(ctx, 1);
  if (roll < 0.4 && page !== undefined) return internalLink(page, 'Learn more');
  if (roll < 0.6) return externalLink(`https://www.example.com/${ctx.rng.pick(['partners', 'docs', 'status', 'community'])}`, 'Visit');
  return '';
}

function pageDate(ctx: GenContext, offsetDays: number): string {
  return formatSitecoreDate(ctx.now + offsetDays * DAY_MS - (ctx.now % DAY_MS));
}

/** Field values of a new page of template `key`, per language. */
export function pageFields(ctx: GenContext, key: string, name: string): { en: Record<string, string>; shared: Record<string, string> } {
  const r = ctx.rng;
  const topic = `${r.pick(TOPICS)} ${r.pick(SUBJECTS)}`;
  const state = r.chance(0.9) ? ITEM_IDS.stateApproved : r.pick([ITEM_IDS.stateDraft, ITEM_IDS.stateAwaitingApproval]);
  const en: Record<string, string> = {
    'Title': name, 'Meta Title': `${name} | Acme`, 'Meta Description': `${topic} at Acme.`, 'Navigation Title': name,
    '__Workflow': braced(ITEM_IDS.sampleWorkflow), '__Workflow state': braced(state),
  };
  const shared: Record<string, string> = {};
  const related = (): string => guidList(somePages(ctx, r.int(0, 3)));
  switch (key) {
    case 'landingPage':
      Object.assign(en, { 'Intro': richBody(ctx, topic), 'Hero Image': image(ctx, topic), 'Featured Pages': related() });
      break;
    case 'contentPage': {
      const downloads = r.chance(0.25) ? [nextDocument(ctx)].filter((d): d is string => d !== undefined) : [];
      Object.assign(en, { 'Body': richBody(ctx, topic), 'Image': image(ctx, topic), 'Related Pages': related(), 'Side Link': sideLink(ctx), 'Downloads': guidList(downloads) });
      break;
    }
    case 'articlePage':
      Object.assign(en, { 'Body': richBody(ctx, topic), 'Image': image(ctx, topic), 'Publish Date': pageDate(ctx, -r.int(1, 900)),
        'Author': ctx.authors.length > 0 && r.chance(0.8) ? braced(r.pick(ctx.authors)) : '',
        'Tags': guidList(ctx.tags.length > 0 ? [...new Set([r.pick(ctx.tags), r.pick(ctx.tags)])].slice(0, r.int(0, 2)) : []), 'Related Pages': related() });
      break;
    case 'eventPage': {
      const start = r.int(-200, 200);
      Object.assign(en, { 'Body': richBody(ctx, topic), 'Start Date': pageDate(ctx, start), 'End Date': pageDate(ctx, start + r.int(0, 3)),
        'Venue': `${r.pick(CITIES)} Convention Center`, 'Registration Link': externalLink('https://events.example.com/register', 'Register') });
      break;
    }
    default: {
      const document = r.chance(0.4) ? nextDocument(ctx) : undefined;
      Object.assign(en, { 'Body': richBody(ctx, topic), 'Product Image': image(ctx, topic), 'Related Pages': related(),
        'Brochure': document === undefined ? '' : mediaLink(document, `/Project/Acme/Documents/Brochures/${name}`, 'Download brochure') });
      Object.assign(shared, { 'SKU': `AC-${r.int(10000, 99999)}`, 'Price': String(r.int(10, 5000)) });
    }
  }
  return { en, shared };
}
