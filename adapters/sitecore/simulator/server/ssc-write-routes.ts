import type { ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { normalizeGuid } from '../../shared/guid.ts';
import { formatSitecoreDate } from '../../shared/sitecore-date.ts';
import type { SimItem } from '../tree/sim-item.ts';
import type { SimTree } from '../tree/sim-tree.ts';
import { sendEmpty, sendItemNotFound, sendServerError } from './responses.ts';
import { readableItem } from './ssc-read-routes.ts';
import { requireSession, SSC } from './ssc-common.ts';
import type { SimEnvironment, SimRequest, SimRoute } from './sim-route.ts';

const fieldValues = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));

async function jsonBody(req: SimRequest): Promise<Record<string, string> | null> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await req.body());
  } catch (error) {
    if (error instanceof SyntaxError) return null;
    throw error;
  }
  const result = fieldValues.safeParse(parsed);
  if (!result.success) return null;
  return Object.fromEntries(Object.entries(result.data).map(([k, v]) => [k, v === null ? '' : String(v)]));
}

/** Writes field values the item's template knows; unknown names are ignored, like SSC. */
function applyFields(tree: SimTree, item: SimItem, values: Record<string, string>, language: string): void {
  for (const [name, value] of Object.entries(values)) {
    if (name === 'ItemName' || name === 'TemplateID') continue;
    if (tree.hasField(item.templateId, name)) tree.setField(item, name, value, language);
  }
}

function stampUpdate(env: SimEnvironment, item: SimItem, language: string, user: string): void {
  const version = (item.langs[language] ??= { version: 1, fields: {} });
  Object.assign(version.fields, { '__Updated': formatSitecoreDate(env.now()), '__Updated by': user, '__Revision': randomUUID() });
}

async function create(req: SimRequest, res: ServerResponse, env: SimEnvironment): Promise<void> {
  const session = env.sessions.current(req.cookies);
  const body = await jsonBody(req);
  const parentPath = `/${(req.params[0] ?? '').replace(/^\/+/, '')}`;
  const parent = readableItem(env, parentPath, true);
  const templateId = normalizeGuid(body?.['TemplateID'] ?? '');
  const name = (body?.['ItemName'] ?? '').trim();
  // A missing parent or template, or no body, ends in a NullReferenceException in CreateItemHandler: 500.
  if (!body || !parent || templateId === null || !env.tree.templates.has(templateId) || name === '' || name.includes('/')) return sendServerError(res);
  const language = req.query.get('language') || 'en';
  const user = session?.user ?? 'sitecore\\admin';
  const now = formatSitecoreDate(env.now());
  const item = env.tree.add({
    id: randomUUID(), name, parentId: parent.id, templateId,
    shared: { '__Sortorder': String((parent.childIds.length + 1) * 100) },
    langs: { [language]: { version: 1, fields: { '__Created': now, '__Created by': user, '__Updated': now, '__Updated by': user, '__Revision': randomUUID(), '__Owner': user } } },
  });
  applyFields(env.tree, item, body, language);
  const database = req.query.get('database') || 'master';
  const host = req.headers.host ?? `${env.options.host}:${env.options.port}`;
  sendEmpty(res, 201, { Location: `http://${host}${SSC}/item/${item.id}?Database=${encodeURIComponent(database)}` });
}

/** POST /item/{url-encoded parent path}, PATCH /item/{id}, DELETE /item/{id}. */
export function sscWriteRoutes(): SimRoute[] {
  return [
    {
      name: 'create', methods: ['POST'], pattern: new RegExp(`^${SSC}/item/(.+?)/?$`, 'i'),
      async handle(req, res, env) {
        if (!requireSession(req, res, env)) return;
        await create(req, res, env);
      },
    },
    {
      name: 'update', methods: ['PATCH'], pattern: new RegExp(`^${SSC}/item/([^/]+)/?$`, 'i'),
      async handle(req, res, env) {
        if (!requireSession(req, res, env)) return;
        const id = req.params[0] ?? '';
        const item = readableItem(env, id, false);
        if (!item) return sendItemNotFound(res, id);
        const body = await jsonBody(req);
        if (!body) return sendServerError(res);
        const language = req.query.get('language') || 'en';
        const rename = body['ItemName']?.trim();
        if (rename !== undefined && rename !== '' && rename !== item.name) env.tree.rename(item, rename);
        applyFields(env.tree, item, body, language);
        stampUpdate(env, item, language, env.sessions.current(req.cookies)?.user ?? 'sitecore\\admin');
        sendEmpty(res, 204);
      },
    },
    {
      name: 'delete', methods: ['DELETE'], pattern: new RegExp(`^${SSC}/item/([^/]+)/?$`, 'i'),
      handle(req, res, env) {
        if (!requireSession(req, res, env)) return;
        const id = req.params[0] ?? '';
        const item = readableItem(env, id, false);
        if (!item) return sendItemNotFound(res, id);
        if (item.parentId === null) return sendServerError(res);
        env.tree.remove(item);
        sendEmpty(res, 204);
      },
    },
  ];
}
