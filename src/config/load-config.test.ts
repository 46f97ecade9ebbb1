import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adapterConfigSchema } from '../app.ts';
import { ConduitError } from '../core/conduit-error.ts';
import { checkConfigText, loadConfig } from './load-config.ts';
import { answersFromFlags } from '../cli/commands/config-generate.ts';
import { generateConfigYaml } from './generate-config.ts';
import { makeTestCertificates } from '../http/test-support/test-certificates.ts';

const env = { SC_PASSWORD: 'hunter2-very-secret' };
const good = `
adapters:
  main:
    type: sitecore-xp
    url: https://cm.example.com
    credentials: { domain: sitecore, username: admin, password: "\${SC_PASSWORD}" }
`;

function check(text: string, environment: Record<string, string> = env) {
  return checkConfigText(text, 'conduit.yaml', { env: environment, adapterSchema: adapterConfigSchema });
}

test('a valid file loads, with defaults applied, frozen, and the secret interpolated', async () => {
  const result = await check(good);
  assert.deepEqual(result.issues, []);
  const config = result.loaded?.config;
  assert.ok(config);
  assert.equal(config.storage.sqlite, './conduit.db');
  assert.equal(config.adapters['main']?.resilience.maxAttempts, 3);
  assert.ok(Object.isFrozen(config.adapters['main']));
  assert.deepEqual(result.loaded?.secrets, ['hunter2-very-secret']);
});

test('a missing env var is CFG_ENV_MISSING naming the variable, path and line', async () => {
  const result = await check(good, {});
  const issue = result.issues.find((i) => i.code === 'CFG_ENV_MISSING');
  assert.ok(issue, JSON.stringify(result.issues));
  assert.match(issue.message, /SC_PASSWORD/);
  assert.equal(issue.path, 'adapters.main.credentials.password');
  assert.equal(issue.line, 6);
});

test('${VAR:-default} falls back, $$ is a literal dollar', async () => {
  const result = await check(good.replace('${SC_PASSWORD}', '${NOPE:-fallback-pw}').replace('admin', 'ad$$min'), {});
  assert.equal(result.loaded?.config.adapters['main']?.['credentials'] && JSON.stringify(result.loaded.config.adapters['main']['credentials']),
    JSON.stringify({ domain: 'sitecore', username: 'ad$min', password: 'fallback-pw' }));
});

test('an unknown key is CFG_UNKNOWN_KEY with the intended key suggested and located', async () => {
  const result = await check(`${good}stroage:\n  sqlite: ./x.db\n`);
  const issue = result.issues.find((i) => i.code === 'CFG_UNKNOWN_KEY');
  assert.ok(issue, JSON.stringify(result.issues));
  assert.equal(issue.path, 'stroage');
  assert.match(issue.message, /did you mean "storage"/);
  assert.equal(issue.line, 7);
});

test('a wrong type is CFG_WRONG_TYPE at its dot-path', async () => {
  const result = await check(`${good}server:\n  http:\n    port: "three thousand"\n`);
  const issue = result.issues.find((i) => i.code === 'CFG_WRONG_TYPE');
  assert.ok(issue, JSON.stringify(result.issues));
  assert.equal(issue.path, 'server.http.port');
  assert.equal(issue.line, 9);
  assert.match(issue.hint, /number/);
});

test('an unknown adapter type is CFG_UNKNOWN_ADAPTER_TYPE listing the types', async () => {
  const result = await check(good.replace('sitecore-xp', 'drupal'));
  const issue = result.issues.find((i) => i.code === 'CFG_UNKNOWN_ADAPTER_TYPE');
  assert.ok(issue, JSON.stringify(result.issues));
  assert.equal(issue.path, 'adapters.main.type');
  assert.match(issue.message, /sitecore-xp/);
});

test('a bad credentials shape is CFG_BAD_CREDENTIALS', async () => {
  const result = await check(good.replace('username: admin, ', ''));
  const issue = result.issues.find((i) => i.code === 'CFG_BAD_CREDENTIALS');
  assert.ok(issue, JSON.stringify(result.issues));
  assert.match(issue.path, /^adapters\.main\.credentials/);
});

test('a literal secret in the file is refused', async () => {
  const result = await check(good.replace('${SC_PASSWORD}', 'plaintext-password'));
  assert.ok(result.issues.some((i) => i.path === 'adapters.main.credentials.password' && /literally/.test(i.message)));
});

test('all problems are reported at once', async () => {
  const result = await check(`${good}stroage: {}\nserver: { http: { port: x } }\nmcp: { readOnly: 3 }\n`, {});
  assert.ok(result.issues.filter((i) => i.severity === 'error').length >= 4, JSON.stringify(result.issues));
});

test('malformed YAML is CFG_YAML_MALFORMED with line and column, never "not found"', async () => {
  await assert.rejects(check('adapters:\n  main: [unclosed\n'), (error: unknown) => {
    assert.ok(error instanceof ConduitError);
    assert.equal(error.code, 'CFG_YAML_MALFORMED');
    assert.match(error.message, /conduit\.yaml:\d+:\d+/);
    return true;
  });
});

test('a missing file is CFG_NOT_FOUND; DATABASE_URL selects Postgres', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'conduit-cfg-'));
  await assert.rejects(loadConfig({ env: {}, cwd: dir, adapterSchema: adapterConfigSchema }), { code: 'CFG_NOT_FOUND' });
  writeFileSync(join(dir, 'conduit.yaml'), good);
  const loaded = await loadConfig({ env: { ...env, DATABASE_URL: 'postgres://u@127.0.0.1/db' }, cwd: dir, adapterSchema: adapterConfigSchema });
  assert.equal(loaded.config.storage.postgres, 'postgres://u@127.0.0.1/db');
});

test('config generate output validates', async () => {
  const answers = answersFromFlags({ adapter: ['main:sitecore-xp:https://cm.example.com'], storage: 'sqlite:./x.db', host: '127.0.0.1', port: '3100', tokenEnv: 'CONDUIT_TOKEN' });
  const yaml = generateConfigYaml(answers);
  assert.match(yaml, /# /);
  const result = await check(yaml, { MAIN_PASSWORD: 'pw-from-env', CONDUIT_TOKEN: 'a-token-of-at-least-16-chars' });
  assert.deepEqual(result.issues, []);
  assert.equal(result.loaded?.config.server.http.port, 3100);
});

test('tls.caFile is read at validation: a missing, empty or corrupt file is CFG_TLS_CA_INVALID at its line; a real CA passes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'conduit-ca-'));
  const withCa = (file: string): string => `${good}    tls: { caFile: "${file}" }\n`;
  writeFileSync(join(dir, 'notes.txt'), 'not a certificate');
  writeFileSync(join(dir, 'corrupt.pem'), '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n');
  const cases = [
    [join(dir, 'missing.pem'), /cannot be read \(ENOENT\)/],
    [join(dir, 'notes.txt'), /holds no PEM certificate/],
    [join(dir, 'corrupt.pem'), /certificate 1 of 1 .* cannot be parsed/],
  ] as const;
  for (const [file, why] of cases) {
    const result = await check(withCa(file));
    const issue = result.issues.find((i) => i.code === 'CFG_TLS_CA_INVALID');
    assert.ok(issue, JSON.stringify(result.issues));
    assert.equal(issue.path, 'adapters.main.tls.caFile');
    assert.match(issue.message, why);
    assert.equal(issue.line, 7);
    assert.match(issue.hint, /PEM file/);
    assert.equal(result.loaded, undefined);
  }
  const certs = makeTestCertificates();
  try {
    const result = await check(withCa(certs.caFile));
    assert.deepEqual(result.issues, []);
    assert.equal(result.loaded?.config.adapters['main']?.tls.caFile, certs.caFile);
  } finally {
    certs.cleanup();
  }
  const misspelt = await check(`${good}    tls: { cafile: x.pem }\n`);
  assert.match(misspelt.issues[0]?.message ?? '', /did you mean "caFile"/);
});

test('xrayLanguages: "all" or a list of language names; anything else is reported at its dot-path', async () => {
  assert.deepEqual((await check(`${good}    xrayLanguages: all\n`)).issues, []);
  assert.deepEqual((await check(`${good}    xrayLanguages: [en, de-DE]\n`)).issues, []);
  for (const bad of ['xrayLanguages: every', 'xrayLanguages: []', 'xrayLanguages: ["de DE"]']) {
    const issues = (await check(`${good}    ${bad}\n`)).issues;
    assert.ok(issues.length > 0 && issues.every((i) => i.path.startsWith('adapters.main.xrayLanguages')), `${bad}: ${JSON.stringify(issues)}`);
  }
  assert.match((await check(`${good}    xraylanguages: all\n`)).issues[0]?.message ?? '', /did you mean "xrayLanguages"/);
});

test('tls.certFile + tls.keyFile: both or neither, read at validation (CFG_TLS_CLIENT_CERT_INVALID); keyPassphrase only from the environment', async () => {
  const certs = makeTestCertificates();
  try {
    const { certFile, keyFile, encryptedKeyFile, foreignKeyFile, passphrase } = certs.client;
    const withTls = (tls: string): string => `${good}    tls: { ${tls} }\n`;
    assert.deepEqual((await check(withTls(`certFile: "${certFile}", keyFile: "${keyFile}"`))).issues, []);
    const fromEnv = await check(withTls(`certFile: "${certFile}", keyFile: "${encryptedKeyFile}", keyPassphrase: "\${KEY_PASS}"`), { ...env, KEY_PASS: passphrase });
    assert.deepEqual(fromEnv.issues, []);
    assert.ok(fromEnv.loaded?.secrets.includes(passphrase), 'the passphrase is redacted from logs like every secret');

    const half = (await check(withTls(`certFile: "${certFile}"`))).issues;
    assert.deepEqual(half.map((i) => i.path), ['adapters.main.tls.keyFile']);
    assert.match(half[0]?.message ?? '', /needs both tls\.certFile and tls\.keyFile/);
    const literal = (await check(withTls(`certFile: "${certFile}", keyFile: "${encryptedKeyFile}", keyPassphrase: "${passphrase}"`))).issues;
    assert.ok(literal.some((i) => i.path === 'adapters.main.tls.keyPassphrase' && /written literally/.test(i.message)), JSON.stringify(literal));
    const mismatched = (await check(withTls(`certFile: "${certFile}", keyFile: "${foreignKeyFile}"`))).issues;
    assert.deepEqual(mismatched.map((i) => [i.code, i.path]), [['CFG_TLS_CLIENT_CERT_INVALID', 'adapters.main.tls.certFile']]);
    assert.match(mismatched[0]?.message ?? '', /does not belong to the certificate/);
    const pfx = await check(withTls(`pfxFile: "${certs.client.pfxFile}", keyPassphrase: "\${KEY_PASS}"`), { ...env, KEY_PASS: passphrase });
    assert.deepEqual(pfx.issues, []);
    const both = (await check(withTls(`pfxFile: "${certs.client.pfxFile}", certFile: "${certFile}", keyFile: "${keyFile}"`))).issues;
    assert.deepEqual(both.map((i) => i.path), ['adapters.main.tls.pfxFile']);
    const wrongPfx = (await check(withTls(`pfxFile: "${certs.client.pfxFile}", keyPassphrase: "\${KEY_PASS}"`), { ...env, KEY_PASS: 'nope' })).issues;
    assert.deepEqual(wrongPfx.map((i) => [i.code, i.path]), [['CFG_TLS_CLIENT_CERT_INVALID', 'adapters.main.tls.pfxFile']]);
  } finally {
    certs.cleanup();
  }
});
