import assert from 'node:assert/strict';
import { ConduitError, type ErrorCode } from '../../adapter-kit/index.ts';

/** Awaits a promise that must reject with a ConduitError of `code`, and returns that error for further checks. */
export async function expectConduitError(promise: Promise<unknown>, code: ErrorCode): Promise<ConduitError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ConduitError, `expected a ConduitError ${code}, got ${String(error)}`);
    assert.equal(error.code, code, `expected ${code}, got ${error.code}: ${error.message}`);
    return error;
  }
  assert.fail(`expected a ConduitError ${code}, but the promise resolved`);
}
