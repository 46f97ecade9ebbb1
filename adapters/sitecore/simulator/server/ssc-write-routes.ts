import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import { normalizeGuid } from '../../shared/guid.ts';
import { applyFields, createSimItem, stampUpdate } from '../tree/tree-writes.ts';
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
  const item = createSimItem(env.tree, { parent, name, templateId, language, user: session?.user ?? 'sitecore\\admin', now: env.now() });
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
        stampUpdate(item, language, env.sessions.current(req.cookies)?.user ?? 'sitecore\\admin', env.now());
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
