import { ResourceTemplate, type McpServer } from '@modelcontextprotocol/server';
import { TEST_IMAGE_PNG_BASE64 } from './conformance-fixtures.ts';

/** The suite's resources: static text and binary, a template, and a subscribable resource. */
export function registerConformanceResources(server: McpServer): void {
  server.registerResource('static-text', 'test://static-text',
    { title: 'Static text', description: 'A static text resource', mimeType: 'text/plain' },
    (uri) => ({ contents: [{ uri: uri.href, mimeType: 'text/plain', text: 'This is the content of the static text resource.' }] }));
  server.registerResource('static-binary', 'test://static-binary',
    { title: 'Static binary', description: 'A static binary (PNG) resource', mimeType: 'image/png' },
    (uri) => ({ contents: [{ uri: uri.href, mimeType: 'image/png', blob: TEST_IMAGE_PNG_BASE64 }] }));
  server.registerResource('template', new ResourceTemplate('test://template/{id}/data', { list: undefined }),
    { title: 'Template', description: 'A resource template with parameter substitution', mimeType: 'application/json' },
    (uri, variables) => {
      const id = String(variables['id']);
      return { contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify({ id, templateTest: true, data: `Data for ID: ${id}` }) }] };
    });
  server.registerResource('watched-resource', 'test://watched-resource',
    { title: 'Watched resource', description: 'A resource clients may subscribe to', mimeType: 'text/plain' },
    (uri) => ({ contents: [{ uri: uri.href, mimeType: 'text/plain', text: 'Watched resource content' }] }));
  server.server.registerCapabilities({ resources: { subscribe: true } });
  // Subscriptions are accepted; the fixtures never change, so no update is ever sent.
  server.server.setRequestHandler('resources/subscribe', () => ({}));
  server.server.setRequestHandler('resources/unsubscribe', () => ({}));
}
