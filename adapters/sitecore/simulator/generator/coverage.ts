import { ITEM_IDS } from '../../shared/well-known-ids.ts';
import { idOf, type GenContext } from './gen-context.ts';
import { braced, guidList } from './field-values.ts';
import { deltaLayout } from './layout-xml.ts';

/**
 * Makes sure every baseline media item and global promo is referenced at least
 * once, whatever the random draws were: only planted orphans may be unreferenced.
 */
export function ensureBaselineReferenced(ctx: GenContext): void {
  const contentPages = ctx.pages.filter((p) => p.item.templateId === idOf(ctx, 't.contentPage') && p.item.readable);
  const media = [...ctx.media, ...ctx.documents].filter((id) => !ctx.referenced.has(id));
  for (let i = 0; i < media.length; i += 3) {
    const page = ctx.rng.pick(contentPages).item;
    const en = page.langs['en'];
    if (!en) continue;
    const existing = en.fields['Downloads'] ?? '';
    const added = guidList(media.slice(i, i + 3));
    en.fields['Downloads'] = existing === '' ? added : `${existing}|${added}`;
    media.slice(i, i + 3).forEach((id) => ctx.referenced.add(id));
  }
  const bare = ctx.pages.filter((p) => p.depth > 2 && p.item.readable && p.item.shared['__Renderings'] === undefined && p.item.langs['en']?.fields['__Final Renderings'] === undefined);
  for (const promo of ctx.globalPromos.filter((id) => !ctx.referenced.has(id))) {
    const page = ctx.rng.pick(bare).item;
    page.shared['__Renderings'] = deltaLayout(ITEM_IDS.defaultDevice, [{ uid: ctx.rng.guid(), id: idOf(ctx, 'r.promo'), ds: braced(promo), ph: 'main' }]);
    ctx.referenced.add(promo);
    bare.splice(bare.findIndex((p) => p.item === page), 1);
  }
}
