/**
 * Rewrites Postgres-style numbered placeholders ($1, $2, ...) into the
 * anonymous `?` that better-sqlite3 binds (it does not support `?NNN`).
 * `order` says which parameter each `?` takes, so `$1 ... $1` binds the same
 * value twice. Quoted strings, quoted identifiers and comments are left alone.
 */
export interface TranslatedSql {
  sql: string;
  /** Zero-based index into the caller's parameters, one per `?` in `sql`. */
  order: number[];
  /** The highest placeholder number used (0 when none). */
  maxIndex: number;
}

export function sqlPlaceholders(sql: string): TranslatedSql {
  let out = '';
  const order: number[] = [];
  let maxIndex = 0;
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i];
    const skipTo = skipQuotedOrComment(sql, i);
    if (skipTo > i) {
      out += sql.slice(i, skipTo);
      i = skipTo;
      continue;
    }
    if (ch === '$' && isDigit(sql.charCodeAt(i + 1))) {
      let j = i + 1;
      while (j < sql.length && isDigit(sql.charCodeAt(j))) j++;
      const n = Number(sql.slice(i + 1, j));
      order.push(n - 1);
      maxIndex = Math.max(maxIndex, n);
      out += '?';
      i = j;
      continue;
    }
    out += ch;
    i++;
  }
  return { sql: out, order, maxIndex };
}

/** The index just after a quoted string, quoted identifier or comment starting at `i`, or `i` when none starts there. */
function skipQuotedOrComment(sql: string, i: number): number {
  const ch = sql[i];
  if (ch === "'" || ch === '"') {
    let j = i + 1;
    while (j < sql.length) {
      if (sql[j] === ch) {
        if (sql[j + 1] === ch) { j += 2; continue; }
        return j + 1;
      }
      j++;
    }
    return sql.length;
  }
  if (ch === '-' && sql[i + 1] === '-') {
    const end = sql.indexOf('\n', i);
    return end === -1 ? sql.length : end;
  }
  if (ch === '/' && sql[i + 1] === '*') {
    const end = sql.indexOf('*/', i + 2);
    return end === -1 ? sql.length : end + 2;
  }
  return i;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
