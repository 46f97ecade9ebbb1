import { normalizeGuid } from '../../shared/guid.ts';
import type { SimItem } from '../tree/sim-item.ts';
import type { SimTree } from '../tree/sim-tree.ts';

/**
 * The subset of content-search `term` syntax the simulator understands
 * (reference §1.4): clauses joined by `;`, `+` must, `-` must not, none should;
 * `field:value` with a trailing `*` for prefix match, or bare text.
 */
export interface Clause {
  occur: 'must' | 'not' | 'should';
  field: string | undefined;
  value: string;
}

export function parseTerm(term: string): Clause[] {
  return term.split(';').map((raw) => raw.trim()).filter((raw) => raw.length > 0).map((raw) => {
    const occur = raw.startsWith('+') ? 'must' : raw.startsWith('-') ? 'not' : 'should';
    const body = occur === 'should' ? raw : raw.slice(1);
    const colon = body.indexOf(':');
    return colon > 0 ? { occur, field: body.slice(0, colon).toLowerCase(), value: body.slice(colon + 1) } : { occur, field: undefined, value: body };
  });
}

export interface IndexDoc {
  item: SimItem;
  language: string;
}

function indexGuid(id: string): string {
  return id.replaceAll('-', '');
}

function matchValue(actual: string, wanted: string): boolean {
  const a = actual.toLowerCase();
  const w = wanted.toLowerCase();
  return w.endsWith('*') ? a.startsWith(w.slice(0, -1)) : a === w;
}

function matchId(actualCanonical: string, wanted: string): boolean {
  if (wanted.endsWith('*')) return indexGuid(actualCanonical).startsWith(wanted.slice(0, -1).toLowerCase().replaceAll(/[-{}]/g, ''));
  return normalizeGuid(wanted) === actualCanonical;
}

function textOf(tree: SimTree, doc: IndexDoc): string {
  const parts = [doc.item.name];
  for (const f of tree.templateFields(doc.item.templateId)) if (!f.name.startsWith('__')) parts.push(tree.fieldValue(doc.item, f.name, doc.language));
  return parts.join(' ').toLowerCase();
}

function matchClause(tree: SimTree, doc: IndexDoc, clause: Clause): boolean {
  const { item } = doc;
  switch (clause.field) {
    case undefined: case '_content': {
      const text = textOf(tree, doc);
      return clause.value.split(/\s+/).filter((w) => w.length > 0).every((w) => text.includes(w.replace(/\*$/, '').toLowerCase()));
    }
    case '_name': return matchValue(item.name, clause.value);
    case '_displayname': return matchValue(tree.fieldValue(item, '__Display name', doc.language) || item.name, clause.value);
    case '_templatename': return matchValue(tree.templates.get(item.templateId)?.name ?? '', clause.value);
    case '_template': return matchId(item.templateId, clause.value);
    case '_group': case '_id': return matchId(item.id, clause.value);
    case '_parent': return item.parentId !== null && matchId(item.parentId, clause.value);
    case '_path': return matchId(item.id, clause.value) || tree.ancestorsOf(item).some((a) => matchId(a.id, clause.value));
    case '_fullpath': return matchValue(tree.pathOf(item), clause.value);
    case '_language': return matchValue(doc.language, clause.value);
    default: {
      const field = tree.templateFields(item.templateId).find((f) => f.name.toLowerCase() === clause.field);
      return field !== undefined && tree.fieldValue(item, field.name, doc.language).toLowerCase().includes(clause.value.replace(/\*$/, '').toLowerCase());
    }
  }
}

/** Whether a document satisfies every must, no must-not, and (when there are any) at least one should clause. */
export function matches(tree: SimTree, doc: IndexDoc, clauses: Clause[]): boolean {
  let sawShould = false;
  let anyShould = false;
  for (const clause of clauses) {
    const hit = matchClause(tree, doc, clause);
    if (clause.occur === 'must' && !hit) return false;
    if (clause.occur === 'not' && hit) return false;
    if (clause.occur === 'should') {
      sawShould = true;
      anyShould ||= hit;
    }
  }
  return !sawShould || anyShould;
}
