import type { ReportFinding, ReportModel } from './report-model.ts';

/** Where a renderer writes: chunks of text, in order (a file stream, stdout, or a string buffer). */
export type ReportWrite = (chunk: string) => Promise<void> | void;

/** The scan's findings, streamed in fingerprint order (opened once per render). */
export type FindingStream = () => AsyncIterable<ReportFinding[]>;

export interface ReportRenderer {
  /** e.g. "json". */
  readonly format: string;
  readonly mediaType: string;
  readonly extension: string;
  render(model: ReportModel, findings: FindingStream, write: ReportWrite): Promise<void>;
}

const SEVERITY_RANK: Record<ReportFinding['severity'], number> = { critical: 0, warning: 1, info: 2 };

/**
 * The most important open findings for a summary (HTML, Markdown): by
 * severity, then by category order of the model, then by path. Keeps at most
 * `limit` while streaming, so memory stays bounded.
 */
export async function topFindings(model: ReportModel, findings: FindingStream, limit: number): Promise<ReportFinding[]> {
  const order = new Map(model.categories.map((c, i) => [c.category, i]));
  const rank = (f: ReportFinding): [number, number, string] => [SEVERITY_RANK[f.severity], order.get(f.category as never) ?? 99, `${f.itemPath ?? ''}\u0000${f.fingerprint}`];
  const compare = (a: ReportFinding, b: ReportFinding): number => {
    const [sa, ca, pa] = rank(a);
    const [sb, cb, pb] = rank(b);
    return sa - sb || ca - cb || (pa < pb ? -1 : pa > pb ? 1 : 0);
  };
  let kept: ReportFinding[] = [];
  for await (const batch of findings()) {
    kept.push(...batch.filter((f) => f.accepted === null));
    if (kept.length > limit * 4) kept = kept.sort(compare).slice(0, limit);
  }
  return kept.sort(compare).slice(0, limit);
}

/** The evidence of a finding as one short line: field = value → target (account). */
export function evidenceLine(f: ReportFinding, max = 160): string {
  const e = f.evidence;
  const value = typeof e['value'] === 'string' ? e['value'] : e['value'] === undefined ? '' : String(e['value']);
  const parts = [`${String(e['field'] ?? '')}${value === '' ? '' : ` = ${value}`}`];
  if (e['target'] !== undefined && e['target'] !== value) parts.push(`→ ${String(e['target'])}`);
  if (e['account'] !== undefined) parts.push(`(${String(e['account'])})`);
  const line = parts.join(' ');
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** " in en, de-DE": which language versions the audit read (nothing for a CMS without languages). */
export function inLanguages(m: ReportModel): string {
  return m.stats.languages.length === 0 ? '' : ` in ${m.stats.languages.join(', ')}`;
}
