import { z } from 'zod';
import { isFolderRole, requireModel } from '../analyzer-support.ts';
import { defineAnalyzer } from '../analyzer-types.ts';

const options = z.strictObject({});

/**
 * Content and media folders with no children: leftovers of moved or deleted
 * content that clutter the tree and the editors' pickers. "No children" is
 * what the CMS reported for the item (SSC: no readable child).
 */
export const emptyContainer = defineAnalyzer({
  id: 'empty-container',
  version: '1.0.0',
  title: 'Empty folders',
  category: 'empty-container',
  severity: 'info',
  options,
  needs: ['structure', 'model'],
  hint: 'Delete the folder if nothing is planned for it.',
  docsAnchor: 'empty-container',
  minutesPerFinding: 1,
  async *run(ctx) {
    const model = requireModel(ctx, 'empty-container');
    let last: string | undefined;
    for await (const batch of ctx.query.structure()) {
      for (const item of batch) {
        if (item.id === last || item.hasChildren) continue;
        last = item.id;
        const role = model.role(item);
        if (!isFolderRole(role)) continue;
        const scope = model.scope(item);
        if (!scope.content && !scope.media) continue;
        yield {
          rule: role === 'container' ? 'folder' : 'media-folder', itemId: item.id, itemPath: item.path, language: item.language,
          message: `${role === 'container' ? 'Folder' : 'Media folder'} with no children.`,
          evidence: { field: 'children', value: '0' },
        };
      }
    }
  },
});
