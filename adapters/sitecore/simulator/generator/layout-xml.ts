import { bracedId as toBracedGuid } from './fast-guid.ts';

/**
 * Builders for the layout XML Sitecore stores in `__Renderings` and
 * `__Final Renderings` (reference §3.1): the full form and the delta form.
 */

export interface FullRendering {
  id: string;
  uid: string;
  ph: string;
  ds?: string;
  par?: string;
}

export interface DeltaRendering {
  uid: string;
  id?: string;
  ds?: string;
  ph?: string;
  par?: string;
  /** p:before="*" puts the rendering first. */
  first?: boolean;
  /** `<p:d/>`: remove the rendering with this uid. */
  remove?: boolean;
  /** Personalization rules (already serialized `<rls>…</rls>`). */
  rules?: string;
}

const NEEDS_ESCAPE = /[&<>"]/;

export function xmlAttr(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return value;
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

/** Full form: `<r><d id l><r ds id par ph uid/></d></r>` (attribute order as Sitecore writes it). */
export function fullLayout(deviceId: string, layoutId: string, renderings: FullRendering[]): string {
  const rs = renderings.map((r) => `<r ds="${xmlAttr(r.ds ?? '')}" id="${toBracedGuid(r.id)}" par="${xmlAttr(r.par ?? '')}" ph="${xmlAttr(r.ph)}" uid="${toBracedGuid(r.uid)}" />`);
  return [`<r xmlns:xsd="http://www.w3.org/2001/XMLSchema"><d id="${toBracedGuid(deviceId)}" l="${toBracedGuid(layoutId)}">`, ...rs, '</d></r>'].join('');
}

function deltaRendering(r: DeltaRendering): string {
  if (r.remove) return `<r uid="${toBracedGuid(r.uid)}"><p:d /></r>`;
  const attrs = [`uid="${toBracedGuid(r.uid)}"`];
  if (r.first) attrs.push('p:before="*"');
  if (r.ds !== undefined) attrs.push(`s:ds="${xmlAttr(r.ds)}"`);
  if (r.id !== undefined) attrs.push(`s:id="${toBracedGuid(r.id)}"`);
  if (r.par !== undefined) attrs.push(`s:par="${xmlAttr(r.par)}"`);
  if (r.ph !== undefined) attrs.push(`s:ph="${xmlAttr(r.ph)}"`);
  return r.rules ? `<r ${attrs.join(' ')}>${r.rules}</r>` : `<r ${attrs.join(' ')} />`;
}

/** Delta form: only what changed against the layout below it, matched by uid. */
export function deltaLayout(deviceId: string, renderings: DeltaRendering[]): string {
  return [`<r xmlns:p="p" xmlns:s="s" p:p="1"><d id="${toBracedGuid(deviceId)}">`, ...renderings.map(deltaRendering), '</d></r>'].join('');
}

/** Rendering parameters: URL-encoded, GUIDs as %7B…%7D (reference §3.1). */
export function renderingParameters(params: Record<string, string>): string {
  return Object.entries(params).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
}

export interface PersonalizationRule {
  ruleUid: string;
  name: string;
  conditionUid: string;
  conditionId: string;
  actionUid: string;
  actionId: string;
  dataSource: string;
}

const DEFAULT_RULE_UID = '00000000-0000-0000-0000-000000000000';

/** `<rls><ruleset>` with one personalized rule and Sitecore's default rule. */
export function personalizationRules(rule: PersonalizationRule, defaultConditionUid: string, trueConditionId: string): string {
  return '<rls><ruleset>'
    + `<rule uid="${toBracedGuid(rule.ruleUid)}" s:name="${xmlAttr(rule.name)}"><conditions><condition uid="${toBracedGuid(rule.conditionUid)}" id="${toBracedGuid(rule.conditionId)}" /></conditions>`
    + `<actions><action uid="${toBracedGuid(rule.actionUid)}" id="${toBracedGuid(rule.actionId)}" DataSource="${toBracedGuid(rule.dataSource)}" /></actions></rule>`
    + `<rule uid="${toBracedGuid(DEFAULT_RULE_UID)}" s:name="Default"><conditions><condition uid="${toBracedGuid(defaultConditionUid)}" id="${toBracedGuid(trueConditionId)}" /></conditions><actions /></rule>`
    + '</ruleset></rls>';
}
