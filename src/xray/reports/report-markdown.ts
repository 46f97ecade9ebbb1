import type { ReportModel } from './report-model.ts';
import { evidenceLine, inLanguages, topFindings, type ReportRenderer } from './report-format.ts';

const TOP = 25;

/** Escapes text for a Markdown table cell or line: pipes, backticks, angle brackets and line breaks. */
export function mdText(value: string): string {
  return value.replace(/[\\`*_|<>[\]]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

function header(m: ReportModel): string[] {
  return [
    `# X-Ray report: ${mdText(m.scan.adapter)}`,
    '',
    `**Grade ${m.grade}** · score ${m.score.toFixed(1)} / 100${m.capped ? ' (held at 89: critical findings are open)' : ''}`,
    '',
    `Scan \`${m.scan.id}\` of ${mdText(m.scan.root ?? 'the adapter root')} · ${m.stats.items.toLocaleString('en')} items${inLanguages(m)} · `
      + `${m.stats.findings.toLocaleString('en')} open findings (${m.stats.bySeverity.critical} critical, ${m.stats.bySeverity.warning} warning, `
      + `${m.stats.bySeverity.info} info) · ${m.stats.accepted} accepted · finished ${m.scan.finishedAt ?? 'not yet'}`,
    ...(m.scan.warning ? ['', `> ${mdText(m.scan.warning)}`] : []),
    ...m.scan.notes.flatMap((note) => ['', `> Note: ${mdText(note)}`]),
    '',
  ];
}

function categories(m: ReportModel): string[] {
  const rows = m.categories.map((c) => (c.covered
    ? `| ${c.title} | ${c.score?.toFixed(1) ?? ''} | ${c.findings} | ${c.critical} | ${c.warning} | ${c.info} |`
    : `| ${c.title} | not covered | | | | |`));
  const uncovered = m.coverage.unsupported.map((u) => `- **${u.category}**: ${mdText(u.reason)}`);
  return ['## Categories', '', '| Category | Score | Findings | Critical | Warning | Info |', '|---|---:|---:|---:|---:|---:|', ...rows, '',
    ...(uncovered.length > 0 ? ['### Not covered by this source', '', ...uncovered, ''] : [])];
}

function recommendations(m: ReportModel): string[] {
  if (m.recommendations.length === 0) return [];
  return ['## Recommendations', '', '| # | What | Findings | Items | Impact | Effort |', '|---:|---|---:|---:|---:|---|',
    ...m.recommendations.map((r) => `| ${r.rank} | [${r.title}](${r.docs}): ${mdText(r.hint)} | ${r.findings} | ${r.affectedItems} | +${r.impact.toFixed(1)} | ${r.effort} (${r.effortMinutes} min) |`), ''];
}

function trend(m: ReportModel): string[] {
  if (m.trend.length < 2) return [];
  return ['## Trend', '', '| Scan | Started | Score | Grade | Findings |', '|---|---|---:|---|---:|',
    ...m.trend.map((t) => `| \`${t.scanId.slice(0, 8)}\` | ${t.at} | ${t.score.toFixed(1)} | ${t.grade} | ${t.findings} |`), ''];
}

/** A readable summary: grade, categories, coverage, recommendations, trend and the top findings with their evidence. */
export const markdownReport: ReportRenderer = {
  format: 'md',
  mediaType: 'text/markdown',
  extension: 'md',
  async render(model, findings, write) {
    const top = await topFindings(model, findings, TOP);
    const issues = top.length === 0 ? ['No open findings.'] : [
      '| Severity | Category | Item | Evidence | Fix |', '|---|---|---|---|---|',
      ...top.map((f) => `| ${f.severity} | ${f.category} / ${f.rule} | ${mdText(f.itemPath ?? f.itemId ?? '')} | \`${evidenceLine(f).replaceAll('`', "'").replaceAll('|', '\\|')}\` | ${mdText(f.hint ?? '')} |`),
    ];
    const lines = [...header(model), ...categories(model), ...recommendations(model), ...trend(model),
      `## Top findings (${top.length} of ${model.stats.findings})`, '', ...issues, '',
      `Formula v${model.formulaVersion}: see docs/xray.md#score-and-grade. Generated ${model.generatedAt}.`, ''];
    await write(lines.join('\n'));
  },
};

