import { ResourceTemplate, type McpServer, type Variables } from '@modelcontextprotocol/server';
import type { App } from '../../app-types.ts';
import { protocolErrorFrom } from '../tool-kit/protocol-error.ts';
import { fitRecord, type ResponseBudget } from '../tool-kit/response-budget.ts';
import { fitType } from '../tool-kit/fit-type.ts';
import { uriVariable } from '../tool-kit/uri-variable.ts';

const MAX_COMPLETIONS = 20;

/**
 * Resource templates for content items and content types, so a client can
 * attach one to a conversation: `conduit://{adapter}/content/{id}` and
 * `conduit://{adapter}/types/{id}`. Both complete the adapter name, and the
 * id from a listing of that adapter.
 */
export function registerContentResources(server: McpServer, app: App, budget: ResponseBudget): void {
  const adapterNames = (value: string): string[] => app.content.adapters().map((a) => a.name).filter((n) => n.startsWith(value));
  server.registerResource('content-item', new ResourceTemplate('conduit://{adapter}/content/{id}', {
    list: undefined,
    complete: { adapter: adapterNames, id: (value, context) => completeIds(app, context?.arguments?.['adapter'], value, 'content') },
  }), { title: 'Content item', description: 'One content item as JSON: fields, type and references', mimeType: 'application/json' },
  (uri, variables) => read(app, uri, variables, 'resource:content', async (adapter, id) => fitRecord(await app.content.get(adapter, { id }), budget.chars).value));
  server.registerResource('content-type', new ResourceTemplate('conduit://{adapter}/types/{id}', {
    list: undefined,
    complete: { adapter: adapterNames, id: (value, context) => completeIds(app, context?.arguments?.['adapter'], value, 'types') },
  }), { title: 'Content type', description: 'One content type (Sitecore template) with its fields, as JSON', mimeType: 'application/json' },
  (uri, variables) => read(app, uri, variables, 'resource:type', async (adapter, id) => fitType(await app.content.getType(adapter, id), budget.chars).value));
}

async function read(app: App, uri: URL, variables: Variables, tool: string, load: (adapter: string, id: string) => Promise<unknown>) {
  try {
    const adapter = uriVariable(variables, 'adapter');
    const id = uriVariable(variables, 'id');
    const value = await app.calls.run({ tool, adapter }, () => load(app.content.resolveAdapter(adapter), id));
    return { contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(value) }] };
  } catch (error) {
    throw protocolErrorFrom(error, uri.href);
  }
}

async function completeIds(app: App, adapterArg: string | undefined, value: string, what: 'content' | 'types'): Promise<string[]> {
  const adapter = adapterArg ?? (app.content.adapters().length === 1 ? app.content.adapters()[0]?.name : undefined);
  if (adapter === undefined || !app.content.adapters().some((a) => a.name === adapter)) return [];
  const listing = async (): Promise<Array<{ id: string; name: string }>> => (what === 'content'
    ? (await app.content.list(adapter, { limit: 100 })).items
    : (await app.content.listTypes(adapter, { limit: 100 })).items);
  try {
    const items = await app.calls.run({ tool: `complete:${what}`, adapter }, listing);
    const needle = value.toLowerCase();
    return items.filter((i) => i.id.toLowerCase().startsWith(needle) || i.name.toLowerCase().startsWith(needle))
      .slice(0, MAX_COMPLETIONS).map((i) => i.id);
  } catch (error) {
    // A completion is a convenience: when the CMS cannot answer, offer nothing rather than an error.
    app.logger.warn({ err: error, adapter }, 'completion listing failed');
    return [];
  }
}
