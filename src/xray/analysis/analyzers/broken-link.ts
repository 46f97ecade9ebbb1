import { z } from 'zod';
import type { ProfileReference } from '../../../adapter-kit/index.ts';
import type { StoredItem } from '../../../store/scan-store-types.ts';
import { PathResolver, pathKey, RecentIds } from '../analyzer-support.ts';
import { IdSet } from '../id-set.ts';
import { defineAnalyzer, type FindingDraft } from '../analyzer-types.ts';

/** References whose target breaks the page itself (a rendering or its datasource), not just a link on it. */
const PAGE_BREAKING = new Set(['rendering-id', 'rendering-datasource-id', 'rendering-datasource-path', 'layout']);

const options = z.strictObject({
  /** Reference kinds to leave out (e.g. "rendering-parameter"). */
  ignoreKinds: z.array(z.string().min(1)).default([]),
});

function draft(item: StoredItem, ref: ProfileReference, target: string): FindingDraft {
  return {
    rule: ref.kind,
    itemId: item.id,
    itemPath: item.path,
    language: item.language,
    message: `${ref.field}: ${ref.kind} reference to ${target}, which does not exist.`,
    evidence: { field: ref.field, value: ref.token, target },
    ...(PAGE_BREAKING.has(ref.kind) ? { severity: 'critical' as const } : {}),
  };
}

/**
 * Every reference (reference §3.3) whose target is not an item: ids checked
 * against every scanned id, paths (absolute and `local:` resolved against the
 * page) through the store. Targets the crawl probed and found to exist
 * without read access (or outside the scan root) are unresolvable, not
 * broken: a 404 from SSC is no proof (reference §1.5).
 */
export const brokenLink = defineAnalyzer({
  id: 'broken-link',
  version: '1.0.0',
  title: 'Broken links and references',
  category: 'broken-link',
  severity: 'warning',
  options,
  needs: ['structure', 'content', 'model'],
  hint: 'Point the field at an existing item, or clear it. For layout references, fix the rendering or datasource in the Experience Editor.',
  docsAnchor: 'broken-link',
  minutesPerFinding: 5,
  async *run(ctx) {
    const ignore = new Set(ctx.options.ignoreKinds);
    const ids = new IdSet();
    for await (const batch of ctx.query.structure()) for (const item of batch) ids.add(item.id);
    const paths = new PathResolver((paths) => ctx.query.itemsByPath(paths));
    // Only targets found in `ids` are remembered here, so a hit means "exists".
    const existing = new RecentIds();
    for await (const batch of ctx.query.content()) {
      const byPath: Array<{ item: StoredItem; ref: ProfileReference; path: string }> = [];
      for (const item of batch) {
        for (const ref of ctx.referencesOf(item)) {
          if (ignore.has(ref.kind)) continue;
          if (ref.targetId !== undefined) {
            if (existing.has(ref.targetId)) continue;
            if (ids.has(ref.targetId)) { existing.add(ref.targetId); continue; }
            if (ctx.existingElsewhere.has(ref.targetId)) ctx.count('unresolvable');
            else yield draft(item, ref, ref.targetId);
          } else if (ref.targetPath !== undefined) {
            byPath.push({ item, ref, path: ref.targetPath });
          }
        }
      }
      await paths.load(byPath.map((r) => r.path));
      for (const r of byPath) {
        if (paths.idOf(r.path) !== null) continue;
        if (ctx.existingElsewhere.has(pathKey(r.path))) ctx.count('unresolvable');
        else yield draft(r.item, r.ref, r.path);
      }
    }
  },
});
