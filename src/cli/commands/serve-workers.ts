import cluster, { type Worker } from 'node:cluster';
import type { ConduitConfig } from '../../config/config-schema.ts';
import { ConduitError } from '../../core/conduit-error.ts';
import type { Logger } from '../../core/ports.ts';
import type { StatefulTraffic } from '../../mcp/index.ts';
import { answerMetricsQuery, isClusterMessage } from '../../ops/cluster-metrics.ts';

/**
 * `conduit serve --http … --workers N`: N processes share the listening port
 * (node:cluster; the primary only supervises). Worker 0 is the session
 * worker: it starts first (so storage migrations run once), picks up
 * interrupted X-Ray scans, and serves every stateful exchange (2025 sessions,
 * legacy SSE), which the other workers forward to it (session-proxy.ts).
 * Stateless 2026-07-28 calls are answered by whichever worker took the
 * connection. See DEPLOYMENT.md for the trade-offs.
 */
const ROLE_ENV = 'CONDUIT_WORKER';
const PORT_MESSAGE = 'conduit:session-port';
const PORT_QUERY = 'conduit:session-port?';
/** How long a forwarding worker waits for the session worker's port before failing the request. */
const OWNER_WAIT_MS = 30_000;

export interface WorkerRole {
  index: number;
  count: number;
  stateful: StatefulTraffic;
}

export function parseWorkers(value: string | undefined): number {
  if (value === undefined) return 1;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) {
    throw new ConduitError('CFG_INVALID_VALUE', `--workers "${value}" is not a number of processes from 1 to 64.`, { hint: 'Use e.g. --workers 2 (one per CPU core).' });
  }
  return n;
}

/** In a process forked by runPrimary: its place in the cluster; undefined when not a worker. */
export function workerRole(): WorkerRole | undefined {
  const spec = process.env[ROLE_ENV];
  if (!cluster.isWorker || spec === undefined) return undefined;
  const [index = 0, count = 1] = spec.split('/').map(Number);
  if (index === 0) {
    return { index, count, stateful: { role: 'owner', onPrivatePort: (port) => { process.send?.({ type: PORT_MESSAGE, port }); } } };
  }
  let known: (port: number) => void = () => undefined;
  const port = new Promise<number>((resolve) => { known = resolve; });
  process.on('message', (message: unknown) => {
    if (isPortMessage(message)) known(message.port);
  });
  process.send?.({ type: PORT_QUERY });
  const ownerPort = (): Promise<number> => Promise.race([port, new Promise<never>((_, reject) => {
    setTimeout(() => reject(new Error('the session worker is not listening')), OWNER_WAIT_MS).unref();
  })]);
  return { index, count, stateful: { role: 'forward', ownerPort } };
}

/**
 * Each worker enforces its share of every configured limit, so the totals
 * hold across the cluster (approximately: the kernel spreads connections,
 * not calls, over the workers).
 */
export function shareLimits(draft: ConduitConfig, workers: number): void {
  const share = (rate: number): number => rate / workers;
  const slots = (n: number): number => Math.max(1, Math.ceil(n / workers));
  draft.limits.maxCallsPerSecond = share(draft.limits.maxCallsPerSecond);
  draft.limits.maxConcurrentCalls = slots(draft.limits.maxConcurrentCalls);
  for (const adapter of Object.values(draft.adapters)) {
    adapter.maxCallsPerSecond = share(adapter.maxCallsPerSecond);
    adapter.resilience.ratePerSecond = share(adapter.resilience.ratePerSecond);
    adapter.resilience.maxConcurrent = slots(adapter.resilience.maxConcurrent);
  }
}

/**
 * The supervising primary: forks the session worker, then (once it listens)
 * the others; relays the session worker's private port; passes SIGTERM and
 * SIGINT on and waits for every worker's graceful shutdown. A worker that dies
 * on its own takes the cluster down (exit 1), so the orchestrator restarts it
 * whole instead of running with a silent hole.
 */
export async function runPrimary(count: number, logger: Logger): Promise<number> {
  let sessionPort: number | undefined;
  let stopping = false;
  let failed = false;
  const alive = new Set<Worker>();
  const stopAll = (signal: NodeJS.Signals): void => {
    // Once: a worker's shutdown handler takes one signal; a second would kill it mid-drain.
    if (stopping) return;
    stopping = true;
    for (const worker of alive) worker.process.kill(signal);
  };
  const allExited = new Promise<void>((resolve) => {
    cluster.on('exit', (worker, code, signal) => {
      alive.delete(worker);
      if (!stopping) {
        failed = true;
        logger.error({ pid: worker.process.pid, code, signal }, 'a serve worker exited unexpectedly; stopping the others');
        stopAll('SIGTERM');
      }
      if (alive.size === 0) resolve();
    });
  });
  const fork = (index: number): Worker => {
    const worker = cluster.fork({ [ROLE_ENV]: `${index}/${count}` });
    alive.add(worker);
    worker.on('message', (message: unknown) => {
      if (answerMetricsQuery(worker, message)) return;
      if (isPortMessage(message)) {
        sessionPort = message.port;
        for (const other of alive) if (other !== worker && other.isConnected()) other.send(message);
      } else if (isClusterMessage(message, PORT_QUERY) && sessionPort !== undefined) {
        worker.send({ type: PORT_MESSAGE, port: sessionPort });
      }
    });
    return worker;
  };
  // `on`, not `once`: a second signal while the workers drain must not kill the primary and orphan them.
  process.on('SIGTERM', () => stopAll('SIGTERM'));
  process.on('SIGINT', () => stopAll('SIGTERM'));
  const owner = fork(0);
  const ownerUp = await new Promise<boolean>((resolve) => {
    owner.on('message', (message: unknown) => { if (isPortMessage(message)) resolve(true); });
    owner.once('exit', () => resolve(false));
  });
  if (ownerUp && !stopping) for (let i = 1; i < count; i++) fork(i);
  await allExited;
  return failed ? 1 : 0;
}

function isPortMessage(message: unknown): message is { type: string; port: number } {
  return isClusterMessage(message, PORT_MESSAGE) && typeof message['port'] === 'number';
}
