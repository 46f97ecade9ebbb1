import { z } from 'zod';
import { requireModel } from '../analyzer-support.ts';
import { defineAnalyzer } from '../analyzer-types.ts';

const options = z.strictObject({
  /** Largest acceptable media file in bytes; default 250 KB = 256,000 bytes (SPE Media Audit default, reference §4.1). */
  maxBytes: z.number().int().positive().default(256_000),
});

/** Media files larger than the limit: slow pages and heavy publishing (reference §4.1, SPE "media by size"). */
export const largeMedia = defineAnalyzer({
  id: 'large-media',
  version: '1.0.0',
  title: 'Large media files',
  category: 'large-media',
  severity: 'warning',
  options,
  needs: ['content', 'model'],
  hint: 'Compress or resize the file (or serve it through an image CDN with resizing) and upload it again.',
  docsAnchor: 'large-media',
  minutesPerFinding: 5,
  async *run(ctx) {
    const model = requireModel(ctx, 'large-media');
    for await (const batch of ctx.query.content()) {
      for (const item of batch) {
        const size = model.mediaSize(item);
        if (size === null || size.bytes <= ctx.options.maxBytes) continue;
        const bytes = size.bytes;
        yield {
          rule: 'size', itemId: item.id, itemPath: item.path, language: item.language,
          message: `${(bytes / 1024).toFixed(0)} KB (more than ${(ctx.options.maxBytes / 1024).toFixed(0)} KB).`,
          evidence: { field: size.field, value: size.value },
        };
      }
    }
  },
});
