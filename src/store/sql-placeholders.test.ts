import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sqlPlaceholders } from './sql-placeholders.ts';

void test('numbered placeholders become ? in order of appearance, repeats bind again', () => {
  const t = sqlPlaceholders('SELECT * FROM t WHERE a = $2 AND b = $1 OR c = $2');
  assert.equal(t.sql, 'SELECT * FROM t WHERE a = ? AND b = ? OR c = ?');
  assert.deepEqual(t.order, [1, 0, 1]);
  assert.equal(t.maxIndex, 2);
});

void test('multi-digit placeholders are read whole', () => {
  const t = sqlPlaceholders('VALUES ($10, $11, $1)');
  assert.equal(t.sql, 'VALUES (?, ?, ?)');
  assert.deepEqual(t.order, [9, 10, 0]);
});

void test('quoted strings, identifiers and comments are not rewritten', () => {
  const sql = `SELECT '$1 it''s', "col$2" -- $3\n, $1 /* $4 */ FROM t`;
  const t = sqlPlaceholders(sql);
  assert.equal(t.sql, `SELECT '$1 it''s', "col$2" -- $3\n, ? /* $4 */ FROM t`);
  assert.deepEqual(t.order, [0]);
});

void test('a dollar sign not followed by a digit is kept', () => {
  assert.equal(sqlPlaceholders('SELECT $$x$$, $a').sql, 'SELECT $$x$$, $a');
});
