import { z } from 'zod';
import { Prng } from '../generator/prng.ts';
import type { SimulatorFaults } from '../simulator-types.ts';

export const faultsSchema = z.object({
  latencyMs: z.number().int().min(0).max(600_000).optional(),
  errorRate: z.number().min(0).max(1).optional(),
  errorStatus: z.union([z.literal(500), z.literal(503)]).optional(),
  rateLimitPerSecond: z.number().int().min(1).optional(),
  retryAfterSeconds: z.number().int().min(0).optional(),
  hangRate: z.number().min(0).max(1).optional(),
  dieAfterRequests: z.number().int().min(0).optional(),
  script: z.array(z.number().int().min(100).max(599)).optional(),
  routes: z.string().optional(),
}).strict();

/** What to do with one request, decided before the route runs. */
export type FaultDecision =
  | { kind: 'pass'; latencyMs: number; dieAfter: boolean }
  | { kind: 'status'; status: number; retryAfterSeconds: number; latencyMs: number; dieAfter: boolean }
  | { kind: 'hang' }
  | { kind: 'dead' };

/**
 * Decides faults per request: script first, then the rate limit, then hangs,
 * then random errors; latency applies to everything that answers. Random draws
 * come from a seeded PRNG so a failing test replays the same faults.
 */
export class FaultInjector {
  private faults: SimulatorFaults = {};
  private routes: RegExp | undefined;
  private script: number[] = [];
  private served = 0;
  private window: number[] = [];
  private readonly rng: Prng;

  constructor(seed: number, faults: unknown = {}) {
    this.rng = new Prng(seed ^ 0x5eed_fa17);
    this.set(faults);
  }

  /** Replaces the faults; throws on an invalid `routes` RegExp or values out of range. */
  set(faults: unknown): void {
    const parsed = faultsSchema.parse(faults);
    this.routes = parsed.routes === undefined || parsed.routes === '' ? undefined : new RegExp(parsed.routes);
    this.faults = parsed;
    this.script = [...(parsed.script ?? [])];
    this.served = 0;
    this.window = [];
  }

  current(): SimulatorFaults {
    return { ...this.faults, script: [...this.script] };
  }

  decide(path: string, nowMs: number): FaultDecision {
    const f = this.faults;
    if (this.routes && !this.routes.test(path)) return { kind: 'pass', latencyMs: 0, dieAfter: false };
    this.served++;
    const limit = f.dieAfterRequests;
    if (limit !== undefined && this.served > limit) return { kind: 'dead' };
    const dieAfter = limit !== undefined && this.served === limit;
    const latencyMs = f.latencyMs ?? 0;
    const retryAfterSeconds = f.retryAfterSeconds ?? 1;
    const scripted = this.script.shift();
    if (scripted !== undefined) return { kind: 'status', status: scripted, retryAfterSeconds, latencyMs, dieAfter };
    if (f.rateLimitPerSecond !== undefined) {
      this.window = this.window.filter((t) => nowMs - t < 1000);
      if (this.window.length >= f.rateLimitPerSecond) return { kind: 'status', status: 429, retryAfterSeconds, latencyMs, dieAfter };
      this.window.push(nowMs);
    }
    if (f.hangRate && this.rng.chance(f.hangRate)) return { kind: 'hang' };
    if (f.errorRate && this.rng.chance(f.errorRate)) return { kind: 'status', status: f.errorStatus ?? 503, retryAfterSeconds, latencyMs, dieAfter };
    return { kind: 'pass', latencyMs, dieAfter };
  }
}
