import type { XrayCategory } from '../../adapter-kit/index.ts';
import type { RegisteredAnalyzer } from './analyzer-types.ts';
import { brokenLink } from './analyzers/broken-link.ts';
import { circularReference } from './analyzers/circular-reference.ts';
import { deepNesting } from './analyzers/deep-nesting.ts';
import { duplicate } from './analyzers/duplicate.ts';
import { emptyContainer } from './analyzers/empty-container.ts';
import { invalidField } from './analyzers/invalid-field.ts';
import { largeMedia } from './analyzers/large-media.ts';
import { orphan } from './analyzers/orphan.ts';
import { security } from './analyzers/security.ts';
import { staleContent } from './analyzers/stale-content.ts';
import { tooManyChildren } from './analyzers/too-many-children.ts';
import { unusedRendering } from './analyzers/unused-rendering.ts';
import { unusedTemplate } from './analyzers/unused-template.ts';

/** Every analyzer, in report order. Docs (docs/xray.md) and the config schema are checked against this list. */
export const ANALYZERS: readonly RegisteredAnalyzer[] = [
  brokenLink, orphan, unusedTemplate, unusedRendering, duplicate, security, deepNesting,
  tooManyChildren, largeMedia, staleContent, circularReference, emptyContainer, invalidField,
];

/** The X-Ray categories in report order. */
export const CATEGORIES: readonly XrayCategory[] = ANALYZERS.map((a) => a.category);

export function analyzerById(id: string): RegisteredAnalyzer | undefined {
  return ANALYZERS.find((a) => a.id === id);
}
