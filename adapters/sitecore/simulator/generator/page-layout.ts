import { ITEM_IDS } from '../../shared/well-known-ids.ts';
import type { SimItem } from '../tree/sim-item.ts';
import { DATASOURCE_RENDERING, RENDERING_SPECS, STANDARD_VALUES_RENDERINGS, TEMPLATE_SPECS } from './catalogue.ts';
import { idOf, type GenContext } from './gen-context.ts';
import { braced } from './field-values.ts';
import { deltaLayout, fullLayout, personalizationRules, renderingParameters, type DeltaRendering, type FullRendering } from './layout-xml.ts';
import { FOOTER_DATASOURCE_PATH } from './scaffold-templates.ts';
import { nextPromo } from './page-content.ts';

export interface LocalDatasource {
  item: SimItem;
  templateKey: string;
}

export type DatasourceForm = 'guid' | 'local' | 'path';

export interface PageLayout {
  renderings?: string;
  finalEn?: string;
}

const DEVICE = ITEM_IDS.defaultDevice;

export function datasourceValue(form: DatasourceForm, ds: SimItem, pagePath: string): string {
  if (form === 'guid') return braced(ds.id);
  if (form === 'local') return `local:/Data/${ds.name}`;
  return `${pagePath}/Data/${ds.name}`;
}

function pickForm(ctx: GenContext): DatasourceForm {
  const roll = ctx.rng.next();
  return roll < 0.5 ? 'guid' : roll < 0.8 ? 'local' : 'path';
}

function someParameters(ctx: GenContext, placeholderId: number): string | undefined {
  if (!ctx.rng.chance(0.4) || ctx.styles.length === 0) return undefined;
  const styles = [...new Set([ctx.rng.pick(ctx.styles), ctx.rng.pick(ctx.styles)])].map((id) => braced(id)).join('|');
  return renderingParameters({ Styles: styles, DynamicPlaceholderId: String(placeholderId) });
}

function placeholderOf(key: string): string {
  return RENDERING_SPECS.find((r) => r.key === key)?.placeholder ?? 'main';
}

/** The standard-values renderings of a page template, as a full-form layout copies them. */
function standardValuesRenderings(ctx: GenContext, templateKey: string): FullRendering[] {
  const spec = TEMPLATE_SPECS.find((t) => t.key === templateKey);
  return [...STANDARD_VALUES_RENDERINGS, ...(spec?.page?.renderings ?? [])].map((key) => {
    const ds = key === 'header' ? braced(idOf(ctx, 'ds.header')) : key === 'footer' ? FOOTER_DATASOURCE_PATH : undefined;
    return { id: idOf(ctx, `r.${key}`), uid: idOf(ctx, `svuid.${templateKey}.${key}`), ph: placeholderOf(key), ...(ds ? { ds } : {}) };
  });
}

function personalized(ctx: GenContext, dataSource: string): string {
  return personalizationRules({
    ruleUid: ctx.rng.guid(), name: 'Returning visitors', conditionUid: ctx.rng.guid(), conditionId: idOf(ctx, 'rule.returning'),
    actionUid: ctx.rng.guid(), actionId: idOf(ctx, 'rule.setDataSource'), dataSource,
  }, ctx.rng.guid(), idOf(ctx, 'rule.true'));
}

/**
 * A page's own layout: its local datasources placed by `__Renderings` (delta or
 * full form) and, sometimes, by the en `__Final Renderings` (a later edit or a
 * personalization rule), so both fields carry references.
 */
export function buildPageLayout(ctx: GenContext, pagePath: string, templateKey: string, locals: LocalDatasource[]): PageLayout {
  const r = ctx.rng;
  const useFinal = locals.length >= 2 && r.chance(0.3);
  const inRenderings = useFinal ? locals.slice(0, -1) : locals;
  const placed = inRenderings.map((ds, i) => {
    const key = DATASOURCE_RENDERING[ds.templateKey] ?? 'richText';
    const par = someParameters(ctx, i + 1);
    return { uid: r.guid(), id: idOf(ctx, `r.${key}`), ds: datasourceValue(pickForm(ctx), ds.item, pagePath), ph: placeholderOf(key), ...(par ? { par } : {}) };
  });
  const layout: PageLayout = {};
  if (placed.length > 0) {
    layout.renderings = r.chance(0.25)
      ? fullLayout(DEVICE, idOf(ctx, 'layout.main'), [...standardValuesRenderings(ctx, templateKey), ...placed])
      : deltaLayout(DEVICE, placed);
  } else if (r.chance(0.35)) {
    const promo = ctx.globalPromos.length > 0 && r.chance(0.5) ? nextPromo(ctx) : undefined;
    layout.renderings = deltaLayout(DEVICE, [promo
      ? { uid: r.guid(), id: idOf(ctx, 'r.promo'), ds: braced(promo), ph: 'main' }
      : { uid: r.guid(), id: idOf(ctx, 'r.container'), ph: 'main', par: renderingParameters({ GridParameters: braced(r.pick(ctx.styles)), DynamicPlaceholderId: '3' }) }]);
  }
  if (useFinal) layout.finalEn = finalRenderings(ctx, templateKey, pagePath, placed, locals[locals.length - 1]);
  return layout;
}

function finalRenderings(ctx: GenContext, templateKey: string, pagePath: string, placed: DeltaRendering[], last: LocalDatasource | undefined): string | undefined {
  if (!last) return undefined;
  const r = ctx.rng;
  const changes: DeltaRendering[] = [];
  const first = placed[0];
  if (first && r.chance(0.5)) {
    changes.push({ uid: first.uid, rules: personalized(ctx, last.item.id) });
  } else {
    const key = DATASOURCE_RENDERING[last.templateKey] ?? 'richText';
    changes.push({ uid: r.guid(), id: idOf(ctx, `r.${key}`), ds: datasourceValue(pickForm(ctx), last.item, pagePath), ph: 'main', first: r.chance(0.5) });
  }
  if (r.chance(0.5)) changes.push({ uid: idOf(ctx, `svuid.${templateKey}.breadcrumb`), remove: true });
  return deltaLayout(DEVICE, changes);
}
