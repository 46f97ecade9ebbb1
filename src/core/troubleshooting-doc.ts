import { ERROR_CATALOGUE, ERROR_CODES, exitCodeFor } from './error-catalogue.ts';

const INTRO = `# Troubleshooting

Every error Conduit reports carries a stable code: tool results show \`[CODE] message\` and a \`Hint:\`,
the CLI prints \`error [CODE] …\` and exits with the code's family exit status, and logs carry \`errorCode\`.
This page lists every code with what it means and how to fix it.

<!-- Generated from src/core/error-catalogue.ts by \`npm run docs:errors\`; a test fails when they drift. -->

| Exit status | Family |
|---|---|
| 1 | INTERNAL (a bug) |
| 2 | command-line usage |
| 3 | CFG — configuration |
| 4 | ADP — the CMS behind an adapter |
| 5 | STORE — the scan database |
| 6 | XRAY — scans and reports |
| 7 | HTTP — the HTTP server |
| 8 | TOOL — tool calls |
| 10 | SHUTTING_DOWN |
`;

/** TROUBLESHOOTING.md, rendered from the error catalogue. */
export function renderTroubleshooting(): string {
  const sections = ERROR_CODES.map((code) => {
    const entry = ERROR_CATALOGUE[code];
    return [
      `## ${code}`,
      '',
      `**What it means.** ${entry.means}`,
      '',
      `**How to fix.** ${entry.fix}`,
      '',
      `Retryable: ${entry.retryable ? 'yes' : 'no'} · CLI exit status: ${exitCodeFor(code)}`,
      '',
    ].join('\n');
  });
  return `${INTRO}\n${sections.join('\n')}`;
}
