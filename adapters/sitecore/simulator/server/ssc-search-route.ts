import type { ServerResponse } from 'node:http';
import { buildItemModel } from './item-model.ts';
import { sendJson } from './responses.ts';
import { readOptions, requireSession, SSC } from './ssc-common.ts';
import { matches, parseTerm, type Clause, type IndexDoc } from './search-query.ts';
import type { SimEnvironment, SimRequest, SimRoute } from './sim-route.ts';

const DEFAULT_PAGE_SIZE = 10;

function intParam(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isInteger(n) ? n : fallback;
}

function clausesOf(req: SimRequest): Clause[] {
  const clauses = parseTerm(req.query.get('term') ?? '');
  for (const facet of req.query.getAll('facet')) {
    const [field, value] = facet.split('|');
    if (field && value !== undefined) clauses.push({ occur: 'must', field: field.toLowerCase(), value });
  }
  return clauses;
}

/** One index document per language version: items without a version in the language are not in its index. */
function hitsOf(env: SimEnvironment, clauses: Clause[], language: string): IndexDoc[] {
  const hits: IndexDoc[] = [];
  const wanted = language.toLowerCase();
  for (const item of env.tree.items.values()) {
    const key = Object.keys(item.langs).find((l) => l.toLowerCase() === wanted);
    if (key === undefined) continue;
    const doc = { item, language: key };
    if (matches(env.tree, doc, clauses)) hits.push(doc);
  }
  return hits;
}

/**
 * Zero-based `page`, `pageSize` (default 10), `term`, `facet=name|value`.
 * TotalCount counts every hit, including items the account cannot read; those
 * are then dropped from Results (CVE-2025-53694 behaviour, reference §1.4).
 */
function search(req: SimRequest, res: ServerResponse, env: SimEnvironment): void {
  if (!requireSession(req, res, env)) return;
  const options = readOptions(req, res);
  if (!options) return;
  const page = Math.max(0, intParam(req.query.get('page'), 0));
  const pageSize = Math.max(1, intParam(req.query.get('pageSize'), DEFAULT_PAGE_SIZE));
  const clauses = clausesOf(req);
  const language = clauses.find((c) => c.field === '_language' && c.occur === 'must')?.value ?? options.language;
  const hits = hitsOf(env, clauses, language);
  const { version: _version, ...latest } = options;
  sendJson(res, 200, {
    TotalCount: hits.length,
    TotalPage: Math.ceil(hits.length / pageSize),
    Links: [],
    Results: hits.slice(page * pageSize, (page + 1) * pageSize).filter((d) => d.item.readable)
      .map((d) => buildItemModel(env.tree, d.item, { ...latest, language: d.language })),
    Facets: [],
  });
}

/** `/item/search?term=` and `/item/?term=` (the form in the SSC parameter list, pastebin 7s64tgix) both search. */
export function sscSearchRoutes(): SimRoute[] {
  return [
    { name: 'search', methods: ['GET'], pattern: new RegExp(`^${SSC}/item/search/?$`, 'i'), handle: search },
    { name: 'search', methods: ['GET'], pattern: new RegExp(`^${SSC}/item/?$`, 'i'), whenQuery: 'term', handle: search },
  ];
}
