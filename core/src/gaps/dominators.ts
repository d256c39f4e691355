/**
 * Graph helpers for the bottleneck rule: compressed adjacency (CSR) on typed arrays and the
 * Lengauer–Tarjan dominator tree, iterative throughout so that chains of 100,000 actors never
 * hit the call-stack limit.
 */

/** A directed graph in compressed sparse row form: the successors of v are adj[start[v]] … adj[start[v + 1] - 1]. */
export interface CsrGraph {
  start: Int32Array;
  adj: Int32Array;
}

/** Build a CSR graph on nodes 0…nodeCount-1 from the first `edgeCount` edges from[i] → to[i]. */
export function buildCsr(nodeCount: number, from: Int32Array, to: Int32Array, edgeCount: number): CsrGraph {
  const start = new Int32Array(nodeCount + 1);
  for (let e = 0; e < edgeCount; e++) {
    const v = (from[e] ?? 0) + 1;
    start[v] = (start[v] ?? 0) + 1;
  }
  for (let v = 0; v < nodeCount; v++) start[v + 1] = (start[v + 1] ?? 0) + (start[v] ?? 0);
  const fill = start.slice(0, nodeCount);
  const adj = new Int32Array(edgeCount);
  for (let e = 0; e < edgeCount; e++) {
    const f = from[e] ?? 0;
    const pos = fill[f] ?? 0;
    adj[pos] = to[e] ?? 0;
    fill[f] = pos + 1;
  }
  return { start, adj };
}

/** The reversed graph: every edge v → w becomes w → v. */
export function reverseCsr(g: CsrGraph): CsrGraph {
  const nodeCount = g.start.length - 1;
  const edgeCount = g.adj.length;
  const from = new Int32Array(edgeCount);
  for (let v = 0; v < nodeCount; v++) {
    const end = g.start[v + 1] ?? 0;
    for (let e = g.start[v] ?? 0; e < end; e++) from[e] = v;
  }
  return buildCsr(nodeCount, g.adj, from, edgeCount);
}

export interface DominatorTree {
  /** Immediate dominator of each node; the root is its own, unreachable nodes have -1. */
  idom: Int32Array;
  /** The nodes reachable from the root in depth-first preorder: every node comes after its immediate dominator. */
  order: Int32Array;
}

/** Dominator tree of the nodes reachable from `root` (Lengauer–Tarjan with path compression, O(m log n), no recursion). */
export function dominatorTree(succ: CsrGraph, root: number): DominatorTree {
  const n = succ.start.length - 1;
  const pred = reverseCsr(succ);
  const pre = new Int32Array(n).fill(-1);
  const vertex = new Int32Array(n);
  // From here on nodes are named by their preorder number (0 = root), which LT compares directly.
  const parent = new Int32Array(n);
  const stack = new Int32Array(n);
  const cursor = new Int32Array(n);

  let count = 0;
  let top = 0;
  pre[root] = count;
  vertex[count++] = root;
  stack[top++] = root;
  cursor[root] = succ.start[root] ?? 0;
  while (top > 0) {
    const v = stack[top - 1] ?? 0;
    const pos = cursor[v] ?? 0;
    if (pos < (succ.start[v + 1] ?? 0)) {
      cursor[v] = pos + 1;
      const w = succ.adj[pos] ?? 0;
      if (pre[w] === -1) {
        pre[w] = count;
        parent[count] = pre[v] ?? 0;
        vertex[count++] = w;
        cursor[w] = succ.start[w] ?? 0;
        stack[top++] = w;
      }
    } else {
      top--;
    }
  }

  const semi = new Int32Array(count);
  const idomPre = new Int32Array(count);
  const ancestor = new Int32Array(count).fill(-1);
  const label = new Int32Array(count);
  const bucketHead = new Int32Array(count).fill(-1);
  const bucketNext = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    semi[i] = i;
    label[i] = i;
  }

  // eval of the simple LT variant; the recursive `compress` is unrolled onto `stack`.
  const evaluate = (v: number): number => {
    const a = ancestor[v] ?? -1;
    if (a === -1) return v;
    let depth = 0;
    let x = v;
    while ((ancestor[ancestor[x] ?? 0] ?? -1) !== -1) {
      stack[depth++] = x;
      x = ancestor[x] ?? 0;
    }
    while (depth > 0) {
      const y = stack[--depth] ?? 0;
      const ay = ancestor[y] ?? 0;
      const la = label[ay] ?? 0;
      if ((semi[la] ?? 0) < (semi[label[y] ?? 0] ?? 0)) label[y] = la;
      ancestor[y] = ancestor[ay] ?? -1;
    }
    return label[v] ?? v;
  };

  for (let i = count - 1; i > 0; i--) {
    const w = vertex[i] ?? 0;
    const end = pred.start[w + 1] ?? 0;
    for (let e = pred.start[w] ?? 0; e < end; e++) {
      const pv = pre[pred.adj[e] ?? 0] ?? -1;
      if (pv === -1) continue;
      const u = evaluate(pv);
      const su = semi[u] ?? 0;
      if (su < (semi[i] ?? 0)) semi[i] = su;
    }
    const s = semi[i] ?? 0;
    bucketNext[i] = bucketHead[s] ?? -1;
    bucketHead[s] = i;
    const p = parent[i] ?? 0;
    ancestor[i] = p;
    for (let v = bucketHead[p] ?? -1; v !== -1; v = bucketNext[v] ?? -1) {
      const u = evaluate(v);
      idomPre[v] = (semi[u] ?? 0) < (semi[v] ?? 0) ? u : p;
    }
    bucketHead[p] = -1;
  }
  for (let i = 1; i < count; i++) {
    const d = idomPre[i] ?? 0;
    if (d !== semi[i]) idomPre[i] = idomPre[d] ?? 0;
  }

  const idom = new Int32Array(n).fill(-1);
  idom[root] = root;
  for (let i = 1; i < count; i++) idom[vertex[i] ?? 0] = vertex[idomPre[i] ?? 0] ?? 0;
  return { idom, order: vertex.slice(0, count) };
}
