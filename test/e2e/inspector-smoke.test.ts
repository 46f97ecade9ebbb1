// Acceptance (issue 2, item 3): the MCP Inspector CLI lists Conduit's tools over stdio and over HTTP.
// The count is checked, not just the exit code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { packageRoot } from '../../src/package-info.ts';
import { CONDUIT_BIN } from '../support/run-cli.ts';
import { startSimulatorAndServer, type SimulatorAndServer } from '../support/spawn-serve.ts';

const INSPECTOR = join(packageRoot(), 'node_modules/@modelcontextprotocol/inspector/clients/launcher/build/index.js');
/** The content and ops tools (sitecore-xp has every capability); xray_* tools are counted separately. */
const EXPECTED_CONTENT_TOOLS = 11;

function inspector(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [INSPECTOR, '--cli', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => { stdout += c.toString(); });
    child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`inspector timed out: ${stderr}`)); }, 60_000);
    child.on('close', (code) => { clearTimeout(timer); resolve({ code, stdout, stderr }); });
  });
}

function toolNames(stdout: string): string[] {
  const parsed: unknown = JSON.parse(stdout.slice(stdout.indexOf('{')));
  const tools: unknown = Reflect.get(parsed as object, 'tools');
  assert.ok(Array.isArray(tools), stdout);
  return tools.map((t: unknown) => String(Reflect.get(t as object, 'name')));
}

let fixture: SimulatorAndServer;
let config: SimulatorAndServer['config'];
let http: SimulatorAndServer['http'];

test.before(async () => {
  fixture = await startSimulatorAndServer(700);
  ({ config, http } = fixture);
});

test.after(() => fixture.stop());

test('inspector --cli tools/list over stdio returns every tool', async () => {
  // The Inspector reserves --config for itself, so the config path goes through CONDUIT_CONFIG.
  const result = await inspector(['-e', `CONDUIT_CONFIG=${config.path}`, '-e', `SC_PASSWORD=${config.env['SC_PASSWORD'] ?? ''}`,
    '--method', 'tools/list', process.execPath, CONDUIT_BIN, 'serve'], {});
  assert.equal(result.code, 0, result.stderr);
  const names = toolNames(result.stdout);
  assert.equal(names.filter((n) => !n.startsWith('xray_')).length, EXPECTED_CONTENT_TOOLS, names.join(','));
  assert.equal(new Set(names).size, names.length);
});

test('inspector --cli tools/list over Streamable HTTP returns every tool', async () => {
  const result = await inspector([`${http.url}/mcp`, '--transport', 'http', '--method', 'tools/list'], {});
  assert.equal(result.code, 0, result.stderr);
  const names = toolNames(result.stdout);
  assert.equal(names.filter((n) => !n.startsWith('xray_')).length, EXPECTED_CONTENT_TOOLS, names.join(','));
});
