/**
 * Strongly connected components of a directed graph (Tarjan's algorithm,
 * iterative so deep inheritance chains cannot overflow the stack). Edges to
 * unknown nodes are ignored.
 */
export function stronglyConnected(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  let next = 0;
  for (const start of edges.keys()) {
    if (index.has(start)) continue;
    const work: Array<{ node: string; i: number }> = [{ node: start, i: 0 }];
    index.set(start, next); low.set(start, next); next++;
    stack.push(start); onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      if (!frame) break;
      const targets = (edges.get(frame.node) ?? []).filter((t) => edges.has(t));
      if (frame.i < targets.length) {
        const t = targets[frame.i++] ?? '';
        if (!index.has(t)) {
          index.set(t, next); low.set(t, next); next++;
          stack.push(t); onStack.add(t);
          work.push({ node: t, i: 0 });
        } else if (onStack.has(t)) {
          low.set(frame.node, Math.min(low.get(frame.node) ?? 0, index.get(t) ?? 0));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node) ?? 0, low.get(frame.node) ?? 0));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        for (let w = stack.pop(); w !== undefined; w = stack.pop()) {
          onStack.delete(w);
          component.push(w);
          if (w === frame.node) break;
        }
        out.push(component);
      }
    }
  }
  return out;
}
