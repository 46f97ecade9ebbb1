import { z } from 'zod';
import { completable, type McpServer } from '@modelcontextprotocol/server';

const AUDIENCES = ['executive', 'technical', 'editorial'] as const;

const argsSchema = z.object({
  report: z.string().min(1).describe('The X-Ray report to summarise (its JSON or Markdown, e.g. from `conduit xray report`)'),
  audience: completable(z.string().describe(`Who the summary is for: ${AUDIENCES.join(', ')} (default executive)`),
    (value) => AUDIENCES.filter((a) => a.startsWith(value))).optional(),
});

/** summarise_xray_report: turns an X-Ray audit report into a prioritised summary for one audience. */
export function registerSummariseXrayReport(server: McpServer): void {
  server.registerPrompt('summarise_xray_report', {
    title: 'Summarise an X-Ray report',
    description: 'Summarise a Conduit X-Ray audit report of a CMS instance: the overall score, the most important findings and what to fix first.',
    argsSchema,
  }, ({ report, audience }) => ({
    messages: [
      { role: 'user', content: { type: 'text', text: instructions(audience ?? 'executive') } },
      { role: 'user', content: { type: 'resource', resource: { uri: 'conduit://xray/report', mimeType: 'text/plain', text: report } } },
    ],
  }));
}

function instructions(audience: string): string {
  return [
    `Summarise the Conduit X-Ray report below for an ${audience} audience.`,
    'Start with the overall health in one sentence (quote the score if the report has one).',
    'Then list at most five findings in order of impact: what it is, how many items it affects, and why it matters.',
    'End with a short, ordered plan of what to fix first. Use only facts from the report; do not guess numbers.',
  ].join('\n');
}
