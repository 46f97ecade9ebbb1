import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ConduitError } from '../core/conduit-error.ts';
import { packageRoot } from '../package-info.ts';
import type { DbKind } from './db-port.ts';

export interface MigrationFile {
  version: number;
  name: string;
  /** File name, e.g. 0001_initial.sql. */
  file: string;
  sql: string;
  /** sha256 of the file with line endings normalised, so a CRLF checkout is not a "changed" file. */
  checksum: string;
}

const FILE_PATTERN = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/**
 * The shipped migrations of a dialect: <package root>/migrations/<kind>/.
 * The root is the folder holding package.json, so this works from src/ under
 * type stripping and from dist/src/ after tsc alike.
 */
export function defaultMigrationsDir(kind: DbKind): string {
  return join(packageRoot(), 'migrations', kind);
}

/** Reads and checks a migrations folder: NNNN_name.sql files numbered 1, 2, 3... with no gaps. */
export function loadMigrationFiles(dir: string): MigrationFile[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.sql')).sort();
  } catch (error) {
    throw new ConduitError('STORE_MIGRATION_FAILED', `Could not read the migrations folder ${dir}.`, {
      hint: 'Reinstall Conduit: the migrations/ folder ships with the package.',
      cause: error,
    });
  }
  return names.map((file, index) => {
    const match = FILE_PATTERN.exec(file);
    const version = match ? Number(match[1]) : Number.NaN;
    if (!match || version !== index + 1) {
      throw new ConduitError('STORE_MIGRATION_FAILED', `Migration file ${join(dir, file)} is misnamed or out of sequence (expected ${String(index + 1).padStart(4, '0')}_name.sql).`, {
        hint: 'Migration files are named NNNN_name.sql, numbered from 0001 without gaps.',
      });
    }
    const sql = readFileSync(join(dir, file), 'utf8');
    return { version, name: match[2] ?? file, file, sql, checksum: checksumOf(sql) };
  });
}

export function checksumOf(sql: string): string {
  return createHash('sha256').update(sql.replace(/\r\n/g, '\n')).digest('hex');
}
