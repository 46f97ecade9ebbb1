import { z } from 'zod';
import type { FieldIssueKind } from '../../../adapter-kit/index.ts';
import { requireModel } from '../analyzer-support.ts';
import { defineAnalyzer } from '../analyzer-types.ts';

const KINDS = ['malformed-date', 'malformed-link-xml', 'malformed-guid', 'required-empty', 'invalid-name'] as const;

const options = z.strictObject({
  /** Rules to leave out. */
  ignore: z.array(z.enum(KINDS)).default([]),
});

/**
 * Content whose raw values break their field type's storage format
 * (malformed dates, link XML and GUID lists), required fields left empty, and
 * item names that fail the CMS's naming rules (reference §4.2, §4.3: names
 * created through APIs or imports bypass the editor's validation).
 */
export const invalidField = defineAnalyzer({
  id: 'invalid-field',
  version: '1.1.0',
  title: 'Invalid field values and names',
  category: 'invalid-field',
  severity: 'warning',
  options,
  needs: ['content', 'model'],
  hint: 'Re-enter the value through the editor (which writes the correct format), or rename the item to match the naming rules.',
  docsAnchor: 'invalid-field',
  minutesPerFinding: 5,
  async *run(ctx) {
    const model = requireModel(ctx, 'invalid-field');
    const ignore = new Set<FieldIssueKind | 'invalid-name'>(ctx.options.ignore);
    let lastNameChecked: string | undefined;
    for await (const batch of ctx.query.content()) {
      for (const item of batch) {
        if (!model.scope(item).content) continue;
        const nameIssue = item.id === lastNameChecked || ignore.has('invalid-name') ? null : model.nameIssue(item);
        lastNameChecked = item.id;
        if (nameIssue !== null) {
          yield {
            rule: 'invalid-name', itemId: item.id, itemPath: item.path, language: item.language,
            message: `The name "${item.name}" ${nameIssue}.`,
            evidence: { field: 'ItemName', value: item.name },
          };
        }
        for (const issue of model.fieldIssues(item)) {
          if (ignore.has(issue.kind)) continue;
          // Version 0: the item has no version in this language (SSC still answers it), so nothing was left empty.
          if (issue.kind === 'required-empty' && item.version === 0) continue;
          yield {
            rule: issue.kind, itemId: item.id, itemPath: item.path, language: item.language,
            message: `${issue.field}: ${issue.detail}.`,
            evidence: { field: issue.field, value: issue.value },
          };
        }
      }
    }
  },
});
