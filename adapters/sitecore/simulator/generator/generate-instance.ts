import { ITEM_IDS, TEMPLATE_IDS } from '../../shared/well-known-ids.ts';
import { SimTree } from '../tree/sim-tree.ts';
import { RENDERING_SPECS, TEMPLATE_SPECS } from './catalogue.ts';
import { ensureBaselineReferenced } from './coverage.ts';
import { fillPages } from './fill-pages.ts';
import type { GenContext } from './gen-context.ts';
import { GroundTruthBuilder, type GroundTruth } from './ground-truth.ts';
import { scaffoldMedia } from './media-library.ts';
import { Prng } from './prng.ts';
import { scaffoldLayout } from './scaffold-layout.ts';
import { scaffoldRoots, scaffoldSystem } from './scaffold-system.ts';
import { scaffoldTemplates } from './scaffold-templates.ts';
import { scaffoldSite, STYLE_NAMES } from './site-skeleton.ts';
import { BROKEN_LINK_ITEMS, plantBrokenLinks } from './plant/plant-broken-links.ts';
import { CONTENT_ITEMS, plantContent } from './plant/plant-content.ts';
import { CONTROL_ITEMS, plantControls } from './plant/plant-controls.ts';
import { INVALID_ITEMS, plantInvalidFields } from './plant/plant-invalid.ts';
import { ORPHAN_ITEMS, plantOrphans } from './plant/plant-orphans.ts';
import { SECURITY_ITEMS, plantSecurity } from './plant/plant-security.ts';
import { STRUCTURE_ITEMS, plantStructure } from './plant/plant-structure.ts';
import { TEMPLATE_ITEMS, plantTemplates } from './plant/plant-templates.ts';

export interface GenerateOptions {
  items: number;
  seed: number;
  defects: boolean;
  now: Date;
}

export interface GeneratedInstance {
  tree: SimTree;
  groundTruth: GroundTruth;
}

const DEFECT_ITEMS = BROKEN_LINK_ITEMS + ORPHAN_ITEMS + TEMPLATE_ITEMS + STRUCTURE_ITEMS + SECURITY_ITEMS + CONTENT_ITEMS + INVALID_ITEMS;
/** Fewest pages the fill must create so every template and rendering gets used. */
const MIN_FILL = 250;

function reserveIds(ctx: GenContext): void {
  for (const spec of TEMPLATE_SPECS) ctx.ids.set(`t.${spec.key}`, ctx.rng.guid());
  for (const spec of RENDERING_SPECS) ctx.ids.set(`r.${spec.key}`, ctx.rng.guid());
  for (const key of ['layout.main', 'ds.header', 'ds.footer', 'sys.condition', 'sys.action', 'rule.returning', 'rule.true', 'rule.setDataSource']) {
    ctx.ids.set(key, ctx.rng.guid());
  }
  STYLE_NAMES.forEach((_, i) => ctx.ids.set(`style.${i}`, ctx.rng.guid()));
}

const clamp = (n: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, Math.round(n)));

/**
 * Builds a deterministic Sitecore instance of exactly `items` items (raised to
 * the minimum the scaffolding and planted defects need) and its ground truth.
 */
export function generateInstance(options: GenerateOptions): GeneratedInstance {
  const tree = new SimTree({ id: ITEM_IDS.root, name: 'sitecore', templateId: TEMPLATE_IDS.root });
  const ctx: GenContext = {
    rng: new Prng(options.seed), tree, now: options.now.getTime(), truth: new GroundTruthBuilder(), ids: new Map(),
    pages: [], media: [], documents: [], globalPromos: [], tags: [], authors: [], styles: [],
    cursors: { image: 0, document: 0, promo: 0, datasource: 0 }, referenced: new Set(), childNames: new Map(),
  };
  reserveIds(ctx);
  scaffoldRoots(ctx);
  scaffoldSystem(ctx);
  scaffoldTemplates(ctx);
  scaffoldLayout(ctx);

  const reserve = CONTROL_ITEMS + (options.defects ? DEFECT_ITEMS : 0);
  const target = Math.max(options.items, tree.size + reserve + MIN_FILL);
  const fill = target - tree.size - reserve;
  scaffoldSite(ctx, { tags: clamp(fill * 0.01, 8, 80), authors: clamp(fill * 0.005, 4, 50), promos: clamp(fill * 0.004, 3, 40) });
  scaffoldMedia(ctx, clamp(fill * 0.08, 12, 20_000));
  fillPages(ctx, target - tree.size - reserve);
  ensureBaselineReferenced(ctx);

  const beforePlanting = tree.size;
  plantControls(ctx);
  if (options.defects) {
    plantBrokenLinks(ctx);
    plantOrphans(ctx);
    plantTemplates(ctx);
    plantStructure(ctx);
    plantSecurity(ctx);
    plantContent(ctx);
    plantInvalidFields(ctx);
  }
  if (tree.size - beforePlanting !== reserve || tree.size !== target) {
    throw new Error(`simulator generator bug: planted ${tree.size - beforePlanting} items, reserved ${reserve}; size ${tree.size}, target ${target}`);
  }
  return { tree, groundTruth: ctx.truth.build({ seed: options.seed, items: tree.size, now: ctx.now }) };
}
