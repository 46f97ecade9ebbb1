import type { ItemScope, ProfileItem, XrayModel, XrayProfile } from '../../../../src/adapter-kit/index.ts';
import { normalizeGuid, splitGuidList } from '../guid.ts';
import { itemNameProblem } from '../item-name.ts';
import { TEMPLATE_IDS } from '../well-known-ids.ts';
import { parseSitecoreDate } from '../sitecore-date.ts';
import { parseAcl } from './sitecore-acl.ts';
import { fieldIssues } from './sitecore-field-checks.ts';
import { createReferenceReader } from './sitecore-references.ts';
import { createFieldResolver } from './sitecore-field-types.ts';
import { DATASOURCE_FOLDER_NAME, roleOf, scopeOf } from './sitecore-roles.ts';
import { buildSitecoreSchema, SCHEMA_TEMPLATE_IDS, type SitecoreSchema } from './sitecore-schema.ts';

/**
 * Sitecore's reading of stored X-Ray data, for the CMS-neutral analyzers
 * (docs/adr/0004-xray-analysis-boundary.md). Pure: everything it knows comes
 * from the scan's own items.
 */
export const SITECORE_PROFILE_VERSION = '2';

function sizeOf(item: ProfileItem): { field: string; value: string; bytes: number } | null {
  const value = item.fields['Size'] ?? '';
  return /^\d+$/.test(value.trim()) ? { field: 'Size', value, bytes: Number(value.trim()) } : null;
}

export function createSitecoreModel(schema: SitecoreSchema): XrayModel {
  const resolve = createFieldResolver(schema);
  const references = createReferenceReader(resolve);
  const scope = (item: ProfileItem): ItemScope => scopeOf(item);
  return {
    role: (item) => roleOf(schema, item),
    scope,
    references,
    baseTypes(item) {
      if (roleOf(schema, item) !== 'type') return null;
      const value = item.fields['__Base template'] ?? '';
      return { field: '__Base template', value, ids: splitGuidList(value).map(normalizeGuid).filter((id): id is string => id !== null) };
    },
    lastUpdated(item) {
      const value = item.fields['__Updated'] ?? '';
      const at = parseSitecoreDate(value);
      return at === null ? null : { field: '__Updated', value, at };
    },
    access(item) {
      const value = item.fields['__Security'] ?? '';
      const rules = parseAcl(value);
      return rules.length === 0 ? null : { field: '__Security', value, rules };
    },
    inActiveWorkflow(item) {
      const state = normalizeGuid(item.fields['__Workflow state'] ?? '');
      return state !== null && !schema.isFinalState(state);
    },
    mediaSize: (item) => (roleOf(schema, item) === 'media' ? sizeOf(item) : null),
    fieldIssues: (item) => fieldIssues(resolve, item),
    nameIssue: (item) => itemNameProblem(item.name),
    isGeneratedFolder: (item) => item.templateId === TEMPLATE_IDS.bucketFolder,
    isReuseFolder: (item) => roleOf(schema, item) === 'container' && item.name.toLowerCase() === DATASOURCE_FOLDER_NAME && scope(item).content,
    reuseKind(item, belowReuseFolder) {
      const role = roleOf(schema, item);
      const where = scope(item);
      if (role === 'media' && where.media) return 'media';
      if (belowReuseFolder && where.content && role !== 'container') return 'datasource';
      return null;
    },
  };
}

export const sitecoreXrayProfile: XrayProfile = {
  id: 'sitecore',
  version: SITECORE_PROFILE_VERSION,
  definitionTemplateIds: SCHEMA_TEMPLATE_IDS,
  createModel: (definitions) => createSitecoreModel(buildSitecoreSchema(definitions)),
};
