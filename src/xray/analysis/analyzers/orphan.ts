import { z } from 'zod';
import { FolderSet, PathResolver, pathKey, RecentIds, requireModel } from '../analyzer-support.ts';
import { defineAnalyzer } from '../analyzer-types.ts';
import { IdSet } from '../id-set.ts';

const options = z.strictObject({});

/**
 * Reusable content nothing uses: datasource items below a reuse folder
 * (Sitecore: a `Data` folder under the content root) and media items, that no
 * scanned item references in any field, layout, rendering parameter or
 * personalization rule (reference §4.1 "unused media"; simulator README).
 * Candidates and referenced targets are kept as packed id sets; only the
 * orphans are read back (by id) to report them.
 */
export const orphan = defineAnalyzer({
  id: 'orphan',
  version: '1.0.0',
  title: 'Orphaned datasources and media',
  category: 'orphan',
  severity: 'info',
  options,
  needs: ['structure', 'content', 'model'],
  hint: 'Delete the item if nothing needs it, or place it on a page (datasource) or link it (media). Check unpublished and external uses first.',
  docsAnchor: 'orphan',
  minutesPerFinding: 2,
  async *run(ctx) {
    const model = requireModel(ctx, 'orphan');
    const reuseFolders = new FolderSet();
    for await (const batch of ctx.query.structure()) {
      for (const item of batch) if (model.isReuseFolder(item)) reuseFolders.add(item.path);
    }
    // The content pass starts after the structure pass, so every reuse folder is known by now.
    const candidates = new IdSet();
    const referenced = new IdSet();
    const referencedPaths = new Set<string>();
    const recent = new RecentIds();
    for await (const batch of ctx.query.content()) {
      for (const item of batch) {
        // Ask the cheap question first: most items can be neither media nor a datasource.
        const possible = model.reuseKind(item, true);
        if (possible === 'media' || (possible === 'datasource' && reuseFolders.contains(item.path))) candidates.add(item.id);
        for (const ref of ctx.referencesOf(item)) {
          if (ref.targetId !== undefined) {
            if (!recent.has(ref.targetId)) { recent.add(ref.targetId); referenced.add(ref.targetId); }
          }
          else if (ref.targetPath !== undefined) referencedPaths.add(pathKey(ref.targetPath));
        }
      }
    }
    const paths = new PathResolver((p) => ctx.query.itemsByPath(p));
    await paths.load(referencedPaths);
    for (const p of referencedPaths) {
      const id = paths.idOf(p);
      if (id) referenced.add(id);
    }
    const orphans = [...candidates.values()].filter((id) => !referenced.has(id)).sort();
    for (let i = 0; i < orphans.length; i += 500) {
      const seen = new Set<string>();
      for (const item of await ctx.query.itemsById(orphans.slice(i, i + 500))) {
        if (seen.has(item.id)) continue;
        seen.add(item.id);
        const kind = model.reuseKind(item, reuseFolders.contains(item.path));
        if (kind === null) continue;
        yield {
          rule: kind, itemId: item.id, itemPath: item.path, language: item.language,
          message: `${kind === 'media' ? 'Media item' : 'Datasource item'} that no item references.`,
          evidence: { field: 'inbound references', value: '0' },
        };
      }
    }
  },
});
