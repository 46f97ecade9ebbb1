import { normalizeGuid } from '../../shared/guid.ts';
import type { SimItem } from '../tree/sim-item.ts';
import { buildItemModel } from './item-model.ts';
import { sendItemNotFound, sendJson } from './responses.ts';
import { readOptions, requireSession, SSC } from './ssc-common.ts';
import type { SimEnvironment, SimRoute } from './sim-route.ts';

/** The item if it exists and the API account may read it (SSC answers both cases with the same 404). */
export function readableItem(env: SimEnvironment, idOrPath: string, byPath: boolean): SimItem | undefined {
  const item = byPath ? env.tree.getByPath(idOrPath) : (normalizeGuid(idOrPath) === null ? undefined : env.tree.get(idOrPath));
  return item?.readable ? item : undefined;
}

/** GET /item/{id}, GET /item/?path=…, GET /item/{id}/children. */
export function sscReadRoutes(): SimRoute[] {
  return [
    {
      name: 'children', methods: ['GET'], pattern: new RegExp(`^${SSC}/item/([^/]+)/children/?$`, 'i'),
      handle(req, res, env) {
        if (!requireSession(req, res, env)) return;
        const options = readOptions(req, res);
        if (!options) return;
        const id = req.params[0] ?? '';
        const canonical = normalizeGuid(id);
        if (canonical !== null) env.countChildrenFetch(canonical);
        const item = readableItem(env, id, false);
        if (!item) return sendItemNotFound(res, id);
        // A bare array: no envelope, no total, no paging (reference §1.4).
        const { version: _version, ...latest } = options;
        sendJson(res, 200, env.tree.children(item, true).map((child) => buildItemModel(env.tree, child, latest)));
      },
    },
    {
      name: 'item-by-path', methods: ['GET'], pattern: new RegExp(`^${SSC}/item/?$`, 'i'),
      handle(req, res, env) {
        if (!requireSession(req, res, env)) return;
        const options = readOptions(req, res);
        if (!options) return;
        const path = req.query.get('path') ?? '';
        const item = readableItem(env, path, true);
        if (!item) return sendItemNotFound(res, path);
        sendJson(res, 200, buildItemModel(env.tree, item, options));
      },
    },
    {
      name: 'item', methods: ['GET'], pattern: new RegExp(`^${SSC}/item/([^/]+)/?$`, 'i'),
      handle(req, res, env) {
        if (!requireSession(req, res, env)) return;
        const options = readOptions(req, res);
        if (!options) return;
        const id = req.params[0] ?? '';
        const item = readableItem(env, id, false);
        if (!item) return sendItemNotFound(res, id);
        const latest = Object.entries(item.langs).find(([l]) => l.toLowerCase() === options.language.toLowerCase())?.[1]?.version ?? 0;
        if (options.version !== undefined && options.version > latest) return sendItemNotFound(res, id);
        sendJson(res, 200, buildItemModel(env.tree, item, options));
      },
    },
  ];
}
