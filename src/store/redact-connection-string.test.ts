import { test } from 'node:test';
import assert from 'node:assert/strict';
import { redactConnectionString } from './redact-connection-string.ts';

void test('the password of a URL is hidden, the rest kept', () => {
  assert.equal(redactConnectionString('postgres://app:s3cr3t@db.local:5432/conduit?sslmode=require'),
    'postgres://app:***@db.local:5432/conduit?sslmode=require');
});

void test('a password with an unencoded @ or / is hidden whole', () => {
  const out = redactConnectionString('postgresql://app:p@ss/w@rd@db/conduit');
  assert.equal(out, 'postgresql://app:***@db/conduit');
  assert.ok(!out.includes('ss/w'));
});

void test('a password query parameter is hidden', () => {
  assert.equal(redactConnectionString('postgres://db/conduit?user=app&password=hunter22&sslmode=verify-full'),
    'postgres://db/conduit?user=app&password=***&sslmode=verify-full');
});

void test('a URL without password or user is unchanged', () => {
  assert.equal(redactConnectionString('postgres://postgres@127.0.0.1:5432/test'), 'postgres://postgres@127.0.0.1:5432/test');
  assert.equal(redactConnectionString('postgres://127.0.0.1/test'), 'postgres://127.0.0.1/test');
});

void test('libpq key=value strings hide password, quoted or not', () => {
  assert.equal(redactConnectionString("host=db password=hunter22 dbname=x"), 'host=db password=*** dbname=x');
  assert.equal(redactConnectionString("host=db password='a b\\'c' dbname=x"), 'host=db password=*** dbname=x');
});
