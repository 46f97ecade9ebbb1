import type { ItemRole, XrayModel } from '../../adapter-kit/index.ts';
import { ConduitError } from '../../core/conduit-error.ts';
import type { ScanStore } from '../../store/scan-store.ts';
import type { StoredItem } from '../../store/scan-store-types.ts';
import { pathKey } from './analyzer-support.ts';

export type GraphNodeType = 'item' | 'template' | 'rendering' | 'media' | 'folder' | 'missing';

export interface GraphNode {
  id: string;
  name: string;
  path: string | null;
  type: GraphNodeType;
  /** Hops from the root item. */
  depth: number;
}

export interface GraphEdge {
  from: string;
  to: string;
  /** child-of, instance-of, referenced kinds (rendering-id, general-link-internal…). */
  kind: string;
  field?: string;
}

export interface ItemGraph {
  root: string;
  depth: number;
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** maxNodes was reached: more neighbours exist. */
  truncated: boolean;
}

export interface GraphOptions {
  depth: number;
  maxNodes: number;
  /** The adapter profile's model, to read outgoing references from fields; without it the crawl's stored references are used. */
  model: XrayModel | null;
}

const TYPE_OF_ROLE: Partial<Record<ItemRole, GraphNodeType>> = { 'type': 'template', 'component': 'rendering', 'media': 'media', 'container': 'folder', 'media-container': 'folder' };

interface Builder {
  nodes: Map<string, GraphNode>;
  edges: Map<string, GraphEdge>;
  truncated: boolean;
  maxNodes: number;
}

function addNode(b: Builder, node: GraphNode): boolean {
  if (b.nodes.has(node.id)) return true;
  if (b.nodes.size >= b.maxNodes) { b.truncated = true; return false; }
  b.nodes.set(node.id, node);
  return true;
}

function addEdge(b: Builder, edge: GraphEdge): void {
  if (b.nodes.has(edge.from) && b.nodes.has(edge.to)) b.edges.set(`${edge.from}|${edge.to}|${edge.kind}|${edge.field ?? ''}`, edge);
}

function nodeOf(item: StoredItem, depth: number, model: XrayModel | null): GraphNode {
  const type = model ? TYPE_OF_ROLE[model.role(item)] ?? 'item' : 'item';
  return { id: item.id, name: item.name, path: item.path, type, depth };
}

async function outgoing(store: ScanStore, scanId: string, item: StoredItem, model: XrayModel | null): Promise<GraphEdge[]> {
  const edges: GraphEdge[] = [];
  if (item.parentId) edges.push({ from: item.id, to: item.parentId, kind: 'child-of' });
  if (item.templateId) edges.push({ from: item.id, to: item.templateId, kind: 'instance-of' });
  if (model === null) return edges;
  const refs = model.references(item);
  const byPath = refs.filter((r) => r.targetId === undefined && r.targetPath !== undefined);
  const ids = new Map((await store.getItemsByPath(scanId, byPath.map((r) => r.targetPath ?? ''))).map((i) => [pathKey(i.path), i.id]));
  for (const r of refs) {
    const to = r.targetId ?? ids.get(pathKey(r.targetPath ?? '')) ?? `path:${r.targetPath ?? ''}`;
    edges.push({ from: item.id, to, kind: r.kind, field: r.field });
  }
  return edges;
}

/**
 * A bounded neighbourhood of an item in a stored scan: breadth-first over
 * parent, template and outgoing references up to `depth` hops, then the
 * items that reference any node (one pass over the crawl's stored
 * references), until `maxNodes`. Targets missing from the scan are nodes of
 * type `missing`.
 */
export async function itemGraph(store: ScanStore, scanId: string, ref: { id?: string; path?: string }, options: GraphOptions): Promise<ItemGraph> {
  const found = ref.id !== undefined ? await store.getItems(scanId, [ref.id.toLowerCase()]) : await store.getItemsByPath(scanId, [ref.path ?? '']);
  const root = found[0];
  if (!root) {
    throw new ConduitError('ADP_NOT_FOUND', `Scan ${scanId} holds no item ${ref.id ?? ref.path ?? ''}.`, { hint: 'Use an id or path from the report (itemId / itemPath), or the scan root.' });
  }
  const b: Builder = { nodes: new Map(), edges: new Map(), truncated: false, maxNodes: options.maxNodes };
  addNode(b, nodeOf(root, 0, options.model));
  let frontier = [root];
  const pending: GraphEdge[] = [];
  for (let depth = 1; depth <= options.depth && frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const item of frontier) {
      for (const edge of await outgoing(store, scanId, item, options.model)) {
        pending.push(edge);
        if (!b.nodes.has(edge.to)) next.push(edge.to);
      }
    }
    const loaded = new Map((await store.getItems(scanId, next.filter((id) => !id.startsWith('path:')))).map((i) => [i.id, i]));
    frontier = [];
    for (const id of new Set(next)) {
      const item = loaded.get(id);
      const added = addNode(b, item ? nodeOf(item, depth, options.model) : { id, name: id.startsWith('path:') ? id.slice(5) : id, path: id.startsWith('path:') ? id.slice(5) : null, type: 'missing', depth });
      if (added && item && !frontier.includes(item)) frontier.push(item);
    }
  }
  await addInbound(store, scanId, b, options);
  for (const edge of pending) addEdge(b, edge);
  return { root: root.id, depth: options.depth, nodes: [...b.nodes.values()], edges: [...b.edges.values()], truncated: b.truncated };
}

/** Items that reference a node within depth − 1 hops: one streaming pass over the stored references. */
async function addInbound(store: ScanStore, scanId: string, b: Builder, options: GraphOptions): Promise<void> {
  const targets = new Map([...b.nodes.values()].filter((n) => n.depth < options.depth && n.type !== 'missing').map((n) => [n.id, n.depth]));
  const sources = new Map<string, number>();
  const inbound: GraphEdge[] = [];
  for await (const batch of store.iterateReferences(scanId, { batchSize: 5000 })) {
    for (const r of batch) {
      const depth = targets.get(r.targetId);
      if (depth === undefined || r.sourceId === r.targetId) continue;
      inbound.push({ from: r.sourceId, to: r.targetId, kind: r.kind, field: r.field });
      if (!b.nodes.has(r.sourceId) && !sources.has(r.sourceId)) sources.set(r.sourceId, depth + 1);
    }
  }
  const items = await store.getItems(scanId, [...sources.keys()].slice(0, Math.max(0, b.maxNodes - b.nodes.size) + 1));
  for (const item of items) addNode(b, nodeOf(item, sources.get(item.id) ?? options.depth, options.model));
  if (sources.size > items.length) b.truncated = true;
  for (const edge of inbound) addEdge(b, edge);
}

/** The graph as a Mermaid flowchart (labels escaped for Mermaid). */
export function graphToMermaid(graph: ItemGraph): string {
  const index = new Map(graph.nodes.map((n, i) => [n.id, `n${i}`]));
  const label = (text: string): string => text.replace(/"/g, '#quot;').replace(/[<>]/g, (c) => (c === '<' ? '#lt;' : '#gt;'));
  const lines = ['graph LR'];
  for (const n of graph.nodes) lines.push(`  ${index.get(n.id) ?? ''}["${label(n.name)}"]:::${n.type}`);
  for (const e of graph.edges) lines.push(`  ${index.get(e.from) ?? ''} -->|${label(e.kind)}| ${index.get(e.to) ?? ''}`);
  lines.push('  classDef missing fill:#ffebe9,stroke:#cf222e', '  classDef template fill:#ddf4ff', '  classDef rendering fill:#fbefff', '  classDef media fill:#fff8c5');
  return `${lines.join('\n')}\n`;
}
