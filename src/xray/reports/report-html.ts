import type { ReportModel, ReportFinding } from './report-model.ts';
import { evidenceLine, inLanguages, topFindings, type ReportRenderer } from './report-format.ts';
import { categoryBars, esc, gradeBadge, severityBar, STYLE, trendChart } from './html-parts.ts';

const TOP = 50;

function head(m: ReportModel): string {
  return '<!doctype html><html lang="en"><head><meta charset="utf-8">'
    // Self-contained and offline: nothing may load from anywhere, and no script runs.
    + '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; img-src data:">'
    + `<meta name="viewport" content="width=device-width,initial-scale=1"><title>X-Ray report: ${esc(m.scan.adapter)} (${m.grade})</title>`
    + `<style>${STYLE}</style></head><body><main>`;
}

function summary(m: ReportModel): string {
  const s = m.stats;
  return `<header>${gradeBadge(m.grade, m.score)}<div><h1>X-Ray report: ${esc(m.scan.adapter)}</h1>`
    + `<div class="meta">Scan <code>${esc(m.scan.id)}</code> of ${esc(m.scan.root ?? 'the adapter root')} · finished ${esc(m.scan.finishedAt ?? 'not yet')}</div>`
    + `<div class="meta" id="totals" data-items="${s.items}" data-findings="${s.findings}">${s.items.toLocaleString('en')} items${esc(inLanguages(m))} · `
    + `${s.findings.toLocaleString('en')} open findings · ${s.accepted.toLocaleString('en')} accepted</div>`
    + (m.capped ? '<div class="warn">Score held at 89: critical findings are open.</div>' : '')
    + (m.scan.warning ? `<div class="warn">${esc(m.scan.warning)}</div>` : '')
    + m.scan.notes.map((note) => `<div class="warn note">Note: ${esc(note)}</div>`).join('')
    + '</div></header>';
}

function recommendations(m: ReportModel): string {
  if (m.recommendations.length === 0) return '';
  const rows = m.recommendations.map((r) => `<tr><td>${r.rank}</td><td><b>${esc(r.title)}</b><br>${esc(r.hint)}</td><td>${r.findings}</td>`
    + `<td>${r.affectedItems}</td><td>+${r.impact.toFixed(1)}</td><td>${esc(r.effort)} (${r.effortMinutes} min)</td></tr>`).join('');
  return `<section id="recommendations"><h2>Recommendations</h2><table><tr><th>#</th><th>What</th><th>Findings</th><th>Items</th><th>Impact</th><th>Effort</th></tr>${rows}</table></section>`;
}

function issues(top: readonly ReportFinding[], total: number): string {
  const rows = top.map((f) => `<tr data-fingerprint="${esc(f.fingerprint)}"><td><span class="sev ${f.severity}">${f.severity}</span></td>`
    + `<td>${esc(f.category)}<br><small>${esc(f.rule)}</small></td><td>${esc(f.itemPath ?? f.itemId)}<br><small>${esc(f.message)}</small></td>`
    + `<td><code>${esc(evidenceLine(f, 240))}</code></td><td>${esc(f.hint)}</td></tr>`).join('');
  const body = top.length === 0 ? '<p>No open findings.</p>'
    : `<table><tr><th>Severity</th><th>Category</th><th>Item</th><th>Evidence</th><th>Fix</th></tr>${rows}</table>`;
  return `<section id="top-issues"><h2>Top issues (${top.length} of ${total.toLocaleString('en')})</h2>${body}</section>`;
}

/** One self-contained HTML page: grade badge, severity breakdown, category bars, trend, recommendations, top issues with evidence. */
export const htmlReport: ReportRenderer = {
  format: 'html',
  mediaType: 'text/html',
  extension: 'html',
  async render(model, findings, write) {
    const top = await topFindings(model, findings, TOP);
    await write(head(model) + summary(model) + severityBar(model.stats.bySeverity) + categoryBars(model.categories)
      + trendChart(model.trend) + recommendations(model) + issues(top, model.stats.findings)
      + `<footer>Score formula v${esc(model.formulaVersion)} (docs/xray.md#score-and-grade) · generated ${esc(model.generatedAt)} by Conduit X-Ray</footer>`
      + '</main></body></html>\n');
  },
};
