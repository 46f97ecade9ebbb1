import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { stringify } from 'yaml';
import { packageRoot } from '../../../src/package-info.ts';
import { CONDUIT_BIN } from '../../support/run-cli.ts';
import { tempDir, xrayConfigObject, type XrayTestConfig } from './xray-fixtures.ts';

/** A running `conduit …` child: its JSON stdout lines, stderr, and exit. */
export interface ConduitProcess {
  child: ChildProcessWithoutNullStreams;
  lines: unknown[];
  stderr(): string;
  exited: Promise<number | null>;
  /** Resolves with the first stdout JSON line matching `match` (already seen ones count). */
  waitFor(match: (line: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
}

export function spawnConduit(args: string[], env: Record<string, string> = {}): ConduitProcess {
  const child = spawn(process.execPath, [CONDUIT_BIN, ...args], { cwd: packageRoot(), env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin.end();
  const lines: unknown[] = [];
  let err = '';
  let buffer = '';
  const waiters = new Set<() => void>();
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      if (line.startsWith('{')) lines.push(JSON.parse(line));
    }
    for (const w of waiters) w();
  });
  child.stderr.on('data', (chunk: Buffer) => { err += chunk.toString(); });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))));
  const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;
  return {
    child, lines, exited,
    stderr: () => err,
    waitFor(match, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          const found = lines.find((l) => isRecord(l) && match(l));
          if (isRecord(found)) { done(); resolve(found); }
        };
        const timer = setTimeout(() => { done(); reject(new Error(`conduit ${args.join(' ')}: no matching line within ${timeoutMs} ms\n${err}`)); }, timeoutMs);
        const onExit = (): void => { check(); if (waiters.has(check)) { done(); reject(new Error(`conduit ${args.join(' ')} exited without a matching line\n${err}`)); } };
        const done = (): void => { clearTimeout(timer); waiters.delete(check); child.off('exit', onExit); };
        waiters.add(check);
        child.on('exit', onExit);
        check();
      });
    },
  };
}

/** A config file for child processes (the password comes from the environment, as the config rules require). */
export function writeXrayConfig(c: XrayTestConfig): { path: string; env: Record<string, string> } {
  const dir = tempDir('conduit-xray-cli-');
  const object = xrayConfigObject(c);
  const adapters = object['adapters'];
  if (typeof adapters === 'object' && adapters !== null && 'sim' in adapters) {
    const sim = adapters.sim;
    if (typeof sim === 'object' && sim !== null && 'credentials' in sim) sim.credentials = { domain: 'sitecore', username: 'admin', password: '${SC_PASSWORD}' };
  }
  const path = join(dir, 'conduit.yaml');
  writeFileSync(path, stringify(object));
  return { path, env: { SC_PASSWORD: c.password ?? 'b' } };
}

/** A fresh Postgres schema (dropped by `drop`), and a connection string whose connections use it. */
export async function freshPostgresSchema(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const schema = `xray_${randomBytes(5).toString('hex')}`;
  const admin = async (sql: string): Promise<void> => {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE SCHEMA ${schema}`);
  const sep = url.includes('?') ? '&' : '?';
  return { url: `${url}${sep}options=${encodeURIComponent(`-c search_path=${schema}`)}`, drop: () => admin(`DROP SCHEMA ${schema} CASCADE`) };
}
