import { z } from 'zod';
import { sendEmpty, sendJson } from './responses.ts';
import { SSC } from './ssc-common.ts';
import type { SimRoute } from './sim-route.ts';

const loginBody = z.object({ domain: z.string().optional(), username: z.string().optional(), password: z.string().optional() }).loose();

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    if (error instanceof SyntaxError) return { ok: false };
    throw error;
  }
}

/** POST /auth/login and /auth/logout. */
export function sscAuthRoutes(): SimRoute[] {
  return [
    {
      name: 'login', methods: ['POST'], pattern: new RegExp(`^${SSC}/auth/login/?$`, 'i'),
      async handle(req, res, env) {
        const json = parseJson(await req.body());
        const body = json.ok ? loginBody.safeParse(json.value) : undefined;
        if (!body?.success) {
          // Web API model binding rejects an unreadable body (status NOT verified against a live SSC: 400 or 500).
          sendJson(res, 400, { Message: 'The request is invalid.' });
          return;
        }
        const expected = env.options.credentials;
        const { domain = '', username = '', password = '' } = body.data;
        const ok = domain.toLowerCase() === expected.domain.toLowerCase()
          && username.toLowerCase() === expected.username.toLowerCase() && password === expected.password;
        if (!ok) {
          sendEmpty(res, 403);
          return;
        }
        sendEmpty(res, 200, { 'Set-Cookie': env.sessions.open(`${expected.domain}\\${expected.username}`) });
      },
    },
    {
      name: 'logout', methods: ['POST'], pattern: new RegExp(`^${SSC}/auth/logout/?$`, 'i'),
      handle(req, res, env) {
        sendEmpty(res, 200, { 'Set-Cookie': env.sessions.close(req.cookies) });
      },
    },
  ];
}
