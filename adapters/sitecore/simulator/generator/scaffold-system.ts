import { ITEM_IDS, TEMPLATE_IDS } from '../../shared/well-known-ids.ts';
import type { SimItem } from '../tree/sim-item.ts';
import { addItem, idOf, mustGet, type GenContext } from './gen-context.ts';
import { braced } from './field-values.ts';

/** Finds or creates a child by exact name (generator bookkeeping for folder paths). */
export function ensureChild(ctx: GenContext, parent: SimItem, name: string, templateId: string, content = false): SimItem {
  const existing = ctx.tree.children(parent).find((c) => c.name === name);
  return existing ?? addItem(ctx, parent, name, templateId, { content });
}

export function ensurePath(ctx: GenContext, parent: SimItem, path: string, templateId: string, content = false): SimItem {
  let cur = parent;
  for (const segment of path.split('/').filter((s) => s.length > 0)) cur = ensureChild(ctx, cur, segment, templateId, content);
  return cur;
}

/** /sitecore and its five well-known children. */
export function scaffoldRoots(ctx: GenContext): void {
  const root = mustGet(ctx, ITEM_IDS.root);
  const main = TEMPLATE_IDS.mainSection;
  addItem(ctx, root, 'content', main, { id: ITEM_IDS.content });
  addItem(ctx, root, 'layout', main, { id: ITEM_IDS.layoutRoot });
  addItem(ctx, root, 'media library', main, { id: ITEM_IDS.mediaLibrary });
  addItem(ctx, root, 'system', main, { id: ITEM_IDS.system });
  addItem(ctx, root, 'templates', main, { id: ITEM_IDS.templates });
}

/** Languages, the stock Sample Workflow, and the rule elements personalization refers to. */
export function scaffoldSystem(ctx: GenContext): void {
  const system = mustGet(ctx, ITEM_IDS.system);
  const node = TEMPLATE_IDS.node;
  const languages = addItem(ctx, system, 'Languages', node, { id: ITEM_IDS.languages });
  addItem(ctx, languages, 'en', TEMPLATE_IDS.language, { shared: { 'Iso': 'en', 'Regional Iso Code': '', 'Charset': 'iso-8859-1', 'Code page': '65001', 'Encoding': 'utf-8' } });
  addItem(ctx, languages, 'de-DE', TEMPLATE_IDS.language, { shared: { 'Iso': 'de', 'Regional Iso Code': 'de-DE', 'Charset': 'iso-8859-1', 'Code page': '65001', 'Encoding': 'utf-8', 'Fallback Language': 'en' } });

  const workflows = addItem(ctx, system, 'Workflows', node, { id: ITEM_IDS.workflows });
  const workflow = addItem(ctx, workflows, 'Sample Workflow', TEMPLATE_IDS.workflow, { id: ITEM_IDS.sampleWorkflow, shared: { 'Initial state': braced(ITEM_IDS.stateDraft) } });
  const draft = addItem(ctx, workflow, 'Draft', TEMPLATE_IDS.workflowState, { id: ITEM_IDS.stateDraft, shared: { 'Final': '' } });
  addItem(ctx, draft, 'Submit', TEMPLATE_IDS.workflowCommand, { id: ITEM_IDS.commandSubmit, shared: { 'Next state': braced(ITEM_IDS.stateAwaitingApproval) } });
  const awaiting = addItem(ctx, workflow, 'Awaiting Approval', TEMPLATE_IDS.workflowState, { id: ITEM_IDS.stateAwaitingApproval, shared: { 'Final': '' } });
  addItem(ctx, awaiting, 'Approve', TEMPLATE_IDS.workflowCommand, { id: ITEM_IDS.commandApprove, shared: { 'Next state': braced(ITEM_IDS.stateApproved) } });
  addItem(ctx, awaiting, 'Reject', TEMPLATE_IDS.workflowCommand, { id: ITEM_IDS.commandReject, shared: { 'Next state': braced(ITEM_IDS.stateDraft) } });
  addItem(ctx, workflow, 'Approved', TEMPLATE_IDS.workflowState, { id: ITEM_IDS.stateApproved, shared: { 'Final': '1' } });

  const settings = addItem(ctx, system, 'Settings', node);
  const elements = ensurePath(ctx, settings, 'Rules/Definitions/Elements', TEMPLATE_IDS.folder);
  const visitor = addItem(ctx, elements, 'Visitor', TEMPLATE_IDS.folder);
  addItem(ctx, visitor, 'When visitor is returning', idOf(ctx, 'sys.condition'), { id: idOf(ctx, 'rule.returning'),
    shared: { 'Type': 'Sitecore.Rules.Conditions.VisitorConditions.ReturningVisitorCondition,Sitecore.Kernel', 'Text': 'where the visitor is returning' } });
  const common = addItem(ctx, elements, 'Common', TEMPLATE_IDS.folder);
  addItem(ctx, common, 'True', idOf(ctx, 'sys.condition'), { id: idOf(ctx, 'rule.true'),
    shared: { 'Type': 'Sitecore.Rules.Conditions.TrueCondition,Sitecore.Kernel', 'Text': 'where true (actions always execute)' } });
  const conditional = addItem(ctx, elements, 'Conditional Renderings', TEMPLATE_IDS.folder);
  addItem(ctx, conditional, 'Set Data Source', idOf(ctx, 'sys.action'), { id: idOf(ctx, 'rule.setDataSource'),
    shared: { 'Type': 'Sitecore.Rules.ConditionalRenderings.SetDataSourceAction,Sitecore.Kernel', 'Text': 'set data source to [DataSource,Item,,specific item]' } });
}
