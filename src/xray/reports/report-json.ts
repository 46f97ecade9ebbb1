import type { ReportRenderer } from './report-format.ts';

/**
 * The JSON report (docs/xray.md "Report JSON schema"): the model's keys, then
 * `findings` streamed in fingerprint order. Stable: the same scan and
 * acceptances give the same bytes apart from `generatedAt`.
 */
export const jsonReport: ReportRenderer = {
  format: 'json',
  mediaType: 'application/json',
  extension: 'json',
  async render(model, findings, write) {
    const head = JSON.stringify(model, null, 2);
    await write(`${head.slice(0, head.lastIndexOf('}')).trimEnd()},\n  "findings": [`);
    let first = true;
    for await (const batch of findings()) {
      for (const f of batch) {
        await write(`${first ? '\n' : ',\n'}    ${JSON.stringify(f)}`);
        first = false;
      }
    }
    await write(first ? ']\n}\n' : '\n  ]\n}\n');
  },
};
