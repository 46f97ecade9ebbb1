import type { XrayCategory } from '../../../../src/adapter-kit/index.ts';
import { normalizeGuid, splitGuidList } from '../../shared/guid.ts';
import { itemNameProblem } from '../../shared/item-name.ts';
import { parseSitecoreDate } from '../../shared/sitecore-date.ts';
import { TEMPLATE_IDS } from '../../shared/well-known-ids.ts';
import { RULES, XRAY_CATEGORIES, type GroundTruth } from '../generator/ground-truth.ts';
import { isMediaItem } from '../server/item-model.ts';
import type { SimItem } from '../tree/sim-item.ts';
import type { SimTree } from '../tree/sim-tree.ts';
import { referencesOf } from './oracle-references.ts';
import { aclFindings } from './oracle-security.ts';

/**
 * Test support: derives every X-Ray category from the tree with the rules of
 * README.md, independently of the planters. Keys: itemId, plus the evidence
 * that makes a finding distinct within its category.
 */
export type OracleResult = Record<XrayCategory, Set<string>>;

const CONTENT = '/sitecore/content/';
const DATE_FIELDS = new Set(['__Created', '__Updated', '__Valid from', '__Valid to', '__Publish', '__Unpublish', '__Archive date', '__Archive Version date', '__Reminder date']);
const GUID_FIELDS = new Set(['__Workflow', '__Workflow state', '__Default workflow', '__Masters', '__Base template', '__Standard values']);
const LINK_TYPES = new Set(['General Link', 'Image', 'File']);
const LIST_TYPES = new Set(['Droplink', 'Droptree', 'Multilist', 'Treelist']);
const WELL_FORMED = /^<(link|image|file)(\s+[\w:-]+="[^"<]*")*\s*\/>$/;

export function keyOf(category: XrayCategory, f: { itemId: string; field?: string; target?: string; kind: string; account?: string }): string {
  if (category === 'broken-link') return `${f.itemId}|${f.field}|${f.kind}|${f.target}`;
  if (category === 'security') return `${f.itemId}|${f.kind}|${f.account}`;
  if (category === 'invalid-field') return `${f.itemId}|${f.field}|${f.kind}`;
  return f.itemId;
}

export function groundTruthKeys(truth: GroundTruth): OracleResult {
  const out = emptyResult();
  for (const c of XRAY_CATEGORIES) for (const f of truth.findings[c]) out[c].add(keyOf(c, f));
  return out;
}

function emptyResult(): OracleResult {
  return Object.fromEntries(XRAY_CATEGORIES.map((c) => [c, new Set<string>()])) as OracleResult;
}

function invalidFields(tree: SimTree, item: SimItem, add: (field: string, kind: string) => void): void {
  if (itemNameProblem(item.name) !== null) add('ItemName', 'invalid-name');
  for (const def of tree.templateFields(item.templateId)) {
    for (const language of Object.keys(item.langs)) {
      const value = tree.fieldValue(item, def.name, language);
      if (value === '') continue;
      if ((DATE_FIELDS.has(def.name) || def.type === 'Date' || def.type === 'Datetime') && parseSitecoreDate(value) === null) add(def.name, 'malformed-date');
      if ((LINK_TYPES.has(def.type) || value.startsWith('<link') || value.startsWith('<image')) && !WELL_FORMED.test(value)) add(def.name, 'malformed-link-xml');
      if ((GUID_FIELDS.has(def.name) || LIST_TYPES.has(def.type)) && splitGuidList(value).some((e) => !/^\{[^}]+\}$/.test(e) || normalizeGuid(e) === null)) add(def.name, 'malformed-guid');
    }
  }
}

interface Usage {
  templates: Set<string>;
  renderings: Set<string>;
  referenced: Set<string>;
  refs: Map<string, ReturnType<typeof referencesOf>>;
}

function usage(tree: SimTree, readable: SimItem[]): Usage {
  const refs = new Map<string, ReturnType<typeof referencesOf>>();
  const templates = new Set<string>();
  const renderings = new Set<string>();
  const referenced = new Set<string>();
  for (const item of readable) {
    const own = tree.items.get(item.templateId);
    if (!own || !tree.ancestorsOf(item).some((a) => a.id === own.id)) templates.add(item.templateId);
    for (const base of splitGuidList(item.shared['__Base template'] ?? '')) {
      const id = normalizeGuid(base);
      if (id && id !== item.id) templates.add(id);
    }
    const itemRefs = referencesOf(tree, item);
    refs.set(item.id, itemRefs);
    for (const ref of itemRefs) {
      if (ref.kind === 'rendering-id') renderings.add(ref.target);
      const target = ref.byPath ? tree.getByPath(ref.target)?.id : ref.target;
      if (target) referenced.add(target);
    }
  }
  return { templates, renderings, referenced, refs };
}

function inCycle(tree: SimTree, id: string): boolean {
  const seen = new Set<string>();
  const stack = [...(tree.templates.get(id)?.baseIds ?? [])];
  while (stack.length > 0) {
    const cur = stack.pop() ?? '';
    if (cur === id) return true;
    if (seen.has(cur)) continue;
    seen.add(cur);
    stack.push(...(tree.templates.get(cur)?.baseIds ?? []));
  }
  return false;
}

export function runOracle(tree: SimTree, now: number): OracleResult {
  const out = emptyResult();
  const readable = [...tree.items.values()].filter((i) => i.readable);
  const { templates, renderings, referenced, refs } = usage(tree, readable);
  const finalStates = new Set(readable.filter((i) => i.templateId === TEMPLATE_IDS.workflowState && i.shared['Final'] === '1').map((i) => i.id));
  for (const item of readable) {
    const path = tree.pathOf(item);
    const inContent = path.startsWith(CONTENT);
    const kids = tree.children(item, true);
    if (kids.length > RULES.maxChildren) out['too-many-children'].add(item.id);
    const names = kids.map((k) => k.name.toLowerCase());
    for (const kid of kids) if (names.filter((n) => n === kid.name.toLowerCase()).length > 1) out.duplicate.add(kid.id);
    if (isMediaItem(item) && Number(item.shared['Size'] ?? '0') > RULES.largeMediaBytes) out['large-media'].add(item.id);
    if ((item.templateId === TEMPLATE_IDS.folder || item.templateId === TEMPLATE_IDS.mediaFolder) && kids.length === 0
      && (inContent || path.startsWith('/sitecore/media library/'))) out['empty-container'].add(item.id);
    if (item.templateId === TEMPLATE_IDS.template && /^\/sitecore\/templates\/(Project|Feature|Foundation|User Defined)\//.test(path) && !templates.has(item.id)) out['unused-template'].add(item.id);
    if (item.templateId === TEMPLATE_IDS.template && inCycle(tree, item.id)) out['circular-reference'].add(item.id);
    if ((item.templateId === TEMPLATE_IDS.viewRendering || item.templateId === TEMPLATE_IDS.controllerRendering) && !renderings.has(item.id)) out['unused-rendering'].add(item.id);
    const isDatasource = inContent && item.templateId !== TEMPLATE_IDS.folder && tree.ancestorsOf(item).some((a) => a.name === 'Data' && a.templateId === TEMPLATE_IDS.folder);
    if ((isDatasource || (isMediaItem(item) && path.startsWith('/sitecore/media library/'))) && !referenced.has(item.id)) out.orphan.add(item.id);
    for (const ref of refs.get(item.id) ?? []) {
      const exists = ref.byPath ? tree.getByPath(ref.target) !== undefined : tree.items.has(ref.target);
      if (!exists) out['broken-link'].add(keyOf('broken-link', { itemId: item.id, ...ref }));
    }
    if (!inContent) continue;
    if (path.split('/').length - 3 > RULES.maxDepth) out['deep-nesting'].add(item.id);
    for (const f of aclFindings(item.shared['__Security'] ?? '')) out.security.add(keyOf('security', { itemId: item.id, ...f }));
    const updated = parseSitecoreDate(item.langs['en']?.fields['__Updated'] ?? '');
    const state = normalizeGuid(item.langs['en']?.fields['__Workflow state'] ?? '');
    const inWorkflow = state !== null && !finalStates.has(state);
    if (updated !== null && now - updated > RULES.staleDays * 86_400_000 && !inWorkflow) out['stale-content'].add(item.id);
    invalidFields(tree, item, (field, kind) => out['invalid-field'].add(keyOf('invalid-field', { itemId: item.id, field, kind })));
  }
  return out;
}
