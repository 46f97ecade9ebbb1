import type { ServerResponse } from 'node:http';
import type { ModelOptions } from './item-model.ts';
import { sendEmpty, sendServerError } from './responses.ts';
import type { SimEnvironment, SimRequest } from './sim-route.ts';

export const SSC = '/sitecore/api/ssc';
const DATABASES = new Set(['master', 'web']);

/**
 * SSC rejects requests without a login the way its anonymous-user filter does
 * when Sitecore.Services.AllowAnonymousUser is false (the default): 403 Forbidden,
 * empty body. Returns false when the request was answered.
 */
export function requireSession(req: SimRequest, res: ServerResponse, env: SimEnvironment): boolean {
  if (env.sessions.current(req.cookies)) return true;
  sendEmpty(res, 403);
  return false;
}

export interface ReadOptions extends ModelOptions {
  database: string;
}

/** Read parameters (names case-insensitive); null after answering 500 for an unknown database. */
export function readOptions(req: SimRequest, res: ServerResponse): ReadOptions | null {
  const database = (req.query.get('database') ?? 'master').toLowerCase();
  if (!DATABASES.has(database)) {
    // Sitecore throws "Could not find configuration node: databases/database[@id='…']": a Web API 500.
    sendServerError(res);
    return null;
  }
  const version = req.query.get('version');
  const fields = req.query.get('fields');
  const parsedVersion = version === undefined || version === '' ? undefined : Number(version);
  return {
    database,
    language: req.query.get('language') || 'en',
    includeStandardFields: (req.query.get('includeStandardTemplateFields') ?? '').toLowerCase() === 'true',
    ...(parsedVersion !== undefined && Number.isInteger(parsedVersion) && parsedVersion > 0 ? { version: parsedVersion } : {}),
    ...(fields ? { fields: new Set(fields.split(',').map((f) => f.trim().toLowerCase()).filter((f) => f.length > 0)) } : {}),
  };
}
