/** Closest known key to a mistyped one, or undefined when nothing is close. */
export function suggestKey(unknown: string, known: readonly string[]): string | undefined {
  const needle = unknown.toLowerCase();
  let best: { key: string; distance: number } | undefined;
  for (const key of known) {
    const distance = editDistance(needle, key.toLowerCase());
    if (best === undefined || distance < best.distance) best = { key, distance };
  }
  if (best === undefined) return undefined;
  // Allow roughly one edit per three characters: "adaptors" → "adapters", not "x" → "mcp".
  const allowed = Math.max(1, Math.floor(Math.max(unknown.length, best.key.length) / 3));
  return best.distance <= allowed ? best.key : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
