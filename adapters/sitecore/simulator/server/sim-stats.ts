import type { SimulatorStats } from '../simulator-types.ts';

export class StatsRecorder {
  private total = 0;
  private byRoute = new Map<string, number>();
  private childrenFetches = new Map<string, number>();

  request(route: string): void {
    this.total++;
    this.byRoute.set(route, (this.byRoute.get(route) ?? 0) + 1);
  }

  childrenFetch(id: string): void {
    this.childrenFetches.set(id, (this.childrenFetches.get(id) ?? 0) + 1);
  }

  snapshot(): SimulatorStats {
    return { total: this.total, byRoute: Object.fromEntries(this.byRoute), childrenFetches: Object.fromEntries(this.childrenFetches) };
  }

  reset(): void {
    this.total = 0;
    this.byRoute = new Map();
    this.childrenFetches = new Map();
  }
}
