// A second process on a SQLite file, for tests of cross-process locking:
//   hold <file> <ms>   takes the write lock (BEGIN IMMEDIATE), prints "locked", holds it for <ms>, commits
//   migrate <file>     runs the migrations and prints the applied versions as JSON
import Database from 'better-sqlite3';
import { migrate } from '../migrate.ts';
import { openSqliteDb } from '../sqlite-db.ts';

const [mode, file, arg] = process.argv.slice(2);
if (file === undefined) throw new Error('usage: sqlite-child.ts hold|migrate <file> [ms]');

if (mode === 'hold') {
  const raw = new Database(file);
  raw.pragma('journal_mode = WAL');
  raw.exec('BEGIN IMMEDIATE');
  process.stdout.write('locked\n');
  setTimeout(() => {
    raw.exec('COMMIT');
    raw.close();
  }, Number(arg ?? '500'));
} else {
  const db = openSqliteDb(file, { busyTimeoutMs: 10_000 });
  const result = await migrate(db);
  await db.close();
  process.stdout.write(JSON.stringify(result.applied.map((s) => s.version)) + '\n');
}
