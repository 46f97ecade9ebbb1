// Crash torture on SQLite: SIGKILL ×10, SIGTERM, and the CMS dying, through `conduit xray scan/resume` child processes.
import { describe } from 'node:test';
import { tortureSuite } from './support/torture-suite.ts';

describe('X-Ray crash torture (SQLite)', () => tortureSuite('sqlite'));
