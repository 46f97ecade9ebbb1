import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { startSitecoreSimulator, type SitecoreSimulator } from '../../adapters/sitecore/simulator/sitecore-simulator.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONDUIT_BIN } from './run-cli.ts';

export interface ServeProcess {
  child: ChildProcessWithoutNullStreams;
  url: string;
  stderr(): string;
  /** Resolves with the exit code when the process ends. */
  exited: Promise<number | null>;
}

/**
 * A config file pointing one sitecore-xp adapter at a simulator; secrets through the environment.
 * `extra` is appended at the top level, `adapterExtra` inside the adapter's block (indent it by 4).
 */
export function writeSimulatorConfig(simulatorUrl: string, extra = '', adapterExtra = ''): { path: string; env: Record<string, string> } {
  const dir = mkdtempSync(join(tmpdir(), 'conduit-e2e-'));
  const path = join(dir, 'conduit.yaml');
  writeFileSync(path, [
    'adapters:',
    '  main:',
    '    type: sitecore-xp',
    `    url: ${simulatorUrl}`,
    '    credentials: { domain: sitecore, username: admin, password: "${SC_PASSWORD}" }',
    ...(adapterExtra ? [adapterExtra] : []),
    'storage:',
    `  sqlite: ${JSON.stringify(join(dir, 'conduit.db'))}`,
    extra,
  ].join('\n'));
  return { path, env: { SC_PASSWORD: 'b' } };
}

/** Spawns `conduit serve --http 127.0.0.1:0` and waits for its "listening" log line. */
export async function spawnServeHttp(args: string[], env: Record<string, string>): Promise<ServeProcess> {
  const child = spawn(process.execPath, [CONDUIT_BIN, 'serve', '--http', '127.0.0.1:0', ...args], {
    env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'],
  });
  let err = '';
  let started = false;
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${err}`)), 20_000);
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      // Match only until the server is up: scanning the whole log on every chunk is quadratic, and under
      // load (bench:mcp logs a line per call) it ate CPU on the very cores the server was measured on.
      if (started) return;
      const match = /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(err);
      if (match?.[1]) { started = true; clearTimeout(timer); resolve(match[1]); }
    });
    void exited.then((code) => { clearTimeout(timer); reject(new Error(`serve exited ${code}:\n${err}`)); });
  });
  return { child, url, stderr: () => err, exited };
}

export interface SimulatorAndServer {
  sim: SitecoreSimulator;
  config: { path: string; env: Record<string, string> };
  http: ServeProcess;
  stop(): Promise<void>;
}

/** The usual end-to-end fixture: a Sitecore simulator and `conduit serve --http` pointed at it. */
export async function startSimulatorAndServer(items: number): Promise<SimulatorAndServer> {
  const sim = await startSitecoreSimulator({ items });
  const config = writeSimulatorConfig(sim.url);
  const http = await spawnServeHttp(['--config', config.path], config.env);
  return {
    sim, config, http,
    async stop() {
      http.child.kill('SIGTERM');
      await http.exited;
      await sim.close();
    },
  };
}
