/**
 * Keeps tool results inside the response budget (mcp.responseBudgetTokens).
 * Tokens are estimated at about 4 characters each, measured on the JSON the
 * client receives. A result over budget is cut, never refused: a listing
 * returns fewer items and a cursor for the rest, an item returns shortened
 * field values and says which.
 */
export const CHARS_PER_TOKEN = 4;
/** Room kept for the note and cursor that a cut adds. */
const RESERVE_CHARS = 400;
/** A field value is never cut shorter than this. */
const MIN_FIELD_CHARS = 120;

export interface ResponseBudget {
  tokens: number;
  chars: number;
}

export function responseBudget(tokens: number): ResponseBudget {
  return { tokens, chars: tokens * CHARS_PER_TOKEN };
}

export function jsonSize(value: unknown): number {
  return JSON.stringify(value)?.length ?? 0;
}

/** How many of `items` fit next to `envelope` (the rest of the result) within the budget. */
export function itemsThatFit(envelope: Record<string, unknown>, items: readonly unknown[], budget: ResponseBudget): number {
  let used = jsonSize({ ...envelope, items: [] }) + RESERVE_CHARS;
  for (let i = 0; i < items.length; i++) {
    used += jsonSize(items[i]) + 1;
    if (used > budget.chars) return i;
  }
  return items.length;
}

export interface FittedRecord<T> {
  value: T;
  /** Names of the fields whose values were shortened or dropped. */
  truncatedFields: string[];
}

/**
 * Shortens the largest values of `record.fields` (and drops `raw`) until the
 * record fits in `maxChars`. Values stay strings so agents can still read the
 * start of them; `truncatedFields` names what was cut.
 */
export function fitRecord<T extends { fields?: Record<string, unknown>; raw?: unknown }>(record: T, maxChars: number): FittedRecord<T> {
  if (jsonSize(record) <= maxChars) return { value: record, truncatedFields: [] };
  const { raw: _raw, ...withoutRaw } = record;
  const fields: Record<string, unknown> = { ...(record.fields ?? {}) };
  const truncated = new Set<string>();
  const current = (): T => ({ ...withoutRaw, fields } as T);
  const bySize = Object.keys(fields).sort((a, b) => jsonSize(fields[b]) - jsonSize(fields[a]));
  for (const name of bySize) {
    const over = jsonSize(current()) - maxChars;
    if (over <= 0) break;
    const value = fields[name];
    const text = typeof value === 'string' ? value : JSON.stringify(value) ?? '';
    const keep = Math.max(MIN_FIELD_CHARS, text.length - over - 1);
    if (keep >= text.length) continue;
    fields[name] = `${text.slice(0, keep)}…`;
    truncated.add(name);
  }
  for (const name of bySize) {
    if (jsonSize(current()) <= maxChars) break;
    fields[name] = '…';
    truncated.add(name);
  }
  return { value: current(), truncatedFields: [...truncated] };
}

export function budgetNote(budget: ResponseBudget, what: string): string {
  return `Result cut to fit the response budget of about ${budget.tokens} tokens: ${what}`;
}
