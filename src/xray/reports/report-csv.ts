import type { ReportFinding } from './report-model.ts';
import type { ReportRenderer } from './report-format.ts';

const COLUMNS = ['fingerprint', 'severity', 'category', 'rule', 'analyzer', 'analyzer_version', 'item_id', 'item_path', 'language',
  'field', 'value', 'target', 'account', 'message', 'hint', 'docs', 'accepted', 'accepted_reason'] as const;

/**
 * RFC 4180 quoting, and a leading apostrophe for values a spreadsheet would
 * run as a formula (=, +, -, @, tab, CR): CMS content is untrusted input.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function row(f: ReportFinding): string {
  const e = f.evidence;
  return [f.fingerprint, f.severity, f.category, f.rule, f.analyzer, f.analyzerVersion, f.itemId, f.itemPath, f.language,
    e['field'], e['value'], e['target'], e['account'], f.message, f.hint, f.docs, f.accepted !== null, f.accepted?.reason].map(csvCell).join(',');
}

/** One row per finding (accepted ones too, flagged), CRLF line ends as RFC 4180 asks. */
export const csvReport: ReportRenderer = {
  format: 'csv',
  mediaType: 'text/csv',
  extension: 'csv',
  async render(_model, findings, write) {
    await write(`${COLUMNS.join(',')}\r\n`);
    for await (const batch of findings()) {
      if (batch.length > 0) await write(`${batch.map(row).join('\r\n')}\r\n`);
    }
  },
};
