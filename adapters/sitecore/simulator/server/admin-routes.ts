import { ZodError } from 'zod';
import type { FaultInjector } from './fault-injector.ts';
import { sendEmpty, sendJson } from './responses.ts';
import type { SimRoute } from './sim-route.ts';
import type { StatsRecorder } from './sim-stats.ts';

/** /_sim/*: the simulator's controls for other processes (no auth, no faults, not counted). */
export function adminRoutes(stats: StatsRecorder, faults: FaultInjector): SimRoute[] {
  return [
    { name: 'admin-stats', methods: ['GET'], pattern: /^\/_sim\/stats\/?$/, handle: (_req, res) => sendJson(res, 200, stats.snapshot()) },
    { name: 'admin-stats-reset', methods: ['POST'], pattern: /^\/_sim\/stats\/reset\/?$/, handle: (_req, res) => { stats.reset(); sendEmpty(res, 204); } },
    { name: 'admin-ground-truth', methods: ['GET'], pattern: /^\/_sim\/ground-truth\/?$/, handle: (_req, res, env) => sendJson(res, 200, env.groundTruth()) },
    { name: 'admin-faults-get', methods: ['GET'], pattern: /^\/_sim\/faults\/?$/, handle: (_req, res) => sendJson(res, 200, faults.current()) },
    {
      name: 'admin-faults', methods: ['POST'], pattern: /^\/_sim\/faults\/?$/,
      async handle(req, res) {
        try {
          faults.set(JSON.parse(await req.body() || '{}'));
        } catch (error) {
          if (error instanceof SyntaxError || error instanceof ZodError) return sendJson(res, 400, { error: error.message });
          throw error;
        }
        sendEmpty(res, 204);
      },
    },
  ];
}
