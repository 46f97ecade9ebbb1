import { z } from 'zod';
import { DAY_MS, isFolderRole, requireModel } from '../analyzer-support.ts';
import { defineAnalyzer } from '../analyzer-types.ts';

const options = z.strictObject({
  /** Days without an update after which content counts as stale (sitecoreai-cli default 365; SPE offers 30/90/120/365, reference §4.2). */
  days: z.number().int().positive().default(365),
});

/**
 * Content not updated for more than `days` before the scan started (the
 * scan's clock, not the wall clock, so a re-analysis gives the same answer).
 * Items waiting in a non-final workflow state are left out: their age is the
 * workflow's, and `stale-workflow` is another question (reference §4.5).
 * Folders are left out too: they hold no content of their own to go stale,
 * and on a real instance every folder made years ago (item-bucket folders by
 * the thousand) would be a finding.
 */
export const staleContent = defineAnalyzer({
  id: 'stale-content',
  version: '1.1.0',
  title: 'Stale content',
  category: 'stale-content',
  severity: 'info',
  options,
  needs: ['content', 'model'],
  hint: 'Review the page: update it, archive it, or unpublish it if it no longer applies.',
  docsAnchor: 'stale-content',
  minutesPerFinding: 10,
  async *run(ctx) {
    const model = requireModel(ctx, 'stale-content');
    const limit = ctx.options.days * DAY_MS;
    for await (const batch of ctx.query.content()) {
      for (const item of batch) {
        if (!model.scope(item).content || isFolderRole(model.role(item))) continue;
        const updated = model.lastUpdated(item);
        if (updated === null || ctx.now - updated.at <= limit || model.inActiveWorkflow(item)) continue;
        const days = Math.floor((ctx.now - updated.at) / DAY_MS);
        yield {
          rule: 'not-updated', itemId: item.id, itemPath: item.path, language: item.language,
          message: `Not updated for ${days} days (more than ${ctx.options.days}).`,
          evidence: { field: updated.field, value: updated.value },
          detail: { ageDays: days, updatedAt: new Date(updated.at).toISOString() },
        };
      }
    }
  },
});
