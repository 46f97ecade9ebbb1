import { z } from 'zod';
import { belowAny, PathResolver, pathKey, requireModel } from '../analyzer-support.ts';
import { defineAnalyzer } from '../analyzer-types.ts';

const options = z.strictObject({});

interface Candidate { path: string; kind: 'media' | 'datasource'; language: string }

/**
 * Reusable content nothing uses: datasource items below a reuse folder
 * (Sitecore: a `Data` folder under the content root) and media items, that no
 * scanned item references in any field, layout, rendering parameter or
 * personalization rule (reference §4.1 "unused media"; simulator README).
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
    const reuseFolders = new Set<string>();
    for await (const batch of ctx.query.structure()) {
      for (const item of batch) if (model.isReuseFolder(item)) reuseFolders.add(item.path.toLowerCase());
    }
    // The content pass starts after the structure pass, so every reuse folder is known by now.
    const candidates = new Map<string, Candidate>();
    const referenced = new Set<string>();
    const referencedPaths = new Set<string>();
    for await (const batch of ctx.query.content()) {
      for (const item of batch) {
        const kind = model.reuseKind(item, belowAny(item.path.toLowerCase(), reuseFolders));
        if (kind !== null && !candidates.has(item.id)) candidates.set(item.id, { path: item.path, kind, language: item.language });
        for (const ref of ctx.referencesOf(item)) {
          if (ref.targetId !== undefined) referenced.add(ref.targetId);
          else if (ref.targetPath !== undefined) referencedPaths.add(pathKey(ref.targetPath));
        }
      }
    }
    const paths = new PathResolver((paths) => ctx.query.itemsByPath(paths));
    await paths.load(referencedPaths);
    for (const p of referencedPaths) {
      const id = paths.idOf(p);
      if (id) referenced.add(id);
    }
    for (const [id, c] of candidates) {
      if (referenced.has(id)) continue;
      yield {
        rule: c.kind, itemId: id, itemPath: c.path, language: c.language,
        message: `${c.kind === 'media' ? 'Media item' : 'Datasource item'} that no item references.`,
        evidence: { field: 'inbound references', value: '0' },
      };
    }
  },
});
