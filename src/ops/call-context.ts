import { AsyncLocalStorage } from 'node:async_hooks';

export interface CallScope {
  correlationId: string;
  tool: string;
  adapter?: string;
}

/** Binds a call's correlationId (and tool, adapter) to every log line written while it runs. */
export const callScope = new AsyncLocalStorage<CallScope>();

export function currentCallScope(): CallScope | undefined {
  return callScope.getStore();
}
