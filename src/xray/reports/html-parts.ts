import type { TrendPoint } from '../analysis/trends.ts';
import type { Grade } from '../analysis/scoring.ts';
import type { ReportCategory } from './report-model.ts';

/** Pieces of the HTML report: escaping, colours and inline SVG charts (no script, no external resource). */

export function esc(value: string | number | null | undefined): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

export const GRADE_COLOUR: Readonly<Record<Grade, string>> = { A: '#1a7f37', B: '#4c9a2a', C: '#bf8700', D: '#d1682b', F: '#cf222e' };
export const SEVERITY_COLOUR = { critical: '#cf222e', warning: '#bf8700', info: '#0969da' } as const;

export function scoreColour(score: number): string {
  if (score >= 90) return GRADE_COLOUR.A;
  if (score >= 80) return GRADE_COLOUR.B;
  if (score >= 70) return GRADE_COLOUR.C;
  if (score >= 60) return GRADE_COLOUR.D;
  return GRADE_COLOUR.F;
}

export function gradeBadge(grade: Grade, score: number): string {
  return `<div id="grade" class="badge" data-grade="${grade}" style="background:${GRADE_COLOUR[grade]}"><span class="letter">${grade}</span>`
    + `<span class="score">${score.toFixed(1)}</span></div>`;
}

export function severityBar(counts: Record<'critical' | 'warning' | 'info', number>): string {
  const total = counts.critical + counts.warning + counts.info;
  const segments = (['critical', 'warning', 'info'] as const).map((s) => {
    const width = total === 0 ? 0 : (counts[s] / total) * 100;
    return `<div class="seg" data-severity="${s}" style="width:${width.toFixed(2)}%;background:${SEVERITY_COLOUR[s]}"></div>`;
  }).join('');
  const legend = (['critical', 'warning', 'info'] as const)
    .map((s) => `<span class="count" data-severity="${s}"><i style="background:${SEVERITY_COLOUR[s]}"></i>${counts[s].toLocaleString('en')} ${s}</span>`).join('');
  return `<section id="severity"><h2>Findings by severity</h2><div class="stack">${segments}</div><div class="legend">${legend}</div></section>`;
}

export function categoryBars(categories: readonly ReportCategory[]): string {
  const rows = categories.map((c) => {
    if (!c.covered) {
      return `<div class="cat uncovered" data-category="${esc(c.category)}" data-covered="false"><span class="name">${esc(c.title)}</span>`
        + `<span class="why">not covered: ${esc(c.reason)}</span></div>`;
    }
    const score = c.score ?? 0;
    return `<div class="cat" data-category="${esc(c.category)}" data-covered="true" data-score="${score.toFixed(1)}"><span class="name">${esc(c.title)}</span>`
      + `<span class="track"><span class="fill" style="width:${score.toFixed(1)}%;background:${scoreColour(score)}"></span></span>`
      + `<span class="num">${score.toFixed(0)}</span><span class="n">${c.findings.toLocaleString('en')} findings</span></div>`;
  }).join('');
  return `<section id="categories"><h2>Categories</h2>${rows}</section>`;
}

/** Score history as an SVG line chart; empty when there is no earlier scan. */
export function trendChart(trend: readonly TrendPoint[]): string {
  if (trend.length < 2) return '';
  const w = 640;
  const h = 180;
  const pad = 30;
  const x = (i: number): number => pad + (i * (w - 2 * pad)) / (trend.length - 1);
  const y = (score: number): number => h - pad - (score / 100) * (h - 2 * pad);
  const points = trend.map((t, i) => `${x(i).toFixed(1)},${y(t.score).toFixed(1)}`).join(' ');
  const grid = [0, 50, 100].map((v) => `<line x1="${pad}" x2="${w - pad}" y1="${y(v)}" y2="${y(v)}" class="grid"/><text x="4" y="${y(v) + 4}" class="axis">${v}</text>`).join('');
  const dots = trend.map((t, i) => `<circle cx="${x(i).toFixed(1)}" cy="${y(t.score).toFixed(1)}" r="5" fill="${scoreColour(t.score)}" data-scan="${esc(t.scanId)}" data-score="${t.score}"/>`
    + `<text x="${x(i).toFixed(1)}" y="${(y(t.score) - 10).toFixed(1)}" text-anchor="middle" class="label">${t.grade}</text>`).join('');
  return `<section id="trend"><h2>Trend</h2><svg width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img" aria-label="Score history">`
    + `${grid}<polyline points="${points}" fill="none" stroke="#57606a" stroke-width="2"/>${dots}</svg></section>`;
}

export const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;margin:0;background:#f6f8fa}
main{max-width:1040px;margin:0 auto;padding:24px}
header{display:flex;gap:24px;align-items:center;background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:20px}
.badge{width:120px;height:120px;border-radius:50%;color:#fff;display:flex;flex-direction:column;align-items:center;justify-content:center;flex:none}
.badge .letter{font-size:64px;font-weight:700;line-height:1}.badge .score{font-size:16px}
h1{margin:0 0 6px;font-size:22px}h2{font-size:16px;margin:0 0 12px}
section{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:16px 20px;margin-top:16px}
.meta{color:#57606a}.warn{color:#9a6700}
.stack{display:flex;height:22px;border-radius:4px;overflow:hidden;background:#eaeef2}
.legend{margin-top:8px;display:flex;gap:18px}.legend i{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px}
.cat{display:grid;grid-template-columns:220px 1fr 40px 110px;gap:10px;align-items:center;padding:3px 0}
.cat .track{height:14px;background:#eaeef2;border-radius:3px;overflow:hidden;display:block}.cat .fill{display:block;height:100%}
.cat .num{text-align:right;font-weight:600}.cat .n{color:#57606a}
.cat.uncovered{grid-template-columns:220px 1fr;color:#8c959f}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:6px 8px;border-top:1px solid #d0d7de;vertical-align:top}
th{background:#f6f8fa}code{font:12px ui-monospace,SFMono-Regular,Menlo,monospace;background:#f6f8fa;padding:1px 4px;border-radius:4px;word-break:break-all}
.sev{font-weight:600;text-transform:uppercase;font-size:11px}.sev.critical{color:#cf222e}.sev.warning{color:#9a6700}.sev.info{color:#0969da}
.grid{stroke:#d0d7de}.axis{font-size:10px;fill:#57606a}.label{font-size:11px;font-weight:600;fill:#1f2328}
footer{color:#57606a;margin:16px 0;font-size:12px}
`;
