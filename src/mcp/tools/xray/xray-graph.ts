import { z } from 'zod';
import { xrayAnalysisOf } from '../../../xray/analysis/app-analysis.ts';
import { defineTool, READ_ONLY } from '../../tool-kit/define-tool.ts';
import { idString, itemRef, pathString } from '../../tool-kit/tool-input.ts';
import { jsonSize } from '../../tool-kit/response-budget.ts';
import { graphOutput } from './xray-report-schemas.ts';
import { scanIdArg } from './xray-schemas.ts';

const schema = z.strictObject({
  scanId: scanIdArg,
  id: idString().optional().describe('The item at the centre (an itemId from xray_report). Give id or path.'),
  path: pathString().optional().describe('The item at the centre, by path. Give id or path.'),
  depth: z.number().int().min(1).max(3).optional().describe('Hops from the item (default 1)'),
  maxNodes: z.number().int().min(1).max(300).optional().describe('Most nodes to return (default 50)'),
  format: z.enum(['json', 'mermaid']).optional().describe('json: nodes and edges; mermaid: also a Mermaid flowchart (default json)'),
});

export const xrayGraph = defineTool({
  name: 'xray_graph',
  title: 'X-Ray item graph',
  description: 'A bounded neighbourhood of an item in a stored X-Ray scan: its parent, template, the items, renderings, datasources and media '
    + 'it references, and the items referencing it, as typed nodes and edges (up to depth hops and maxNodes). Targets missing from '
    + 'the scan show as type "missing". format "mermaid" adds a Mermaid flowchart. Reads the store only.',
  toolset: 'xray',
  annotations: { ...READ_ONLY, openWorldHint: false },
  input: { loose: schema, pick: () => schema },
  output: graphOutput,
  handler: ({ app, budget }) => (args) => app.calls.run({ tool: 'xray_graph' }, async () => {
    const ref = itemRef(args);
    let maxNodes = args.maxNodes ?? 50;
    for (;;) {
      const graph = await xrayAnalysisOf(app).graph(args.scanId, ref, { depth: args.depth ?? 1, maxNodes });
      const { mermaid: _mermaid, ...rest } = graph;
      const out = args.format === 'mermaid' ? graph : rest;
      // Over the response budget: ask again for fewer nodes (the graph says it is truncated).
      if (jsonSize(out) <= budget.chars || maxNodes <= 5) return out;
      maxNodes = Math.max(5, Math.floor(maxNodes / 2));
    }
  }),
});
