import { ConsecutiveBreaker, SamplingBreaker, type CircuitState, type IBreaker } from 'cockatiel';
import type { ResilienceConfig } from './resilience-config.ts';

/**
 * Opens when either part says so: N consecutive failures (a CMS that is down)
 * or a failure rate over a time window (a CMS that fails often but not always).
 * Every part sees every outcome, so each keeps its own count honest.
 */
export class CombinedBreaker implements IBreaker {
  private readonly parts: readonly IBreaker[];

  constructor(parts: readonly IBreaker[]) {
    this.parts = parts;
  }

  get state(): unknown {
    return this.parts.map((part) => part.state);
  }

  set state(value: unknown) {
    if (!Array.isArray(value)) return;
    this.parts.forEach((part, i) => {
      part.state = value[i];
    });
  }

  success(state: CircuitState): void {
    for (const part of this.parts) part.success(state);
  }

  failure(state: CircuitState): boolean {
    let open = false;
    for (const part of this.parts) if (part.failure(state)) open = true;
    return open;
  }
}

/** The breaker for one adapter from its config; a rate threshold of 0 or 1 disables the sampling part. */
export function createCombinedBreaker(config: ResilienceConfig['breaker']): CombinedBreaker {
  const parts: IBreaker[] = [new ConsecutiveBreaker(config.consecutiveFailures)];
  const rate = config.failureRateThreshold;
  if (rate > 0 && rate < 1) {
    parts.push(new SamplingBreaker({
      threshold: rate,
      duration: config.windowMs,
      minimumRps: config.minimumCalls / (config.windowMs / 1000),
    }));
  }
  return new CombinedBreaker(parts);
}
