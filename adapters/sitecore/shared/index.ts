// Shared Sitecore encoding helpers used by the XP and XM Cloud adapters and the simulator.
export { normalizeGuid, isGuid, toBracedGuid, toCompactGuid, toIndexGuid, splitGuidList } from './guid.ts';
export { parseSitecoreDate, formatSitecoreDate, isMalformedSitecoreDate, sitecoreDateToIso } from './sitecore-date.ts';
export { ITEM_IDS, TEMPLATE_IDS } from './well-known-ids.ts';
export { itemNameProblem, isValidItemName, INVALID_ITEM_NAME_CHARS, MAX_ITEM_NAME_LENGTH } from './item-name.ts';
export { extractFieldReferences, fieldValueReferences, withXrayReferences, type FieldReference, type FieldReferenceOptions } from './field-references.ts';
export { parseLayoutXml, mergeLayouts, effectiveLayout, decodeXmlEntities, xmlAttributes } from './layout-xml.ts';
export type { LayoutDefinition, LayoutDevice, LayoutRendering, LayoutRule } from './layout-xml.ts';
