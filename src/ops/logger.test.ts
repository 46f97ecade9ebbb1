import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLogger } from './logger.ts';
import { callScope } from './call-context.ts';

function capture() {
  const lines: string[] = [];
  return { lines, destination: { write: (line: string) => { lines.push(line); } } };
}

test('a configured secret never appears in logs, wherever it is put', () => {
  const secret = 'S3cr3t-"quoted"-\\value';
  const { lines, destination } = capture();
  const logger = createLogger({ secrets: [secret], destination, level: 'debug' });
  logger.info({ note: `login with ${secret}` }, `message carrying ${secret}`);
  logger.error({ err: new Error(`upstream said ${secret}`) }, 'failed');
  logger.child({ user: secret }).warn({ nested: { deeper: [secret] } }, 'child');
  logger.info({ password: 'other-password', headers: { authorization: 'Bearer abc', cookie: '.AspNet.Cookies=zzz' } }, 'paths');
  const all = lines.join('');
  assert.equal(lines.length, 4);
  assert.ok(!all.includes('S3cr3t'), all);
  assert.ok(!all.includes('other-password'));
  assert.ok(!all.includes('Bearer abc'));
  assert.ok(!all.includes('.AspNet.Cookies=zzz'));
  assert.match(all, /\[REDACTED\]/);
});

test('log lines are JSON and carry the call\'s correlationId', () => {
  const { lines, destination } = capture();
  const logger = createLogger({ destination });
  callScope.run({ correlationId: 'abc-123', tool: 'content_get', adapter: 'main' }, () => logger.info({ latencyMs: 3 }, 'inside'));
  logger.info({}, 'outside');
  const inside: unknown = JSON.parse(lines[0] ?? '');
  const outside: unknown = JSON.parse(lines[1] ?? '');
  assert.equal(Reflect.get(inside as object, 'correlationId'), 'abc-123');
  assert.equal(Reflect.get(inside as object, 'tool'), 'content_get');
  assert.equal(Reflect.get(inside as object, 'adapter'), 'main');
  assert.equal(Reflect.get(inside as object, 'level'), 'info');
  assert.equal(Reflect.get(outside as object, 'correlationId'), undefined);
});
