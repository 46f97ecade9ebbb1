import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSitecoreSimulator } from '../../adapters/sitecore/simulator/sitecore-simulator.ts';
import { runCli } from '../support/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'conduit-cli-'));
const write = (name: string, text: string): string => { const p = join(dir, name); writeFileSync(p, text); return p; };
const valid = `adapters:\n  main:\n    type: sitecore-xp\n    url: https://cm.example.com\n    credentials: { domain: sitecore, username: admin, password: "\${SC_PW}" }\n`;
const env = { SC_PW: 'from-the-environment' };

test('--version and --help', async () => {
  const version = await runCli(['--version']);
  assert.equal(version.code, 0);
  assert.match(version.stdout, /^\d+\.\d+\.\d+/);
  const help = await runCli(['--help']);
  assert.equal(help.code, 0);
  for (const command of ['serve', 'config', 'demo', 'simulator']) assert.match(help.stdout, new RegExp(`\\b${command}\\b`));
});

test('config validate: a valid file exits 0', async () => {
  const result = await runCli(['config', 'validate', write('ok.yaml', valid)], { env });
  assert.equal(result.code, 0, result.stdout + result.stderr);
  assert.match(result.stdout, /valid/);
});

test('config validate: each class of bad config gets a coded, located message and a non-zero exit', async () => {
  const cases: Array<[string, string, Record<string, string>, RegExp]> = [
    ['missing env var', valid, {}, /\[CFG_ENV_MISSING\] .*:5:\d+ adapters\.main\.credentials\.password: environment variable SC_PW/],
    ['unknown key', `${valid}loging: { level: info }\n`, env, /\[CFG_UNKNOWN_KEY\] .*:6:1 loging: unknown key "loging" \(did you mean "logging"\?\)/],
    ['wrong type', `${valid}mcp: { readOnly: "yes please" }\n`, env, /\[CFG_WRONG_TYPE\] .*:6:\d+ mcp\.readOnly/],
    ['unknown adapter type', valid.replace('sitecore-xp', 'joomla'), env, /\[CFG_UNKNOWN_ADAPTER_TYPE\] .*adapters\.main\.type/],
    ['bad credentials shape', valid.replace('username: admin, ', 'user: admin, '), env, /\[CFG_BAD_CREDENTIALS\] .*adapters\.main\.credentials/],
    ['malformed YAML', 'adapters:\n  main: {type: sitecore-xp\n', env, /\[CFG_YAML_MALFORMED\] .*:\d+:\d+ is not valid YAML/],
  ];
  for (const [name, text, caseEnv, expected] of cases) {
    const result = await runCli(['config', 'validate', write(`${name.replace(/ /g, '-')}.yaml`, text)], { env: caseEnv });
    assert.notEqual(result.code, 0, name);
    assert.equal(result.code, 3, `${name}: configuration errors exit 3`);
    assert.match(result.stdout, expected, name);
    assert.match(result.stdout, /fix: /, `${name} says how to fix it`);
  }
});

test('config validate --json gives the same report as JSON', async () => {
  const result = await runCli(['config', 'validate', '--json', write('json.yaml', `${valid}stroage: {}\n`)], { env });
  assert.equal(result.code, 3);
  const report: unknown = JSON.parse(result.stdout);
  assert.equal(Reflect.get(report as object, 'valid'), false);
  const issues: unknown = Reflect.get(report as object, 'issues');
  assert.ok(Array.isArray(issues) && issues.some((i: unknown) => Reflect.get(i as object, 'code') === 'CFG_UNKNOWN_KEY' && Reflect.get(i as object, 'line') === 6));
});

test('config validate on a missing file: CFG_NOT_FOUND, not a crash', async () => {
  const result = await runCli(['config', 'validate', join(dir, 'nope.yaml')]);
  assert.equal(result.code, 3);
  assert.match(result.stdout, /CFG_NOT_FOUND/);
});

test('config generate writes a commented file that validates, and never overwrites without --force', async () => {
  const out = join(dir, 'generated.yaml');
  const args = ['config', 'generate', '--out', out, '--adapter', 'main:sitecore-xp:https://cm.example.com', '--token-env', 'CONDUIT_TOKEN'];
  const first = await runCli(args);
  assert.equal(first.code, 0, first.stderr);
  assert.match(readFileSync(out, 'utf8'), /^# Conduit configuration/);
  const again = await runCli(args);
  assert.equal(again.code, 3);
  assert.match(again.stderr, /CFG_FILE_EXISTS/);
  assert.equal((await runCli([...args, '--force'])).code, 0);
  const check = await runCli(['config', 'validate', out], { env: { MAIN_PASSWORD: 'x-from-env', CONDUIT_TOKEN: 'token-with-16-plus-chars' } });
  assert.equal(check.code, 0, check.stdout);
});

test('an unknown command is a usage error (exit 2)', async () => {
  const result = await runCli(['frobnicate']);
  assert.equal(result.code, 2);
});

test('config validate --connect logs in to each adapter and tries the first steps of a scan: ok exits 0; a wrong password, a CMS that is down or a language it does not have exits 4 with the reason', async () => {
  const sim = await startSitecoreSimulator({ items: 650 });
  // A privileged port nothing listens on, so the refusal is certain (a freed ephemeral port could be taken
  // again by a parallel test), and one fetch does not block as a "bad port" (9 is one).
  const closedPort = 2;
  try {
    const twoAdapters = (password: string): string => `adapters:\n  main:\n    type: sitecore-xp\n    url: ${sim.url}\n    credentials: { domain: sitecore, username: admin, password: "\${SC_PW}" }\n`
      + `  down:\n    type: sitecore-xp\n    url: http://127.0.0.1:${closedPort}\n    credentials: { domain: sitecore, username: admin, password: "\${SC_PW}" }\n    resilience: { maxAttempts: 1 }\n`
      + `storage: { sqlite: ${JSON.stringify(join(dir, `never-opened-${password}.db`))} }\n`;
    const oneAdapter = (text: string): string => text.replace(/ {2}down:[\s\S]*?maxAttempts: 1 }\n/, '');

    const ok = await runCli(['config', 'validate', '--connect', write('connect-ok.yaml', oneAdapter(twoAdapters('b')))], { env: { SC_PW: 'b' } });
    assert.equal(ok.code, 0, ok.stdout + ok.stderr);
    assert.match(ok.stdout, /adapter main \(sitecore-xp\): ok, reachable in \d+ ms: Logged in as sitecore\\admin/);
    // Then the first steps of an X-Ray scan: the root resolves, and the languages it would leave out are named.
    assert.match(ok.stdout, /\n {2}x-ray: a scan of the default root can start\n {2}x-ray note: This scan reads en; the instance also has de-DE\./);

    const typo = await runCli(['config', 'validate', '--connect', '--json', write('connect-typo.yaml', oneAdapter(twoAdapters('b')).replace('password: "${SC_PW}" }\n', 'password: "${SC_PW}" }\n    xrayLanguages: [en, de]\n'))], { env: { SC_PW: 'b' } });
    assert.equal(typo.code, 4, typo.stdout + typo.stderr);
    const typoReport = JSON.parse(typo.stdout) as { adapters: Record<string, { health: { ok: boolean }; xray: { ok: boolean; code: string; message: string } }> };
    assert.equal(typoReport.adapters['main']?.health.ok, true);
    assert.deepEqual({ ok: typoReport.adapters['main']?.xray.ok, code: typoReport.adapters['main']?.xray.code }, { ok: false, code: 'CFG_INVALID_VALUE' });
    assert.match(typoReport.adapters['main']?.xray.message ?? '', /adapters\.main\.xrayLanguages: "de" is not a language registered on this instance \(registered: en, de-DE\)/);

    const bad = await runCli(['config', 'validate', '--connect', '--json', write('connect-bad.yaml', twoAdapters('wrong'))], { env: { SC_PW: 'wrong-password' } });
    assert.equal(bad.code, 4, bad.stdout + bad.stderr);
    const report = JSON.parse(bad.stdout) as { valid: boolean; adapters: Record<string, { health: { ok: boolean; status: string; message: string } }> };
    assert.equal(report.valid, true);
    assert.equal(report.adapters['main']?.health.status, 'auth_failed');
    assert.match(report.adapters['main']?.health.message ?? '', /ADP_AUTH_FAILED/);
    assert.equal(report.adapters['down']?.health.status, 'unreachable');
    assert.match(report.adapters['down']?.health.message ?? '', /\[ADP_UNAVAILABLE\] .*could not reach the CMS \(ECONNREFUSED\)/);
    assert.match(report.adapters['down']?.health.message ?? '', new RegExp(`Nothing accepts connections at 127\\.0\\.0\\.1:${closedPort}`));
    assert.ok(!bad.stdout.includes('wrong-password') && !bad.stderr.includes('wrong-password'), 'the password is never printed');
    assert.equal(existsSync(join(dir, 'never-opened-wrong.db')), false, 'checking adapters does not create the scan store');
  } finally {
    await sim.close();
  }
});
