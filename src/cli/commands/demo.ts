import type { Command } from 'commander';
import { once } from 'node:events';
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { startSitecoreSimulator } from '../../../adapters/sitecore/simulator/sitecore-simulator.ts';
import { adapterConfigSchema, createApp } from '../../app.ts';
import { parseConfigObject } from '../../config/load-config.ts';
import { createOpsRoutes } from '../../ops/ops-routes.ts';
import { startHttpServer } from '../../mcp/index.ts';
import { createLogger } from '../../ops/logger.ts';
import { renderDemoSummary } from '../../xray/reports/demo-summary.ts';
import { crawlWithProgress } from './xray-run.ts';

interface DemoFlags { items: string; serve?: boolean; port: string; dir: string }

const DEMO_SIM_PORT = 8089;

export function registerDemo(program: Command): void {
  program.command('demo')
    .description('Start the built-in Sitecore simulator, run Conduit against it and show how to connect an MCP client')
    .option('--items <n>', 'items in the simulated instance', '3000')
    .option('--serve', 'keep the simulator and an HTTP MCP server running until Ctrl-C')
    .option('--port <port>', 'with --serve: MCP HTTP port on 127.0.0.1', '3000')
    .option('--dir <dir>', 'where to write the demo config', '.conduit/demo')
    .action(async (flags: DemoFlags) => { await demo(flags); });
}

async function demo(flags: DemoFlags): Promise<void> {
  const out = (line = ''): void => { process.stdout.write(`${line}\n`); };
  const started = performance.now();
  // The simulator's clock is today's, so "stale" in its planted defects means stale as of this scan.
  const sim = await startSitecoreSimulator({ items: Number(flags.items), port: flags.serve ? DEMO_SIM_PORT : 0, now: new Date() });
  const planted = Object.values(sim.groundTruth().counts).reduce((a, b) => a + b, 0);
  out(`▸ Sitecore simulator: ${Number(flags.items).toLocaleString('en')} items with ${planted} planted defects at ${sim.url}`);
  const config = await parseConfigObject({
    // Every language the simulator has (en, de-DE), as a multilingual instance should be audited.
    adapters: { demo: { type: 'sitecore-xp', url: sim.url, credentials: { domain: 'sitecore', username: 'admin', password: 'b' }, xrayLanguages: 'all' } },
    storage: { sqlite: resolve(flags.dir, 'conduit.db') },
    server: { http: { port: Number(flags.port) } },
    logging: { level: 'warn' },
  }, adapterConfigSchema);
  const app = await createApp(config, { logger: createLogger({ level: 'warn' }) });
  try {
    const health = await app.content.health('demo');
    out(`▸ Adapter "demo" (sitecore-xp): ${health['demo']?.status ?? 'unknown'} in ${health['demo']?.latencyMs ?? '?'} ms`);
    const home = await app.content.get('demo', { path: '/sitecore/content/Home' });
    const children = await app.content.list('demo', { parent: { id: home.id }, limit: 5 });
    out(`▸ ${home.path ?? home.name}: ${children.items.map((c) => c.name).join(', ')}${children.nextCursor ? ', …' : ''}`);
    // The whole instance, not just /sitecore/content: unused templates and renderings, and media, live outside it.
    out(`▸ X-Ray scan of /sitecore through the sitecore-xp adapter into ${resolve(flags.dir, 'conduit.db')}`);
    const { run } = await app.xray.start({ adapter: 'demo', root: '/sitecore' });
    // Prints the live progress bar and the scan summary; the analysis (grade, top findings, reports) follows.
    process.exitCode = await crawlWithProgress(app, [run], false, { quietOffTty: true });
    if (process.exitCode === 0) {
      const summary = await renderDemoSummary(await app.scanStore(), run.scanId, resolve(flags.dir, 'reports'));
      for (const line of summary.lines) out(line);
    }
    const configPath = await writeDemoConfig(flags.dir);
    printClientConfig(out, configPath);
    out(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    if (flags.serve) await serveUntilStopped(app, out);
  } finally {
    await app.close();
    await sim.close();
  }
}

async function writeDemoConfig(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const path = resolve(dir, 'conduit.yaml');
  await writeFile(path, [
    '# Written by `conduit demo`: points Conduit at the built-in Sitecore simulator.',
    '# Start the simulator first: npx conduit simulator sitecore --port 8089',
    'adapters:',
    '  demo:',
    '    type: sitecore-xp',
    `    url: http://127.0.0.1:${DEMO_SIM_PORT}`,
    '    credentials: { domain: sitecore, username: admin, password: "${CONDUIT_DEMO_PASSWORD:-b}" }',
    '    xrayLanguages: all   # audit every language the instance has (en and de-DE), not just en',
    'storage:',
    `  sqlite: ${JSON.stringify(resolve(dir, 'conduit.db'))}`,
    '',
  ].join('\n'));
  return path;
}

function printClientConfig(out: (line?: string) => void, configPath: string): void {
  out();
  out('Connect an MCP client (Claude Desktop, an IDE agent) to the same data:');
  out('  1. keep the simulator running:   npx conduit simulator sitecore --port 8089');
  out('  2. add this server to the client\'s MCP config (stdio):');
  out(JSON.stringify({ mcpServers: { conduit: { command: 'npx', args: ['conduit', 'serve', '--config', configPath], cwd: process.cwd() } } }, null, 2)
    .split('\n').map((l) => `     ${l}`).join('\n'));
  out('     or over HTTP: npx conduit serve --config ' + configPath + ' --http 127.0.0.1:3000  →  http://127.0.0.1:3000/mcp');
  out();
}

async function serveUntilStopped(app: Awaited<ReturnType<typeof createApp>>, out: (line?: string) => void): Promise<void> {
  const server = await startHttpServer({
    app, host: '127.0.0.1', port: app.config.server.http.port, extraRoutes: createOpsRoutes(app), forceUnsafeBind: false, conformance: false,
  });
  out(`▸ MCP server at ${server.url}/mcp (simulator on 127.0.0.1:${DEMO_SIM_PORT}); Ctrl-C to stop.`);
  await Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]);
  await app.calls.drain(app.config.server.shutdownTimeoutMs);
  await server.close();
}
