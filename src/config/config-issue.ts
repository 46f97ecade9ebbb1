import type { ErrorCode } from '../core/error-catalogue.ts';

/** One problem found in a configuration, located and actionable. */
export interface ConfigIssue {
  code: ErrorCode;
  severity: 'error' | 'warning';
  /** Dot-path of the offending key, e.g. "adapters.main.credentials.password". */
  path: string;
  message: string;
  hint: string;
  line?: number;
  column?: number;
}

export function formatIssue(issue: ConfigIssue, file?: string): string {
  const where = issue.line === undefined ? '' : `${file ?? ''}:${issue.line}:${issue.column ?? 1} `;
  const at = issue.path === '' ? '(top level)' : issue.path;
  return `${issue.severity === 'error' ? 'error' : 'warning'} [${issue.code}] ${where}${at}: ${issue.message}\n  fix: ${issue.hint}`;
}
