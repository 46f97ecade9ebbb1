import { z } from 'zod';
import { completable, type GetPromptResult, type McpServer } from '@modelcontextprotocol/server';
import type { App } from '../../app-types.ts';
import { protocolErrorFrom } from '../tool-kit/protocol-error.ts';
import { fitRecord, type ResponseBudget } from '../tool-kit/response-budget.ts';
import { idString } from '../tool-kit/tool-input.ts';

const FOCUSES = ['quality', 'seo', 'accessibility', 'consistency'] as const;

const schemas = new WeakMap<App, ReturnType<typeof buildArgsSchema>>();

/** Built once per app (its completions need the app's adapter names), never per request. */
function argsSchema(app: App): ReturnType<typeof buildArgsSchema> {
  let schema = schemas.get(app);
  if (!schema) {
    schema = buildArgsSchema(app);
    schemas.set(app, schema);
  }
  return schema;
}

function buildArgsSchema(app: App) {
  return z.object({
    id: idString().describe('Id of the content item to review'),
    // completable() goes inside optional(): the SDK unwraps the optional to find the completer.
    adapter: completable(idString().describe('Adapter name (may be left out when one adapter is configured)'),
      (value) => app.content.adapters().map((a) => a.name).filter((n) => n.startsWith(value))).optional(),
    focus: completable(z.string().describe(`What to look at: ${FOCUSES.join(', ')} (default quality)`),
      (value) => FOCUSES.filter((f) => f.startsWith(value))).optional(),
  });
}

/**
 * review_content_item: fetches an item and asks the model to review it,
 * with the item embedded as a resource so the review rests on real field
 * values rather than the model's guess.
 */
export function registerReviewContentItem(server: McpServer, app: App, budget: ResponseBudget): void {
  server.registerPrompt('review_content_item', {
    title: 'Review a content item',
    description: 'Review one CMS content item for quality, SEO, accessibility or consistency, with concrete suggested edits.',
    argsSchema: argsSchema(app),
  }, async ({ id, adapter, focus }): Promise<GetPromptResult> => {
    try {
      const name = app.content.resolveAdapter(adapter);
      const item = await app.calls.run({ tool: 'prompt:review_content_item', adapter: name }, () => app.content.get(name, { id }));
      const fitted = fitRecord(item, budget.chars).value;
      const uri = `conduit://${encodeURIComponent(name)}/content/${encodeURIComponent(item.id)}`;
      return {
        description: `Review of "${item.name}" (${item.path ?? item.id})`,
        messages: [
          { role: 'user', content: { type: 'resource', resource: { uri, mimeType: 'application/json', text: JSON.stringify(fitted) } } },
          { role: 'user', content: { type: 'text', text: instructions(focus ?? 'quality', item.name) } },
        ],
      };
    } catch (error) {
      throw protocolErrorFrom(error);
    }
  });
}

function instructions(focus: string, name: string): string {
  return [
    `Review the content item "${name}" above with a focus on ${focus}.`,
    'List concrete problems, each with the field it is in and a suggested new value.',
    'Do not invent facts that are not in the item. If the item looks fine, say so briefly.',
    'To apply a suggestion, use content_update with the item id and the new field values (only after the user agrees).',
  ].join('\n');
}
