import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { askAnswers } from './config-wizard.ts';
import { generateConfigYaml } from '../../config/generate-config.ts';
import { checkConfigText } from '../../config/load-config.ts';
import { adapterConfigSchema } from '../../app.ts';

test('the wizard asks for CMS types, secret env var names and storage, and its file validates', async () => {
  const input = new PassThrough();
  const output = new PassThrough();
  let shown = '';
  output.on('data', (c: Buffer) => { shown += c.toString(); });
  const answers = askAnswers(input, output);
  // One answer per prompt: types, name, URL, password env, storage, postgres env, token env, read-only.
  for (const line of ['sitecore-xp,sitecore-xmc', 'main', 'https://cm.example.com', 'SC_PW', 'edge', 'https://edge.example.com', 'EDGE_KEY', 'postgres', 'PG_URL', 'MCP_TOKEN', 'yes']) {
    await new Promise((resolve) => setImmediate(resolve));
    input.write(`${line}\n`);
  }
  const result = await answers;
  assert.match(shown, /CMS types/);
  assert.match(shown, /Environment variable holding main's password/);
  assert.deepEqual(result.adapters.map((a) => [a.name, a.type, a.secretEnv]), [['main', 'sitecore-xp', { password: 'SC_PW' }], ['edge', 'sitecore-xmc', { apiKey: 'EDGE_KEY' }]]);
  assert.deepEqual(result.storage, { kind: 'postgres', env: 'PG_URL' });
  assert.equal(result.readOnly, true);
  const yaml = generateConfigYaml(result);
  assert.ok(!yaml.includes('hunter'), 'no secret value is ever asked for or written');
  const check = await checkConfigText(yaml, 'wizard.yaml', {
    env: { SC_PW: 'pw-from-env', EDGE_KEY: 'edge-key-from-env', PG_URL: 'postgres://postgres@127.0.0.1:5432/test', MCP_TOKEN: 'token-with-16-plus-chars' },
    adapterSchema: adapterConfigSchema,
  });
  assert.deepEqual(check.issues.filter((i) => i.severity === 'error'), []);
  assert.equal(check.loaded?.config.mcp.readOnly, true);
});
